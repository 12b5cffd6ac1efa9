import type { LocalDate } from '../api/index.ts';

// LocalDate arithmetic on "epoch days" (days since 1970-01-01), with the proleptic Gregorian
// calendar done in integer maths (H. Hinnant's civil-days algorithm): no Date parsing quirks,
// no time zone can leak in, and any year works.

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** The parts of a LocalDate; `month` is 1–12. */
export type DateParts = { year: number; month: number; day: number };

/** Splits `YYYY-MM-DD` into numbers. Throws RangeError for text that is not a real date. */
export function dateParts(date: LocalDate): DateParts {
  // Hand-parsed rather than by regex: this runs for every day of every period computed.
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== DASH ||
    date.charCodeAt(7) !== DASH ||
    year < 0 ||
    month < 0 ||
    day < 0
  ) {
    throw new RangeError(`not a date as YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a real calendar date: ${date}`);
  }
  return { year, month, day };
}

const DASH = 45;
const ZERO = 48;

/** The number written by `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  if (typeof text !== 'string') return -1;
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** True when `text` is a real `YYYY-MM-DD` date. */
export function isLocalDate(text: string): boolean {
  try {
    dateParts(text);
    return true;
  } catch {
    return false;
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds a LocalDate from numbers that are already known to be a real date. */
export function makeDate(year: number, month: number, day: number): LocalDate {
  const y = String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before it). */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return daysFromCivil(year, month, day);
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The LocalDate `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`not a whole day number: ${epochDay}`);
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return makeDate(year, month, day);
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

/** ISO weekday of an epoch day. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** The later of two dates (ISO dates compare correctly as text). */
export function laterDate(a: LocalDate, b: LocalDate): LocalDate {
  if (a >= b) return a;
  return b;
}

/** The earlier of two dates. */
export function earlierDate(a: LocalDate, b: LocalDate): LocalDate {
  if (a <= b) return a;
  return b;
}

/** Every date from `start` to `end`, both inclusive; empty when `end` is before `start`. */
export function eachDay(start: LocalDate, end: LocalDate): LocalDate[] {
  const first = toEpochDay(start);
  const last = toEpochDay(end);
  const days: LocalDate[] = [];
  for (let d = first; d <= last; d++) days.push(fromEpochDay(d));
  return days;
}

/** `date` moved by whole months, the day clamped to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

// ---- Time zones (Intl only) ----

/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with time and offset. */
export type InstantLike = Date | number | string;

type WallClock = DateParts & { hour: number; minute: number; second: number };

// Creating an Intl.DateTimeFormat is slow (~tens of µs); one per zone is reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Without an offset, Date.parse reads a time in the runtime's own zone: the worker and a browser
// would then disagree on the instant, so such strings are refused.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

function toEpochMs(instant: InstantLike): number {
  if (typeof instant === 'string') {
    if (!ISO_INSTANT.test(instant)) {
      throw new RangeError(
        `an instant needs ISO 8601 with a time and an offset (Z or ±HH:MM): ${instant}`,
      );
    }
    // Date.parse rolls 2026-02-30 over into March; a date that does not exist is refused.
    dateParts(instant.slice(0, 10));
  }
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === 'number'
        ? instant
        : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return ms;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    // 'BC' years count backwards from 1 BC = year 0 (astronomical numbering).
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** The calendar date of `instant` in the IANA `timeZone` (the day an event counts for). */
export function localDateOf(instant: InstantLike, timeZone: string): LocalDate {
  const wall = wallClockAt(toEpochMs(instant), timeZone);
  return makeDate(wall.year, wall.month, wall.day);
}

/**
 * Wall-clock minutes since local midnight of `instant` in `timeZone`, with seconds as a fraction
 * (09:30:30 → 570.5). Wall clock, not elapsed time: on a DST day 03:00 is 180 either way.
 */
export function localMinutesOf(instant: InstantLike, timeZone: string): number {
  const ms = toEpochMs(instant);
  const wall = wallClockAt(ms, timeZone);
  const subSecond = ((ms % 1000) + 1000) % 1000;
  return wall.hour * 60 + wall.minute + (wall.second + subSecond / 1000) / 60;
}

/** UTC offset of `timeZone` at `epochMs`, in milliseconds (east positive). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const wall = wallClockAt(wholeSecond, timeZone);
  // Not Date.UTC: it maps years 0–99 to 1900–1999.
  const wallAsUtc =
    daysFromCivil(wall.year, wall.month, wall.day) * MS_PER_DAY +
    ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallAsUtc - wholeSecond;
}

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the wall clock in `timeZone` shows `time` (`HH:MM`) on `date`.
 * Like Temporal's "compatible" disambiguation: in a DST overlap (the time happens twice) the
 * earlier instant; in a DST gap (the time never happens) the time is read with the offset from
 * before the gap, which lands the same distance after it (02:30 on a spring-forward night → 03:30).
 */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const clock = CLOCK_PATTERN.exec(time);
  if (!clock) throw new RangeError(`not a time as HH:MM: ${JSON.stringify(time)}`);
  const wallAsUtc =
    toEpochDay(date) * MS_PER_DAY + (Number(clock[1]) * 60 + Number(clock[2])) * MS_PER_MINUTE;
  // A zone's offset is constant for a day either side of almost every instant, so the offsets a
  // day before and after are the only candidates.
  const offsetBefore = offsetAt(wallAsUtc - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wallAsUtc + MS_PER_DAY, timeZone);
  const matches = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (candidate) => candidate + offsetAt(candidate, timeZone) === wallAsUtc,
  );
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(wallAsUtc - offsetBefore);
}
