import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountText,
  formatMoney,
  groupedInput,
  minorDigits,
  parseAmount,
  parseDecimal,
  toMajor,
  toMinor,
} from './index.ts';

// Intl separates a currency code from the number with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('minorDigits: ISO 4217 minor units through Intl', () => {
  it('knows CNY and USD (2), JPY and KRW (0), BHD and KWD (3)', () => {
    expect(['CNY', 'USD', 'JPY', 'KRW', 'BHD', 'KWD'].map(minorDigits)).toEqual([2, 2, 0, 0, 3, 3]);
  });

  it('falls back to 2 for a code Intl cannot use', () => {
    expect(minorDigits('US')).toBe(2);
    expect(minorDigits('')).toBe(2);
  });
});

describe('toMajor and toMinor', () => {
  it('scale by the currency, not by 100', () => {
    expect(toMajor(125050, 'CNY')).toBe(1250.5);
    expect(toMajor(1250, 'JPY')).toBe(1250);
    expect(toMajor(1250, 'BHD')).toBe(1.25);
    expect(toMinor(1250.5, 'USD')).toBe(125050);
    expect(toMinor(1250, 'JPY')).toBe(1250);
    expect(toMinor(1.25, 'BHD')).toBe(1250);
    expect(toMinor(0.1 + 0.2, 'USD')).toBe(30);
  });
});

describe('parseAmount: what a person types, to minor units', () => {
  it('reads digits with a decimal point and grouping', () => {
    expect(parseAmount('1,250.50', 'CNY')).toBe(125050);
    expect(parseAmount(' 1 250 ', 'USD')).toBe(125000);
    expect(parseAmount('1,250', 'JPY')).toBe(1250);
    expect(parseAmount('1.250', 'BHD')).toBe(1250);
    expect(parseAmount('12.5', 'BHD')).toBe(12500);
    expect(parseAmount('0', 'USD')).toBe(0);
    expect(parseAmount('7.', 'USD')).toBe(700);
  });

  it('reads full-width input from a Chinese IME and no-break spaces', () => {
    expect(parseAmount('１，２５０．５', 'CNY')).toBe(125050);
    expect(parseAmount('1\u00a0250', 'CNY')).toBe(125000);
  });

  it('accepts trailing zeros beyond the currency digits, nothing else beyond them', () => {
    expect(parseAmount('1250.00', 'JPY')).toBe(1250);
    expect(parseAmount('1.5', 'JPY')).toBeNull();
    expect(parseAmount('1.2345', 'BHD')).toBeNull();
    expect(parseAmount('1.005', 'USD')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '-5',
      '1e3',
      '1,,000',
      ',100',
      '100,',
      '1.2.3',
      '¥100',
      '0x10',
    ])
      expect(parseAmount(text, 'USD'), text).toBeNull();
    expect(parseAmount('9'.repeat(20), 'USD')).toBeNull();
  });

  it('reads back what amountText writes, for any amount and currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('CNY', 'USD', 'JPY', 'BHD'),
        (minor, currency) => parseAmount(amountText(minor, currency), currency) === minor,
      ),
    );
  });
});

describe('amountText: exact plain decimals for files and inputs', () => {
  it('writes the currency’s own digits', () => {
    expect(amountText(125050, 'CNY')).toBe('1250.50');
    expect(amountText(5, 'USD')).toBe('0.05');
    expect(amountText(1250, 'JPY')).toBe('1250');
    expect(amountText(1250, 'BHD')).toBe('1.250');
    expect(amountText(1234567, 'BHD')).toBe('1234.567');
    expect(amountText(-1250, 'BHD')).toBe('-1.250');
    expect(amountText(0, 'BHD')).toBe('0.000');
  });
});

describe('formatMoney: amounts for people', () => {
  it('shows whole major units with the currency’s sign', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,235');
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,235');
    expect(formatMoney(1235, 'JPY', 'en')).toBe('¥1,235');
    expect(plain(formatMoney(1234567, 'BHD', 'en'))).toBe('BHD 1,235');
  });

  it('shows big figures compactly', () => {
    expect(formatMoney(123456789, 'USD', 'en', 'compact')).toBe('$1.2M');
    expect(formatMoney(1234567800, 'CNY', 'zh-CN', 'compact')).toBe('¥1234.6万');
    expect(formatMoney(1234567, 'JPY', 'en', 'compact')).toBe('¥1.2M');
    expect(plain(formatMoney(1234567890, 'BHD', 'en', 'compact'))).toBe('BHD 1.2M');
  });

  it('shows parts to the minor unit when they must visibly add up', () => {
    expect(formatMoney(6_000_001, 'CNY', 'en', 'exact')).toBe('CN¥60,000.01');
    expect(formatMoney(1235, 'JPY', 'en', 'exact')).toBe('¥1,235');
    expect(plain(formatMoney(1234567, 'BHD', 'en', 'exact'))).toBe('BHD 1,234.567');
  });

  it('agrees with Intl for any amount: the scale is the currency’s, whatever the locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom('CNY', 'USD', 'JPY', 'BHD', 'KRW', 'EUR'),
        fc.constantFrom('en', 'zh-CN'),
        (minor, currency, locale) => {
          const digits = new Intl.NumberFormat('en', {
            style: 'currency',
            currency,
          }).resolvedOptions().maximumFractionDigits as number;
          const expected = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            maximumFractionDigits: 0,
          }).format(minor / 10 ** digits);
          return formatMoney(minor, currency, locale) === expected;
        },
      ),
    );
  });
});

describe('groupedInput and parseDecimal: an input shows grouping and reads it back', () => {
  it('groups for the eye and parses the same text again', () => {
    expect(groupedInput(800_000_000, 2, 'en')).toBe('8,000,000');
    expect(groupedInput(125_050, 2, 'zh-CN')).toBe('1,250.5');
    expect(parseDecimal('8,000,000', 0)).toBe(8_000_000);
    expect(parseDecimal('1.5', 0)).toBeNull();
    expect(parseDecimal('eight', 0)).toBeNull();
  });

  it('round-trips any amount in either language', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom('en', 'zh-CN'),
        (v, lang) => {
          expect(parseAmount(groupedInput(v, minorDigits('CNY'), lang), 'CNY')).toBe(v);
        },
      ),
    );
  });
});
