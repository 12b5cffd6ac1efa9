/**
 * "Won deal": one log that counts the deal and its value as revenue (shared/domain/lines.ts), so
 * one Undo takes both back and the page's record is its one evidence link. Opened by the panel's
 * own button or by the "Won deal" button beside a page record (which brings that record's
 * contact and link as the draft). Logging it celebrates at once, in the same frame as the
 * counters move.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { intlLocale } from '../../../shared/domain/language.ts';
import { amountMetricOf } from '../../../shared/domain/lines.ts';
import { metricUnit } from '../../../shared/domain/metrics.ts';
import { parseAmount } from '../../../shared/domain/money.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import { DealCategory } from './DealCategory.tsx';

const DEAL = 'deals';

export function WonDeal({ store, app }: { store: SidebarStore; app: string }) {
  const t = store.t.value;
  const view = store.shown.value;
  const draft = store.dealDraft.value;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const category = useRef<HTMLSelectElement>(null);
  const showing = open || draft !== null;
  useEffect(() => {
    if (showing) input.current?.focus();
  }, [showing]);
  // Only a team that counts deals and their revenue can log a won deal.
  const amountMetric = amountMetricOf(DEAL);
  if (!view.signedIn || !view.counters.some((c) => c.metric === DEAL) || !amountMetric) {
    return null;
  }
  const close = () => {
    setOpen(false);
    setError(null);
    store.dealDraft.value = null;
  };
  const submit = (event: Event) => {
    // Never let the form submit itself (that would load the page again); only a real press logs.
    event.preventDefault();
    if (!event.isTrusted) return;
    const amount = parseAmount(input.current?.value ?? '', view.currency);
    if (amount === null || !Number.isInteger(amount) || amount <= 0) {
      setError(t('errorAmount', { field: t('amount') }));
      return;
    }
    const locale = intlLocale(store.language.value);
    store.log(
      {
        metric: DEAL,
        quantity: 1,
        amount,
        ...(category.current?.value ? { category: category.current.value } : {}),
        ...(draft?.contact ? { contact: draft.contact } : {}),
        ...(draft?.record ? { record: draft.record } : {}),
        source: draft?.source ?? { app },
      },
      metricUnit(DEAL, store.language.value),
      () =>
        store.celebrate(
          t('wonDealCelebrate', {
            amount: formatValue(amount, 'amount', view.currency, locale),
          }),
        ),
    );
    close();
  };
  if (!showing) {
    return (
      <section class="won-deal">
        <button
          type="button"
          class="won-deal-open"
          data-testid="pacer-won-deal"
          onClick={trusted(() => setOpen(true))}
        >
          🏆 {t('logWonDeal')}
        </button>
      </section>
    );
  }
  const contact = draft?.contact?.name ?? draft?.contact?.email ?? null;
  return (
    <section class="won-deal" aria-label={t('logWonDeal')}>
      <form onSubmit={submit} data-testid="pacer-won-deal-form">
        <p>
          <strong>🏆 {t('logWonDeal')}</strong>
          {contact ? <small> · {contact}</small> : null}
        </p>
        <label>
          <span>{t('wonDealAmount', { currency: view.currency })}</span>
          <input
            ref={input}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            data-testid="pacer-won-deal-amount"
            aria-invalid={error ? 'true' : undefined}
          />
        </label>
        <DealCategory store={store} selectRef={category} />
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="won-deal-actions">
          <button type="submit" class="won-deal-save" data-testid="pacer-won-deal-save">
            {t('wonDealSave')}
          </button>
          <button type="button" class="link" onClick={trusted(close)}>
            {t('doubleLogNo')}
          </button>
        </div>
      </form>
    </section>
  );
}
