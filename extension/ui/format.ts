/** Numbers as people read them: amounts are stored in minor units (cents, fen). */
import type { MetricKindName } from '../messaging/view.ts';

function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

export function formatValue(
  value: number,
  kind: MetricKindName,
  currency: string,
  locale: string,
): string {
  if (kind === 'count') return new Intl.NumberFormat(locale).format(Math.round(value));
  const major = value / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(major);
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(major);
  }
}

export function formatPercent(percent: number | null, locale: string): string {
  if (percent === null) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(percent)}%`;
}

/** Converts what a person types as an amount ("1,250.50") to minor units. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Math.round(Number(cleaned) * 10 ** minorDigits(currency));
  return value > 0 ? value : null;
}
