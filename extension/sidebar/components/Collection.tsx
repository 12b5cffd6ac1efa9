/**
 * "Collection" (回款): log money received and name the won deal it pays, picked from the
 * member's recent won deals (the view's `wonDeals`, sync/local-view.ts); above the button, this
 * period's won revenue against the money collected and what is still outstanding. A collection
 * earns no points: it is an amount, like revenue (shared/domain/metrics.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLLECTIONS, outstanding } from '../../../shared/domain/collections.ts';
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricUnit } from '../../../shared/domain/metrics.ts';
import { parseAmount } from '../../../shared/domain/money.ts';
import { dealLabel } from '../../ui/deals.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';

export function Collection({ store, app }: { store: SidebarStore; app: string }) {
  const t = store.t.value;
  const view = store.shown.value;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const dealSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (open) amountInput.current?.focus();
  }, [open]);
  const collections = view.counters.find((c) => c.metric === COLLECTIONS);
  if (!view.signedIn || !collections) return null;
  const locale = intlLocale(store.language.value);
  const money = (value: number) => formatValue(value, 'amount', view.currency, locale);
  const won = view.counters.find((c) => c.metric === 'revenue')?.period ?? 0;
  const deals = view.wonDeals ?? [];
  const close = () => {
    setOpen(false);
    setError(null);
  };
  const submit = (event: Event) => {
    // Never let the form submit itself (that would load the page again); only a real press logs.
    event.preventDefault();
    if (!event.isTrusted) return;
    const amount = parseAmount(amountInput.current?.value ?? '', view.currency);
    if (amount === null || !Number.isInteger(amount) || amount <= 0) {
      setError(t('errorAmount', { field: t('amount') }));
      return;
    }
    const deal = deals.find((d) => d.id === dealSelect.current?.value);
    store.log(
      {
        metric: COLLECTIONS,
        quantity: amount,
        ...(deal ? { deal: deal.id } : {}),
        // Named after the deal's contact, so it is the same customer's money.
        ...(deal?.contactName ? { contact: { name: deal.contactName } } : {}),
        source: { app },
      },
      metricUnit(COLLECTIONS, store.language.value),
    );
    close();
  };
  return (
    <section class="won-deal collection" aria-label={t('logCollection')}>
      <p class="collection-summary" data-testid="pacer-collection-summary">
        {t('collectionSummary', {
          won: money(won),
          collected: money(collections.period),
          outstanding: money(outstanding(won, collections.period)),
        })}
      </p>
      {open ? (
        <form onSubmit={submit} data-testid="pacer-collection-form">
          <p>
            <strong>💴 {t('logCollection')}</strong>
          </p>
          <label>
            <span>{t('collectionAmount', { currency: view.currency })}</span>
            <input
              ref={amountInput}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              data-testid="pacer-collection-amount"
              aria-invalid={error ? 'true' : undefined}
            />
          </label>
          <label>
            <span>{t('collectionDeal')}</span>
            <select ref={dealSelect} name="deal" data-testid="pacer-collection-deal">
              <option value="">{t('collectionNoDeal')}</option>
              {deals.map((d) => (
                <option key={d.id} value={d.id}>
                  {dealLabel(d, view.currency, locale)}
                </option>
              ))}
            </select>
          </label>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <div class="won-deal-actions">
            <button type="submit" class="won-deal-save" data-testid="pacer-collection-save">
              {t('collectionSave')}
            </button>
            <button type="button" class="link" onClick={trusted(close)}>
              {t('doubleLogNo')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          class="won-deal-open"
          data-testid="pacer-collection"
          onClick={trusted(() => setOpen(true))}
        >
          💴 {t('logCollection')}
        </button>
      )}
    </section>
  );
}
