/**
 * Activity quotas: per count metric with something to do, done / quota today and in the period
 * with a bar each ("0 / 5 today"), the recurring quota, and, for funnel stages, what is needed per
 * day to close the remaining revenue gap ("visits: quota 5 · to close the gap 8").
 */
import { metricLabel } from '../../../shared/domain/metrics.ts';
import type { MetricCounter } from '../../platform/view.ts';
import type { SidebarStore } from '../store.ts';

const FUNNEL = new Set(['deals', 'meetings', 'visits', 'leads']);

function Meter({ done, of, label }: { done: number; of: number; label: string }) {
  const width = of > 0 ? Math.min(100, Math.max(0, (done / of) * 100)) : 0;
  return (
    <div
      class="bar small"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={of}
      aria-valuenow={done}
      aria-valuetext={label}
    >
      <div class={`bar-fill${done >= of ? ' done' : ''}`} style={{ width: `${width}%` }} />
    </div>
  );
}

export function Quotas({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const language = store.language.value;
  const funnel = view.funnelPerWorkday;
  const lastDay =
    view.primary?.remainingWorkdays !== undefined &&
    view.primary?.remainingWorkdays !== null &&
    view.primary.remainingWorkdays < 1;
  const gapOf = (c: MetricCounter) =>
    funnel && FUNNEL.has(c.metric) ? Math.ceil(funnel[c.metric as keyof typeof funnel]) : 0;
  const rows = view.counters.filter(
    (c) =>
      c.kind === 'count' && ((c.todayTarget ?? 0) > 0 || (c.periodTarget ?? 0) > 0 || gapOf(c) > 0),
  );
  if (rows.length === 0) return null;
  const periodName = t(`period_${view.period?.kind ?? 'month'}` as 'period_month');
  return (
    <section aria-label={t('quotas')} class="quotas">
      <ul>
        {rows.map((c) => {
          const todayTarget = c.todayTarget ?? 0;
          const periodTarget = c.periodTarget ?? 0;
          const gap = gapOf(c);
          const today = t('quotaToday', { done: c.today, quota: todayTarget });
          const period = t('quotaPeriod', {
            done: c.period,
            quota: periodTarget,
            period: periodName,
          });
          const notes = [
            c.quota
              ? t(c.quota.per === 'week' ? 'quotaPerWeek' : 'quotaPerWorkday', {
                  value: c.quota.value,
                })
              : null,
            gap > 0 ? t(lastDay ? 'toCloseGapToday' : 'toCloseGap', { count: gap }) : null,
          ].filter((n) => n !== null);
          return (
            <li key={c.metric} data-testid={`pacer-quota-${c.metric}`}>
              <strong>{metricLabel(c.metric, language, c.label)}</strong>
              {todayTarget > 0 ? (
                <>
                  <span data-testid={`pacer-quota-today-${c.metric}`}>{today}</span>
                  <Meter done={c.today} of={todayTarget} label={today} />
                </>
              ) : null}
              {periodTarget > 0 ? (
                <>
                  <span class="muted" data-testid={`pacer-quota-period-${c.metric}`}>
                    {period}
                  </span>
                  <Meter done={c.period} of={periodTarget} label={period} />
                </>
              ) : null}
              {notes.length > 0 ? (
                <span class="muted" data-testid={`pacer-quota-note-${c.metric}`}>
                  {notes.join(' · ')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
