/**
 * Beside the target editor: what the shown target carries beyond its value. Whether its period
 * is closed (and reopening it, with a reason), its history (who, when, old → new, why), how it is
 * allocated level by level (allocated vs target at every level), and the year it sits in (the
 * mismatch a month target makes, and re-spreading the remaining months to keep the year exact).
 */
import { useState } from 'preact/hooks';
import type { AllocationLevel, PeriodKind, TargetView } from '../../../../shared/api/index.ts';
import { localDateOf, periodContaining } from '../../../../shared/domain/index.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { t } from '../i18n/index.ts';
import { loadAllocation, loadChanges, loadYearMismatch, reopen, respreadYear } from './api.ts';

export interface TargetAuditProps {
  teamId: string;
  metric: string;
  kind: PeriodKind;
  period: { start: string; end: string };
  existing: TargetView | undefined;
  show: (value: number) => string;
  /** Called after a write here (reopen, re-spread) so the editor reloads. */
  onChange: () => void;
}

function Level({ level, show }: { level: AllocationLevel; show: (v: number) => string }) {
  const m = t.value.targets;
  return (
    <li data-team={level.teamId} data-status={level.status ?? 'none'}>
      <strong>{level.name}</strong>{' '}
      {level.target === null ? (
        <span class="muted">{m.none}</span>
      ) : (
        <>
          {show(level.target)}
          {level.source === 'allocated' ? ` (${m.handedDown})` : ''} · {m.allocated}{' '}
          {show(level.allocated)} ·{' '}
          <span class={level.status === 'exact' ? 'ok' : 'error'}>
            {level.status === 'exact'
              ? m.exact
              : level.gap < 0
                ? `${m.over} ${show(-level.gap)}`
                : `${m.under} ${show(level.gap)}`}
          </span>
        </>
      )}
      {level.children.length > 0 && (
        <ul>
          {level.children.map((c) => (
            <Level key={c.teamId} level={c} show={show} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function TargetAudit(props: TargetAuditProps) {
  const m = t.value.targets;
  const profile = me.value;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const settings = profile?.org.settings;
  const { teamId, metric, kind, period, existing, show } = props;
  const key = `${teamId}|${metric}|${kind}|${period.start}|${existing?.id ?? ''}|${existing?.value ?? ''}|${note?.text ?? ''}`;
  const history = useAsync(
    () => (existing ? loadChanges(existing.id) : Promise.resolve([])),
    `h|${key}`,
  );
  const tree = useAsync(() => loadAllocation(teamId, metric, kind, period.start), `a|${key}`);
  const yearStart = settings ? periodContaining('year', period.start, settings.calendar).start : '';
  const year = useAsync(() => loadYearMismatch(teamId, metric, yearStart), `y|${key}|${yearStart}`);
  if (!settings) return null;
  const today = localDateOf(new Date(), settings.calendar.timezone);
  const closed = period.end < today;
  const act = async (write: () => Promise<unknown>, ok: string) => {
    try {
      await write();
      setNote({ ok: true, text: ok });
      props.onChange();
    } catch (error) {
      setNote({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  const mismatch = year.data ?? null;
  return (
    <section class="card audit" aria-labelledby="audit-title">
      <h3 id="audit-title">{m.auditTitle}</h3>
      {closed && (
        <form
          class="closed"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => reopen(teamId, period.start, period.end, reason), m.reopened);
          }}
        >
          <p class="error" data-closed>
            {m.closed}
          </p>
          <label>
            {m.reason}
            <input
              name="reopen-reason"
              value={reason}
              maxLength={200}
              required
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit">{m.reopen}</button>
        </form>
      )}
      {note && (
        <p class={note.ok ? 'ok' : 'error'} role="status">
          {note.text}
        </p>
      )}
      {tree.data && (
        <>
          <h4>{m.levels}</h4>
          <ul class="levels">
            <Level level={tree.data} show={show} />
          </ul>
        </>
      )}
      {mismatch && mismatch.gap !== 0 && (
        <div class="mismatch" data-gap={mismatch.gap}>
          <p class="error">
            {m.yearMismatch}: {show(mismatch.total)} / {show(mismatch.target)} (
            {mismatch.gap < 0
              ? `${m.over} ${show(-mismatch.gap)}`
              : `${m.under} ${show(mismatch.gap)}`}
            )
          </p>
          {mismatch.months.some((x) => x.respread !== null) && (
            <button
              type="button"
              onClick={() =>
                void act(() => respreadYear(teamId, metric, yearStart), m.respreadDone)
              }
            >
              {m.respread}
            </button>
          )}
        </div>
      )}
      <h4>{m.history}</h4>
      {(history.data ?? []).length === 0 ? (
        <p class="muted">{m.noHistory}</p>
      ) : (
        <ol class="history">
          {(history.data ?? []).map((c) => (
            <li key={c.id} data-change={c.id}>
              <time dateTime={c.at}>{c.at.slice(0, 16).replace('T', ' ')}</time> · {c.by.name} ·{' '}
              {c.old === null ? '—' : show(c.old)} → {c.new === null ? m.deleted : show(c.new)}
              {c.reason ? ` · ${c.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
