// Money. Amounts are stored and sent as integers in the currency's minor unit (fen, cents, fils;
// yen have none), so sums and rounding stay exact. How many digits the minor unit has comes from
// ISO 4217 as this runtime's Intl knows it: CNY and USD 2, JPY and KRW 0, BHD and KWD 3.
// The worker, the leaderboard page and the extension all scale, parse and format through here.

/** Digits of a currency unknown to Intl (or a malformed code): the common case. */
const FALLBACK_DIGITS = 2;

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point in `currency`'s minor unit (ISO 4217 via Intl). */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = FALLBACK_DIGITS;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units → the amount in major units (1250 fils → 1.25 BHD; 1250 yen → 1250). */
export function toMajor(minorUnits: number, currency: string): number {
  return minorUnits / 10 ** minorDigits(currency);
}

/** Major units → whole minor units, rounded (what a number input's value is stored as). */
export function toMinor(majorUnits: number, currency: string): number {
  return Math.round(majorUnits * 10 ** minorDigits(currency));
}

/**
 * What a person typed as an amount, in minor units: digits with an optional decimal point and
 * grouping by commas or spaces ("1,250.50", "1 250", full-width "１２５０" too). null for anything
 * else, for more decimals than the currency has ("1.5" yen), and beyond exact integers.
 */
export function parseAmount(text: string, currency: string): number | null {
  return parseDecimal(text, minorDigits(currency));
}

/**
 * A typed decimal scaled to `digits` places as an integer ("1,250.5" with 2 → 125050; with 0
 * a whole count, "1 250" → 1250), by the rules of {@link parseAmount}; null when it is not one.
 */
export function parseDecimal(text: string, digits: number): number | null {
  // NFKC folds full-width digits and punctuation (an IME's "１，２５０．５") and odd spaces to ASCII.
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(/(?<=\d)[,\s](?=\d)/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const value = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * A value scaled to `digits` places as people type it back, grouped and without a currency sign:
 * 800000000 with 2 in en → "8,000,000"; what {@link parseDecimal} reads again.
 */
export function groupedInput(scaled: number, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: true }).format(
    scaled / 10 ** digits,
  );
}

/**
 * An amount in minor units as a plain decimal in major units with the currency's own digits, for
 * files and inputs rather than people: 125050 CNY → "1250.50", 1250 JPY → "1250",
 * 1250 BHD → "1.250". Exact for any safe integer (no floating point).
 */
export function amountText(minorUnits: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minorUnits < 0 ? '-' : '';
  const whole = String(Math.abs(Math.round(minorUnits))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${whole}`;
  return `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/** How {@link formatMoney} writes an amount. */
export type MoneyStyle = 'whole' | 'compact' | 'exact';

// Making an Intl formatter costs far more than using one, and boards and the sidebar format the
// same few shapes on every render, so each is made once. null: Intl cannot format this currency.
const formatters = new Map<string, Intl.NumberFormat | null>();

function formatter(locale: string, currency: string, style: MoneyStyle): Intl.NumberFormat | null {
  const key = `${locale}|${currency}|${style}`;
  let made = formatters.get(key);
  if (made === undefined) {
    try {
      made = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(style === 'compact'
          ? { notation: 'compact', maximumFractionDigits: 1 }
          : style === 'exact'
            ? {
                minimumFractionDigits: minorDigits(currency),
                maximumFractionDigits: minorDigits(currency),
              }
            : { maximumFractionDigits: 0 }),
      });
    } catch {
      made = null;
    }
    formatters.set(key, made);
  }
  return made;
}

/**
 * An amount in minor units for people, in `locale`: `whole` major units with the currency sign
 * (¥1,235; BHD 1,235 for 1234567 fils), `compact` for big figures on gauges and TV
 * (¥1.2M, ¥120万), or `exact` to the minor unit where parts must visibly add up (¥1,234.57). A currency Intl cannot format is shown as a plain number.
 */
export function formatMoney(
  minorUnits: number,
  currency: string,
  locale: string,
  style: MoneyStyle = 'whole',
): string {
  const major = toMajor(minorUnits, currency);
  const format = formatter(locale, currency, style);
  if (format) return format.format(major);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(major);
}
