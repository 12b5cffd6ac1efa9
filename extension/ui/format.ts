/** Numbers as people read them: amounts are stored in minor units (cents, fen). */
import type { MetricKindName } from '../platform/view.ts';

// Making an Intl formatter costs far more than using one, and the sidebar formats the same few
// shapes on every render (each click re-renders it), so each is made once per page. null: the
// currency is unknown to Intl.
const formatters = new Map<string, Intl.NumberFormat | null>();

function cached(key: string, make: () => Intl.NumberFormat | null): Intl.NumberFormat | null {
  let made = formatters.get(key);
  if (made === undefined) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

function orNull(make: () => Intl.NumberFormat): Intl.NumberFormat | null {
  try {
    return make();
  } catch {
    return null;
  }
}

function minorDigits(currency: string): number {
  const probe = cached(`digits|${currency}`, () =>
    orNull(() => new Intl.NumberFormat('en', { style: 'currency', currency })),
  );
  return probe?.resolvedOptions().maximumFractionDigits ?? 2;
}

function plain(locale: string, maximumFractionDigits?: number): Intl.NumberFormat {
  return cached(
    `plain|${locale}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
  ) as Intl.NumberFormat;
}

export function formatValue(
  value: number,
  kind: MetricKindName,
  currency: string,
  locale: string,
): string {
  if (kind === 'count') return plain(locale).format(Math.round(value));
  const major = value / 10 ** minorDigits(currency);
  const money = cached(`money|${locale}|${currency}`, () =>
    orNull(
      () =>
        new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }),
    ),
  );
  return (money ?? plain(locale, 0)).format(major);
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

/** Converts what a person types as an amount ("1,250.50") to minor units. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Math.round(Number(cleaned) * 10 ** minorDigits(currency));
  return value > 0 ? value : null;
}
