/** Today's and the period's counters per activity, each with a quick +1. */
import { metricLabel, metricUnit } from '../../../shared/domain/metrics.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import { Tick } from './Tick.tsx';

export function Counters({ store, app }: { store: SidebarStore; app: string }) {
  const t = store.t.value;
  const view = store.shown.value;
  const periodName = t(`period_${view.period?.kind ?? 'month'}` as 'period_month');
  const counts = view.counters.filter((c) => c.kind === 'count');
  return (
    <section aria-label={t('today')}>
      <table class="counters">
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{t('metric')}</span>
            </th>
            <th scope="col">{t('today')}</th>
            <th scope="col">{t('thisPeriod', { period: periodName })}</th>
            <th scope="col">
              <span class="sr-only">+1</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => {
            const label = metricLabel(c.metric, store.language.value, c.label);
            return (
              <tr key={c.metric}>
                <th scope="row">{label}</th>
                <td data-testid={`pacer-today-${c.metric}`}>
                  <Tick value={c.today} />
                </td>
                <td data-testid={`pacer-period-${c.metric}`}>
                  <Tick value={c.period} />
                </td>
                <td>
                  <button
                    type="button"
                    class="plus"
                    aria-label={t('plusOne', { metric: label })}
                    data-testid={`pacer-plus-${c.metric}`}
                    onClick={trusted(() =>
                      store.log(
                        { metric: c.metric, quantity: 1, source: { app } },
                        metricUnit(c.metric, store.language.value, c.label),
                      ),
                    )}
                  >
                    +1
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
