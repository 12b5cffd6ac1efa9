/**
 * Numbers as people read them, in the page's language. Amounts arrive in the currency's integer
 * minor units; shared/domain/money.ts scales and formats them (the sidebar and CSV use it too).
 */
import { formatMoney } from '../../../../shared/domain/money.ts';
import { type FigureKind, formatRatio } from '../../../../shared/domain/ratios.ts';
import type { Locale } from '../i18n/index.ts';

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatAmount(minorUnits: number, currency: string, locale: Locale): string {
  return formatMoney(minorUnits, currency, locale);
}

/** Big figures on the gauge and the TV: 1.2M / 120万 instead of 1,200,000. */
export function formatCompactAmount(minorUnits: number, currency: string, locale: Locale): string {
  return formatMoney(minorUnits, currency, locale, 'compact');
}

export function formatPercent(percent: number | null, locale: Locale): string {
  if (percent === null) return '\u2014';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(percent)}%`;
}

export function formatMetricValue(
  value: number,
  kind: 'count' | 'amount',
  currency: string,
  locale: Locale,
): string {
  return kind === 'amount' ? formatAmount(value, currency, locale) : formatCount(value, locale);
}

/** A figure of any kind: a metric's count or amount, or a ratio (money per unit, percent). */
export function formatFigure(
  value: number,
  kind: FigureKind,
  currency: string,
  locale: Locale,
  compact = false,
): string {
  if (kind === 'money' || kind === 'percent')
    return formatRatio({ format: kind }, value, currency, locale);
  if (kind === 'amount' && compact) return formatCompactAmount(value, currency, locale);
  return formatMetricValue(value, kind, currency, locale);
}
