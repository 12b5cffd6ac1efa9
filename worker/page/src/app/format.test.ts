/** The board's and TV's numbers: money by the currency's own minor unit, in the page language. */
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCompactAmount,
  formatFigure,
  formatMetricValue,
  formatPercent,
} from './format.ts';

// Intl separates a currency code from the number with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('page formatting', () => {
  it('shows an amount in whole major units: CNY and USD have 2 digits, JPY 0, BHD 3', () => {
    expect(formatAmount(1_234_567, 'CNY', 'zh-CN')).toBe('¥12,346');
    expect(formatAmount(1_234_567, 'USD', 'en')).toBe('$12,346');
    expect(formatAmount(1_234_567, 'JPY', 'en')).toBe('¥1,234,567');
    expect(plain(formatAmount(1_234_567, 'BHD', 'en'))).toBe('BHD 1,235');
  });

  it('shows big figures on the gauge and TV compactly, scaled the same way', () => {
    expect(formatCompactAmount(2_800_000_000, 'CNY', 'zh-CN')).toBe('¥2800万');
    expect(formatCompactAmount(123_456_789, 'USD', 'en')).toBe('$1.2M');
    expect(formatCompactAmount(1_234_567, 'JPY', 'en')).toBe('¥1.2M');
    expect(plain(formatCompactAmount(1_234_567_890, 'BHD', 'en'))).toBe('BHD 1.2M');
  });

  it('formats a metric by its kind: counts never as money', () => {
    expect(formatMetricValue(1500, 'amount', 'JPY', 'en')).toBe('¥1,500');
    expect(formatMetricValue(1500, 'count', 'JPY', 'en')).toBe('1,500');
    expect(formatPercent(62.4, 'zh-CN')).toBe('62%');
    expect(formatPercent(null, 'en')).toBe('\u2014');
  });

  it('formats a KPI by its kind: money per unit, percent to one decimal, counts whole', () => {
    // ¥10,000.00 over 3 deals: 333,333.33 fen a deal, shown in whole yuan.
    expect(formatFigure(1_000_000 / 3, 'money', 'CNY', 'zh-CN')).toBe('¥3,333');
    expect(formatFigure(200 / 3, 'percent', 'CNY', 'en')).toBe('66.7%');
    expect(formatFigure(3, 'count', 'CNY', 'en')).toBe('3');
    expect(formatFigure(2_800_000_000, 'amount', 'CNY', 'zh-CN', true)).toBe('¥2800万');
  });
});
