/**
 * Log any metric by hand: amount for money metrics, optional contact and note. No evidence link.
 * A deal may carry its value: one "won deal" log counting the deal and its revenue
 * (shared/domain/lines.ts) and the org's product category; a collection (回款) may name the
 * recent won deal it pays (shared/domain/collections.ts).
 */
import { useState } from 'preact/hooks';
import { FIELD_LIMITS } from '../../shared/api/limits.ts';
import { COLLECTIONS } from '../../shared/domain/collections.ts';
import { intlLocale } from '../../shared/domain/language.ts';
import { amountMetricOf } from '../../shared/domain/lines.ts';
import { metricLabel } from '../../shared/domain/metrics.ts';
import { parseAmount } from '../../shared/domain/money.ts';
import type { Language, Translate } from '../i18n/index.ts';
import { sendToBackground } from '../platform/send.ts';
import type { SidebarView } from '../platform/view.ts';
import { dealLabel } from '../ui/deals.ts';
import { humanError } from './errors.ts';

export function ManualLog({
  t,
  language,
  view,
}: {
  t: Translate;
  language: Language;
  view: SidebarView;
}) {
  const [metric, setMetric] = useState(
    view.counters.find((c) => c.kind === 'count')?.metric ?? 'calls',
  );
  const [message, setMessage] = useState<string | null>(null);
  const kind = view.counters.find((c) => c.metric === metric)?.kind ?? 'count';
  const amountMetric = amountMetricOf(metric);
  const carriesAmount =
    amountMetric !== null && view.counters.some((c) => c.metric === amountMetric);

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const quantity =
      kind === 'amount' ? parseAmount(field('quantity'), view.currency) : Number(field('quantity'));
    if (!quantity || !Number.isInteger(quantity) || quantity <= 0) {
      setMessage(t('errorAmount', { field: t(kind === 'amount' ? 'amount' : 'quantity') }));
      return;
    }
    const dealValue = carriesAmount ? field('amount') : '';
    const amount = dealValue ? parseAmount(dealValue, view.currency) : null;
    if (dealValue && (!amount || !Number.isInteger(amount) || amount <= 0)) {
      setMessage(t('errorAmount', { field: t('amount') }));
      return;
    }
    const deal =
      metric === COLLECTIONS
        ? (view.wonDeals ?? []).find((d) => d.id === field('deal'))
        : undefined;
    // A collection for a deal is the deal's customer's money unless another contact is typed.
    const name = field('contactName') || (deal?.contactName ?? '');
    const email = field('contactEmail');
    const note = field('note');
    // A won deal's product category (one of the org's), when the org has some.
    const category = carriesAmount ? field('category') : '';
    const reply = await sendToBackground({
      type: 'log',
      event: {
        id: crypto.randomUUID(),
        metric,
        quantity,
        ...(amount ? { amount } : {}),
        occurredAt: new Date().toISOString(),
        source: { app: 'manual' },
        ...(name || email
          ? { contact: { ...(name ? { name } : {}), ...(email ? { email } : {}) } }
          : {}),
        ...(note ? { note } : {}),
        ...(deal ? { deal: deal.id } : {}),
        ...(category ? { category } : {}),
      },
    });
    if (reply.ok) {
      formElement.reset();
      setMessage(t('logged', { metric: metricLabel(metric, language) }));
    } else {
      setMessage(humanError(t, reply));
    }
  }

  return (
    <form onSubmit={submit}>
      <label>
        <span>{t('metric')}</span>
        <select
          name="metric"
          value={metric}
          onChange={(e) => setMetric((e.currentTarget as HTMLSelectElement).value)}
        >
          {view.counters.map((c) => (
            <option key={c.metric} value={c.metric}>
              {metricLabel(c.metric, language, c.label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{kind === 'amount' ? `${t('amount')} (${view.currency})` : t('quantity')}</span>
        <input
          name="quantity"
          inputMode="decimal"
          required
          defaultValue={kind === 'amount' ? '' : '1'}
          key={kind}
        />
      </label>
      {carriesAmount ? (
        <label>
          <span>{t('wonDealAmount', { currency: view.currency })}</span>
          <input name="amount" inputMode="decimal" data-testid="manual-deal-amount" />
        </label>
      ) : null}
      {carriesAmount && (view.categories ?? []).length > 0 ? (
        <label>
          <span>{t('wonDealCategory')}</span>
          <select name="category" data-testid="manual-deal-category">
            <option value="">{t('wonDealNoCategory')}</option>
            {(view.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {metric === COLLECTIONS ? (
        <label>
          <span>{t('collectionDeal')}</span>
          <select name="deal" data-testid="manual-collection-deal">
            <option value="">{t('collectionNoDeal')}</option>
            {(view.wonDeals ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {dealLabel(d, view.currency, intlLocale(language))}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>{t('contactName')}</span>
        <input name="contactName" maxLength={FIELD_LIMITS.contactName} />
      </label>
      <label>
        <span>{t('contactEmail')}</span>
        <input name="contactEmail" type="email" maxLength={FIELD_LIMITS.contactEmail} />
      </label>
      <label>
        <span>{t('note')}</span>
        <textarea name="note" maxLength={FIELD_LIMITS.note} rows={2} />
      </label>
      <div class="row">
        <button type="submit">{t('log')}</button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </form>
  );
}
