/**
 * A won deal and a collection (回款) as the sidebar and the popup name them
 * (shared/domain/collections.ts says which logs a collection can pay).
 */
import type { Translate } from '../i18n/index.ts';
import type { SidebarView, WonDealLine } from '../platform/view.ts';
import { formatValue } from './format.ts';

/** "¥50,000 Acme": a deal as a rep names it (its value and contact, else its day). */
export function dealLabel(deal: WonDealLine, currency: string, locale: string): string {
  const parts = [
    deal.value === null ? null : formatValue(deal.value, 'amount', currency, locale),
    deal.contactName,
  ].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? parts.join(' ') : new Date(deal.occurredAt).toLocaleDateString(locale);
}

/**
 * "¥20,000 collected · for deal ¥50,000 Acme": a collection log as the recent list shows it;
 * the deal named by id among the deals the view knows, else "an earlier deal".
 */
export function collectionText(
  t: Translate,
  view: Pick<SidebarView, 'currency' | 'wonDeals'>,
  log: { quantity: number; deal?: string | undefined },
  locale: string,
): string {
  const collected = t('collectionLogged', {
    amount: formatValue(log.quantity, 'amount', view.currency, locale),
  });
  if (!log.deal) return collected;
  const deal = view.wonDeals?.find((d) => d.id === log.deal);
  const forDeal = deal
    ? t('collectionForDeal', { deal: dealLabel(deal, view.currency, locale) })
    : t('collectionForEarlierDeal');
  return `${collected} · ${forDeal}`;
}
