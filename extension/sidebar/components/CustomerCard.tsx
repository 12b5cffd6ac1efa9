/**
 * The customer of the thread or CRM record on screen: its class (one click changes it), last
 * follow-up and due state ("A · last visit 9 days ago · overdue 2 days").
 */

import { useEffect } from 'preact/hooks';
import type { CustomerDue, CustomerView } from '../../../shared/api/customers.ts';
import type { CustomerClass } from '../../../shared/api/settings.ts';
import { customerIdentity, identitiesOf } from '../../../shared/domain/customers.ts';
import { daysBetween, localDateOf } from '../../../shared/domain/dates.ts';
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricUnit } from '../../../shared/domain/metrics.ts';
import type { Language, Translate } from '../../i18n/index.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import {
  type CustomerLookupResponse,
  customerEdits,
  dueWithLocalLogs,
  timeZoneOf,
  useAsked,
} from './customer-data.ts';

const CLASSES: CustomerClass[] = ['A', 'B', 'C'];

/** "last visit 9 days ago · overdue 2 days", in the member's language. */
export function dueText(t: Translate, language: Language, due: CustomerDue, today: string): string {
  const parts: string[] = [];
  if (due.lastContact && due.lastMetric) {
    const days = daysBetween(due.lastContact, today);
    const ago = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' }).format(
      -days,
      'day',
    );
    parts.push(t('customerLast', { metric: metricUnit(due.lastMetric, language), ago }));
  } else {
    parts.push(t('customerNever'));
  }
  if (due.state === 'overdue') parts.push(t('customerOverdue', { count: due.overdueDays }));
  else if (due.state === 'due') parts.push(t('customerDueToday'));
  else if (due.state === 'ok' && due.nextDue) parts.push(t('customerNext', { date: due.nextDue }));
  return parts.join(' · ');
}

export function CustomerCard({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const language = store.language.value;
  const record = store.record.value;
  const email = record?.contact.email;
  const name = record?.contact.name;
  const [answer, setAnswer] = useAsked<CustomerLookupResponse>(
    store,
    record && store.published.value.signedIn
      ? {
          type: 'customer-lookup',
          ...(record.url.length <= 2048 ? { url: record.url } : {}),
          ...(email ? { email } : {}),
          ...(name ? { name: name.slice(0, 200) } : {}),
        }
      : null,
    [record?.url, email, name],
  );
  // The store files a won deal logged here under this customer's segment (shared/domain/breakdown.ts).
  useEffect(() => {
    // An older server does not say whether its customer bought before: not known then.
    const known = answer?.key && (!answer.customer || answer.firstDeal !== undefined);
    store.customerOnScreen.value =
      record && answer?.key && known
        ? {
            keys: [answer.key, ...(answer.customer ? identitiesOf(answer.customer) : [])],
            exists: answer.customer !== null,
            firstDeal: answer.firstDeal ?? null,
            identify: customerIdentity,
          }
        : null;
  }, [answer, record]);
  if (!record || !answer?.key) return null;
  const customer = answer.customer;
  if (!customer) {
    return (
      <section class="customer" aria-label={t('customer')} data-testid="pacer-customer">
        <p class="customer-new">{t('customerNew')}</p>
      </section>
    );
  }
  const now = Date.now();
  const today = localDateOf(now, timeZoneOf(store, answer.rules));
  const keys = identitiesOf({ key: answer.key, keys: customer.keys });
  const due = dueWithLocalLogs(store, customer, keys, answer.rules, now);
  const setClass = (cls: CustomerClass | null) => {
    const before = answer;
    setAnswer({ ...answer, customer: { ...customer, class: cls } });
    void store.ask({ type: 'customer-class', id: customer.id, class: cls }).then((reply) => {
      if (reply.ok && reply.data) {
        setAnswer({ ...before, customer: (reply.data as { customer: CustomerView }).customer });
        customerEdits.value += 1;
      } else {
        setAnswer(before);
        if (!reply.ok) store.notify(t('error', { message: reply.error }));
      }
    });
  };
  return (
    <section class="customer" aria-label={t('customer')} data-testid="pacer-customer">
      <p class="customer-name">{customer.name}</p>
      <p class={`customer-due ${due.state}`} data-testid="pacer-customer-due">
        <strong data-testid="pacer-customer-class">{customer.class ?? '–'}</strong>
        {' · '}
        {dueText(t, language, due, today)}
      </p>
      <fieldset class="customer-classes" aria-label={t('customerClass')}>
        {CLASSES.map((cls) => (
          <button
            type="button"
            key={cls}
            aria-pressed={customer.class === cls}
            title={t('customerSetClass', { cls })}
            data-testid={`pacer-customer-class-${cls}`}
            onClick={trusted(() => setClass(customer.class === cls ? null : cls))}
          >
            {cls}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
