/** Today's due and overdue customers of the member, most overdue first. */
import { byUrgency, identitiesOf } from '../../../shared/domain/customers.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { SidebarStore } from '../store.ts';
import { dueText } from './CustomerCard.tsx';
import {
  type DueCustomersResponse,
  dueWithLocalLogs,
  timeZoneOf,
  useAsked,
} from './customer-data.ts';

/** At most this many lines; the board lists them all. */
const SHOWN = 8;

export function DueCustomers({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const language = store.language.value;
  const [answer] = useAsked<DueCustomersResponse>(
    store,
    store.published.value.signedIn ? { type: 'customers-due' } : null,
    [],
  );
  if (!answer) return null;
  const now = Date.now();
  const today = localDateOf(now, timeZoneOf(store, answer.rules));
  const rows = answer.customers
    .map((c) => ({ ...c, due: dueWithLocalLogs(store, c, identitiesOf(c), answer.rules, now) }))
    .filter((c) => c.due.state === 'due' || c.due.state === 'overdue')
    .sort(byUrgency);
  return (
    <section class="due-customers" aria-label={t('customersDue')} data-testid="pacer-due-customers">
      <h3>{t('customersDue')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('customersDueNone')}</p>
      ) : (
        <ul>
          {rows.slice(0, SHOWN).map((c) => (
            <li key={c.id} class={c.due.state} data-testid="pacer-due-customer">
              <strong>{c.class}</strong> {c.name}
              <small> · {dueText(t, language, c.due, today)}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
