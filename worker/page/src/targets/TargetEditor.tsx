/**
 * Target editor (目标分解): a team target for one period, shown split over the members and spread
 * over time with the shared domain rules (the same code the worker uses), then saved with PUT.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  OrgSettings,
  PacingCurve,
  PeriodKind,
  TeamSplit,
} from '../../../../shared/api/index.ts';
import {
  periodContaining,
  repsUnder,
  splitTeamTarget,
  spreadTarget,
  toMinor,
} from '../../../../shared/domain/index.ts';
import { formatMetricValue } from '../app/format.ts';
import { metricKind, metricLabel, orgMetrics } from '../app/metrics.ts';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { loadMembers, loadTargets, saveTarget } from './api.ts';
import { TargetAudit } from './TargetAudit.tsx';

const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** Pacing curves over the period's thirds (30 % / 50 % / 20 % of a month: docs/architecture.md). */
const third = 1 / 3;
const PACING = {
  even: undefined,
  front: [
    { days: third, weight: 0.3 },
    { days: third, weight: 0.5 },
    { days: third, weight: 0.2 },
  ],
  back: [
    { days: third, weight: 0.2 },
    { days: third, weight: 0.3 },
    { days: third, weight: 0.5 },
  ],
} satisfies Record<string, PacingCurve | undefined>;
type Pacing = keyof typeof PACING;
type Mode = TeamSplit['mode'];

/** Amounts are typed in major units (¥, $) and stored in the currency's minor units (fen, cents). */
const toStored = (settings: OrgSettings, metric: string, typed: number) =>
  metricKind(settings, metric) === 'amount' ? toMinor(typed, settings.currency) : Math.round(typed);

/** Days of the period grouped into bars: days for a week or month, months for longer periods. */
function timeBuckets(daily: Map<string, number>, kind: PeriodKind) {
  const buckets = new Map<string, number>();
  for (const [day, value] of daily) {
    // Months for long periods; day of month for a month; MM-DD for a week.
    const key =
      kind === 'quarter' || kind === 'year'
        ? day.slice(0, 7)
        : kind === 'month'
          ? day.slice(8)
          : day.slice(5);
    buckets.set(key, (buckets.get(key) ?? 0) + value);
  }
  return [...buckets];
}

function TimeBars({ buckets, show }: { buckets: [string, number][]; show: (v: number) => string }) {
  const top = Math.max(1, ...buckets.map(([, v]) => v));
  return (
    <ol class="timebars">
      {buckets.map(([label, value]) => (
        <li key={label} title={`${label}: ${show(value)}`} data-value={value}>
          <span class="bar" style={{ height: `${(value / top) * 100}%` }} />
          <span class="label">{label}</span>
        </li>
      ))}
    </ol>
  );
}

export function TargetEditor() {
  const profile = me.value;
  const m = t.value.targets;
  const settings = profile?.org.settings;
  const [teamId, setTeamId] = useState(profile?.team.id ?? '');
  const [metric, setMetric] = useState(settings?.primaryMetric ?? 'revenue');
  const [kind, setKind] = useState<PeriodKind>('month');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [valueText, setValueText] = useState('');
  const [mode, setMode] = useState<Mode>('equal');
  const [pacing, setPacing] = useState<Pacing>('even');
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [shares, setShares] = useState<Record<string, number>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [audited, setAudited] = useState(0);

  // Every member the manager manages; the split is over the active reps of the team's subtree.
  const members = useAsync(loadMembers, 'members');
  const current = useAsync(
    () => loadTargets(teamId, metric, date),
    `${teamId}|${metric}|${date}|${status?.text ?? ''}|${audited}`,
  );
  // Any edit makes the last save/refusal message stale.
  const draft = JSON.stringify([
    teamId,
    metric,
    kind,
    date,
    valueText,
    mode,
    weights,
    shares,
    pacing,
  ]);
  useEffect(() => setStatus(null), [draft]);
  if (!profile || !settings) return null;

  const cal = settings.calendar;
  const period = periodContaining(kind, date, cal);
  const isAmount = metricKind(settings, metric) === 'amount';
  const value = Math.max(0, toStored(settings, metric, Number(valueText || '0')));
  const lang = locale.value;
  const show = (v: number) =>
    formatMetricValue(v, metricKind(settings, metric), settings.currency, lang);
  const team = teams.value.find((x) => x.id === teamId);
  // Who shares a team target, in the order the worker splits it (shared/domain/teams.ts).
  const memberById = new Map((members.data ?? []).map((x) => [x.id, x]));
  const teamMembers = repsUnder(teams.value, teamId, members.data ?? []).flatMap((id) => {
    const member = memberById.get(id);
    return member ? [member] : [];
  });
  const split: TeamSplit =
    mode === 'equal'
      ? { mode }
      : mode === 'weights'
        ? { mode, weights }
        : {
            mode,
            shares: Object.fromEntries(
              Object.entries(shares).map(([k, v]) => [k, toStored(settings, metric, v)]),
            ),
          };
  const allocation = splitTeamTarget(
    value,
    teamMembers.map((x) => x.id),
    split,
  );
  const curve = PACING[pacing];
  const daily = spreadTarget({ period: { kind, start: period.start }, value, curve }, cal);
  const workdays = [...daily.values()].filter((v) => v > 0).length;
  const existing = current.data?.find(
    (x) =>
      x.scope === 'team' &&
      x.teamId === teamId &&
      x.period.kind === kind &&
      x.period.start === period.start,
  );
  const balanced = allocation.unallocated === 0;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!balanced) {
      setStatus({ ok: false, text: m.cannotSave });
      return;
    }
    try {
      await saveTarget({
        scope: 'team',
        teamId,
        metric,
        period: { kind, start: period.start },
        value,
        split,
        ...(curve ? { curve } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
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
            <TeamSelect name="team" value={teamId} onChange={setTeamId} />
          </label>
          <label>
            {m.metric}
            <select name="metric" value={metric} onChange={(e) => setMetric(e.currentTarget.value)}>
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
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as PeriodKind)}
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
              value={date}
              onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
            />
          </label>
          <label>
            {m.value}
            {isAmount ? ` (${settings.currency})` : ''}
            <input
              type="number"
              name="value"
              min="0"
              step="1"
              inputMode="numeric"
              value={valueText}
              onInput={(e) => setValueText(e.currentTarget.value)}
              required
            />
          </label>
        </div>
        <p class="muted">
          {team?.name} · {period.start} – {period.end} · {m.current}:{' '}
          <span data-current-target>{existing ? show(existing.value) : m.none}</span>
        </p>

        <label class="inline pacing">
          {m.pacing}
          <select
            name="pacing"
            value={pacing}
            onChange={(e) => setPacing(e.currentTarget.value as Pacing)}
          >
            <option value="even">{m.pacingEven}</option>
            <option value="front">{m.pacingFront}</option>
            <option value="back">{m.pacingBack}</option>
          </select>
        </label>
        <fieldset class="split">
          <legend>{m.split}</legend>
          {(['equal', 'weights', 'explicit'] as const).map((x) => (
            <label key={x} class="inline">
              <input
                type="radio"
                name="mode"
                value={x}
                checked={mode === x}
                onChange={() => setMode(x)}
              />
              {m[x]}
            </label>
          ))}
        </fieldset>

        <div class="editor-grid">
          <div>
            <table class="shares">
              <thead>
                <tr>
                  <th scope="col">{m.member}</th>
                  {mode !== 'equal' && (
                    <th scope="col" class="num">
                      {mode === 'weights' ? m.weight : m.share}
                    </th>
                  )}
                  <th scope="col" class="num">
                    {m.allocated}
                  </th>
                </tr>
              </thead>
              <tbody>
                {teamMembers.map((x) => {
                  const share = allocation.shares.find((s) => s.memberId === x.id)?.value ?? 0;
                  return (
                    <tr key={x.id} data-member={x.id}>
                      <td>{x.name}</td>
                      {mode !== 'equal' && (
                        <td class="num">
                          <input
                            type="number"
                            min="0"
                            step="1"
                            aria-label={`${mode === 'weights' ? m.weight : m.share}: ${x.name}`}
                            value={(mode === 'weights' ? weights[x.id] : shares[x.id]) ?? ''}
                            onInput={(e) => {
                              const n = Math.max(
                                0,
                                Math.round(Number(e.currentTarget.value || '0')),
                              );
                              if (mode === 'weights') setWeights({ ...weights, [x.id]: n });
                              else setShares({ ...shares, [x.id]: n });
                            }}
                          />
                        </td>
                      )}
                      <td class="num share">{show(share)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p
              class={balanced ? 'sum ok' : 'sum bad'}
              role="status"
              data-unallocated={allocation.unallocated}
            >
              {m.allocated} {show(allocation.allocated)} / {show(value)} ·{' '}
              {balanced
                ? m.balanced
                : allocation.unallocated < 0
                  ? `${m.over} ${show(-allocation.unallocated)}`
                  : `${m.under} ${show(allocation.unallocated)}`}
            </p>
          </div>
          <div>
            <h3>{m.overTime}</h3>
            <TimeBars buckets={timeBuckets(daily, kind)} show={show} />
            <p class="muted" data-workdays={workdays}>
              {workdays} {m.workdays} ·{' '}
              {workdays > 0 ? show(Math.round(value / workdays)) : '\u2014'} {m.perWorkday}
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
      <TargetAudit
        teamId={teamId}
        metric={metric}
        kind={kind}
        period={period}
        existing={existing}
        show={show}
        onChange={() => setAudited(audited + 1)}
      />
    </main>
  );
}
