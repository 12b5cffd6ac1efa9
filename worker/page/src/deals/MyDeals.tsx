/**
 * A rep's own recent won deals on the board, each with its product category: a deal logged
 * without one (or with the wrong one) can be put right afterwards.
 */
import { formatMetricValue } from '../app/format.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { locale, t } from '../i18n/index.ts';
import { loadRecentLogs } from './api.ts';
import { DealCategorySelect } from './DealCategorySelect.tsx';

const LOGS_READ = 100;
const DEALS_SHOWN = 10;

export function MyDeals() {
  const profile = me.value;
  const memberId = profile?.member.id ?? '';
  const logs = useAsync(() => loadRecentLogs(memberId, LOGS_READ), `my-deals:${memberId}`);
  const settings = profile?.org.settings;
  if (!settings || (settings.productCategories ?? []).length === 0) return null;
  const m = t.value.deals;
  const deals = (logs.data?.events ?? [])
    .filter((e) => e.metric === 'deals' && !e.voided)
    .slice(0, DEALS_SHOWN);
  if (deals.length === 0) return null;
  return (
    <section class="card my-deals" aria-labelledby="my-deals-title" data-my-deals>
      <h2 id="my-deals-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <ul class="log-lines">
        {deals.map((e) => (
          <li key={e.id} data-event={e.id}>
            <time dateTime={e.occurredAt}>{e.localDate}</time>
            <span class="what">
              {e.amount !== undefined
                ? formatMetricValue(e.amount, 'amount', settings.currency, locale.value)
                : ''}
            </span>
            <span class="contact">{e.contact?.name ?? e.contact?.email ?? m.noContact}</span>
            <DealCategorySelect deal={e} settings={settings} />
          </li>
        ))}
      </ul>
    </section>
  );
}
