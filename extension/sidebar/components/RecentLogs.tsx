/** The newest logs with Undo; text from pages is rendered as text nodes only. */
import { COLLECTIONS } from '../../../shared/domain/collections.ts';
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricLabel } from '../../../shared/domain/metrics.ts';
import { collectionText } from '../../ui/deals.ts';
import { formatTime, formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';

export function RecentLogs({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const recent = view.recent.slice(0, 6);
  const locale = intlLocale(store.language.value);
  const amountMetrics = new Set(
    view.counters.filter((c) => c.kind === 'amount').map((c) => c.metric),
  );
  if (recent.length === 0) return <p class="muted">{t('noRecent')}</p>;
  return (
    <section aria-label={t('recent')}>
      <h3>{t('recent')}</h3>
      <ul class="recent">
        {recent.map((log) => (
          <li key={log.id} class={log.voided ? 'voided' : ''} data-testid="pacer-recent">
            <span>
              {log.metric === COLLECTIONS ? (
                collectionText(t, view, log, locale)
              ) : (
                <>
                  {metricLabel(log.metric, store.language.value)}
                  {amountMetrics.has(log.metric)
                    ? ` ${formatValue(log.quantity, 'amount', view.currency, locale)}`
                    : log.quantity > 1
                      ? ` ×${log.quantity}`
                      : ''}
                  {log.amount ? ` ${formatValue(log.amount, 'amount', view.currency, locale)}` : ''}
                </>
              )}
              {/* A collection for a deal is named by the deal's contact already. */}
              {(log.contactName || log.contactEmail) && !(log.metric === COLLECTIONS && log.deal)
                ? ` · ${log.contactName ?? log.contactEmail}`
                : ''}
            </span>
            <small>
              {formatTime(new Date(log.occurredAt), locale)}
              {log.status === 'rejected' ? ` · ${t('rejected')}` : ''}
            </small>
            {!log.voided && log.status !== 'rejected' ? (
              <button type="button" class="link" onClick={trusted(() => store.undo(log.id))}>
                {t('undo')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
