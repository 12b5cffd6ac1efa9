/**
 * Target editor (目标分解): a team target for one period, shown split over the members and spread
 * over time with the shared domain rules (the same code the worker uses), then saved with PUT.
 * The state and what follows from it are `draft.ts`; the split table and the bars are their own parts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PeriodKind } from '../../../../shared/api/index.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { minorDigits } from '../../../../shared/domain/money.ts';
import { formatMetricValue } from '../app/format.ts';
import { metricKind, metricLabel, orgMetrics } from '../app/metrics.ts';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { NumberInput } from '../components/NumberInput.tsx';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { plural } from '../i18n/plural.ts';
import { loadAllocation, loadMembers, loadRoster, loadTeamTargets, saveTarget } from './api.ts';
import {
  boardTargetOf,
  currentTargetOf,
  initialDraft,
  KINDS,
  type Pacing,
  periodOf,
  planOf,
  type TargetDraft,
  targetInputOf,
  timeBuckets,
} from './draft.ts';
import { SegmentProgress } from './SegmentProgress.tsx';
import { SegmentSplit } from './SegmentSplit.tsx';
import { SplitTable } from './SplitTable.tsx';
import { TargetAudit } from './TargetAudit.tsx';
import { TimeBars } from './TimeBars.tsx';

export function TargetEditor() {
  const profile = me.value;
  const m = t.value.targets;
  const settings = profile?.org.settings;
  const [draft, setDraft] = useState<TargetDraft>(() =>
    initialDraft(
      profile?.team.id ?? '',
      settings?.primaryMetric ?? 'revenue',
      // Today in the team's calendar, so the editor opens on the team's running period.
      localDateOf(new Date(), settings?.calendar.timezone ?? 'UTC'),
    ),
  );
  const edit = (change: Partial<TargetDraft>) => setDraft((d) => ({ ...d, ...change }));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [audited, setAudited] = useState(0);

  // Every member the manager manages, and who was on the team each day of the period: the split
  // is over the reps of the team's subtree on each day, as the worker splits the saved target.
  const members = useAsync(loadMembers, 'members');
  const { teamId, metric } = draft;
  const shownPeriod = settings ? periodOf(draft, settings) : null;
  const roster = useAsync(
    () =>
      shownPeriod
        ? loadRoster(teamId, draft.kind, shownPeriod.start)
        : Promise.reject(new Error('no settings')),
    `${teamId}|${draft.kind}|${shownPeriod?.start ?? ''}|${audited}`,
  );
  const current = useAsync(
    () => loadTeamTargets(teamId, metric),
    `${teamId}|${metric}|${status?.text ?? ''}|${audited}`,
  );
  // The team's level of the allocation tree for this period: a share handed down from above
  // is the team's target on the board when it has none of its own.
  const level = useAsync(
    () =>
      shownPeriod
        ? loadAllocation(teamId, metric, draft.kind, shownPeriod.start).then((tree) => ({
            key: `${teamId}|${metric}|${draft.kind}|${shownPeriod.start}`,
            tree,
          }))
        : Promise.reject(new Error('no settings')),
    `${teamId}|${metric}|${draft.kind}|${shownPeriod?.start ?? ''}|${status?.text ?? ''}|${audited}`,
  );
  // Any edit makes the last save/refusal message stale; grouping a number as its field is left
  // ("500000" → "500,000") is no edit.
  const typed = { ...draft, valueText: draft.valueText.replace(/[^\d.]/g, '') };
  useEffect(() => setStatus(null), [JSON.stringify(typed)]);
  if (!profile || !settings) return null;

  const plan = planOf(draft, settings, teams.value, members.data ?? [], roster.data ?? null);
  const { period, value, allocation, daily, workdays } = plan;
  const isAmount = metricKind(settings, metric) === 'amount';
  const lang = locale.value;
  const show = (v: number) =>
    formatMetricValue(v, metricKind(settings, metric), settings.currency, lang);
  const team = teams.value.find((x) => x.id === teamId);
  // The target boards use for this period, also when it comes from a longer or shorter one.
  const handed =
    level.data?.key === `${teamId}|${metric}|${draft.kind}|${period.start}`
      ? level.data.tree
      : null;
  const existing = boardTargetOf(
    currentTargetOf(draft, plan, current.data ?? [], settings.calendar),
    handed,
    draft.kind,
  );
  // The stored target this form edits (its history is shown below).
  const stored = (current.data ?? []).find(
    (x) =>
      x.scope === 'team' &&
      x.teamId === teamId &&
      x.period.kind === draft.kind &&
      x.period.start === period.start,
  );
  const perWorkday = isAmount
    ? show(Math.round(plan.perWorkday))
    : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(plan.perWorkday);

  const save = async (event: Event) => {
    event.preventDefault();
    // Shares typed by hand must add up; an equal or weighted split always does, except for days
    // nobody is on the team (shown below the table), which no one can carry.
    if (draft.mode === 'explicit' && !plan.balanced) {
      setStatus({ ok: false, text: m.cannotSave });
      return;
    }
    try {
      const why = reason.trim();
      await saveTarget({ ...targetInputOf(draft, plan), ...(why ? { reason: why } : {}) });
      setStatus({ ok: true, text: m.saved });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main class="targets">
      <form class="card editor" onSubmit={save} aria-labelledby="targets-title">
        <h2 id="targets-title">{m.title}</h2>
        <div class="row">
          <label>
            {t.value.team}
            <TeamSelect name="team" value={teamId} onChange={(id) => edit({ teamId: id })} />
          </label>
          <label>
            {m.metric}
            <select
              name="metric"
              value={metric}
              onChange={(e) => edit({ metric: e.currentTarget.value })}
            >
              {orgMetrics(settings).map((x) => (
                <option key={x.id} value={x.id}>
                  {metricLabel(x.id, settings)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.periodKind}
            <select
              name="kind"
              value={draft.kind}
              onChange={(e) => edit({ kind: e.currentTarget.value as PeriodKind })}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.value.period[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.start}
            <input
              type="date"
              name="date"
              value={draft.date}
              onChange={(e) => e.currentTarget.value && edit({ date: e.currentTarget.value })}
            />
          </label>
          <label>
            {m.value}
            {isAmount ? ` (${settings.currency})` : ''}
            <NumberInput
              name="value"
              digits={isAmount ? minorDigits(settings.currency) : 0}
              locale={lang}
              text={draft.valueText}
              onText={(valueText) => edit({ valueText })}
              required
            />
          </label>
        </div>
        <p class="muted">
          {team?.name} ·{' '}
          <span data-period-start={period.start}>
            {period.start} – {period.end}
          </span>{' '}
          · {m.current}:{' '}
          <span data-current-target>
            {existing
              ? `${show(existing.value)}${
                  existing.handedDown
                    ? ` (${m.handedDown})`
                    : existing.kinds.some((k) => k !== draft.kind)
                      ? ` (${existing.kinds.map((k) => t.value.period[k]).join(', ')})`
                      : ''
                }`
              : m.none}
          </span>
        </p>

        <label class="inline pacing">
          {m.pacing}
          <select
            name="pacing"
            value={draft.pacing}
            onChange={(e) => edit({ pacing: e.currentTarget.value as Pacing })}
          >
            <option value="even">{m.pacingEven}</option>
            <option value="front">{m.pacingFront}</option>
            <option value="back">{m.pacingBack}</option>
          </select>
        </label>
        <SegmentSplit
          draft={draft}
          value={value}
          currency={isAmount ? settings.currency : null}
          categories={settings.productCategories ?? []}
          onChange={edit}
        />
        <fieldset class="split">
          <legend>{m.split}</legend>
          {(['equal', 'weights', 'explicit'] as const).map((x) => (
            <label key={x} class="inline">
              <input
                type="radio"
                name="mode"
                value={x}
                checked={draft.mode === x}
                onChange={() => edit({ mode: x })}
              />
              {m[x]}
            </label>
          ))}
        </fieldset>

        <div class="editor-grid">
          <SplitTable
            reps={plan.reps}
            mode={draft.mode}
            weights={draft.weights}
            shares={draft.shares}
            allocation={allocation}
            value={value}
            uncovered={plan.dated ? plan.uncovered : 0}
            show={show}
            onChange={edit}
          />
          <div>
            <h3>{m.overTime}</h3>
            <TimeBars buckets={timeBuckets(daily, draft.kind)} show={show} />
            <p class="muted" data-workdays={workdays}>
              {plural(workdays, m.workdays, lang)} · {workdays > 0 ? perWorkday : '\u2014'}{' '}
              {m.perWorkday}
            </p>
          </div>
        </div>
        <div class="actions">
          <label class="inline">
            {m.reason}
            <input
              name="reason"
              value={reason}
              maxLength={200}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary" disabled={value <= 0}>
            {m.save}
          </button>
          {status && (
            <span class={status.ok ? 'ok' : 'error'} role="status">
              {status.text}
            </span>
          )}
        </div>
      </form>
      {stored?.breakdown && (
        <SegmentProgress targetId={stored.id} refresh={JSON.stringify(stored)} show={show} />
      )}
      <TargetAudit
        teamId={teamId}
        metric={metric}
        kind={draft.kind}
        period={period}
        existing={stored}
        show={show}
        onChange={() => setAudited(audited + 1)}
      />
    </main>
  );
}
