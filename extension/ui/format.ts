/**
 * Numbers as people read them. Amounts are stored in the currency's minor units; scaling and
 * formatting money is shared/domain/money.ts, the same for the page and the CSV export.
 */
import { formatMoney } from '../../shared/domain/money.ts';
import type { MetricKindName } from '../platform/view.ts';

// Making an Intl formatter costs far more than using one, and the sidebar formats the same few
// shapes on every render (each click re-renders it), so each is made once per page.
const formatters = new Map<string, Intl.NumberFormat>();

function plain(locale: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, { maximumFractionDigits });
    formatters.set(key, made);
  }
  return made;
}

/** A metric's value: a count as a whole number, an amount as money in `currency`. */
export function formatValue(
  value: number,
  kind: MetricKindName,
  currency: string,
  locale: string,
): string {
  if (kind === 'count') return plain(locale).format(Math.round(value));
  return formatMoney(value, currency, locale);
}

export function formatPercent(percent: number | null, locale: string): string {
  if (percent === null) return '—';
  return `${plain(locale, 0).format(percent)}%`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "09:30" (a log's time) or "Fri 18:00" (a contest's end), in the member's language. */
export function formatTime(date: Date, locale: string, withWeekday = false): string {
  const key = `${locale}|${withWeekday}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(withWeekday ? { weekday: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}
