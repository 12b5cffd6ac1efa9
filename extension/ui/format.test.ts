/** The sidebar's and popup's numbers: money in the currency's own minor units, in the UI language. */
import { describe, expect, it } from 'vitest';
import { intlLocale } from '../../shared/domain/language.ts';
import { formatPercent, formatValue } from './format.ts';

// Intl separates a currency code from the number with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatValue', () => {
  it('shows amounts by the currency’s minor unit: CNY and USD 2 digits, JPY 0, BHD 3', () => {
    expect(formatValue(1_234_567, 'amount', 'CNY', 'zh-CN')).toBe('¥12,346');
    expect(formatValue(1_234_567, 'amount', 'USD', 'en')).toBe('$12,346');
    expect(formatValue(1_234_567, 'amount', 'JPY', 'en')).toBe('¥1,234,567');
    expect(plain(formatValue(1_234_567, 'amount', 'BHD', 'en'))).toBe('BHD 1,235');
  });

  it('shows counts as whole numbers whatever the currency', () => {
    expect(formatValue(1234.4, 'count', 'BHD', 'en')).toBe('1,234');
    expect(formatValue(3, 'count', 'JPY', 'zh-CN')).toBe('3');
  });

  it('formats in the locale of the extension’s language setting', () => {
    expect(formatValue(123_456, 'amount', 'CNY', intlLocale('zh_CN'))).toBe('¥1,235');
    expect(formatValue(123_456, 'amount', 'CNY', intlLocale('en'))).toBe('CN¥1,235');
    expect(formatPercent(62.4, intlLocale('zh_CN'))).toBe('62%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});
