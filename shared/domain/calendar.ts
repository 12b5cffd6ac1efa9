import type { CalendarSettings, LocalDate, Period, PeriodKind } from '../api/index.ts';
import {
  addDays,
  addMonths,
  dateParts,
  isoWeekday,
  isoWeekdayOfEpochDay,
  localDateOf,
  makeDate,
  toEpochDay,
  zonedInstant,
} from './dates.ts';

// The organisation's working calendar (docs/architecture.md, "Calendar and workdays"): which days are workdays, and which
// day/week/month/quarter/year period a date falls in. Quarters and years follow the fiscal year.

/** Only the calendar fields the rules read, so callers can pass a partial or stored shape. */
export type WorkCalendar = Pick<
  CalendarSettings,
  'weekStart' | 'workweeks' | 'cycleAnchor' | 'holidays' | 'extraWorkdays' | 'fiscalYearStartMonth'
> &
  Partial<Pick<CalendarSettings, 'workingHours' | 'timezone'>>;

type CalendarIndex = {
  holidays: ReadonlySet<LocalDate>;
  extraWorkdays: ReadonlySet<LocalDate>;
  anchorWeekStart: number;
  workweeks: ReadonlyArray<ReadonlySet<number>>;
  /** The settings as they were when indexed, to notice an object edited in place. */
  builtFrom: CalendarShape;
  /** Results other rules derive from this calendar (e.g. spread targets), dropped with the index. */
  memo: Map<string, unknown>;
};

// Settings objects are read many times per request (every day of a year); index each one once.
const indexes = new WeakMap<WorkCalendar, CalendarIndex>();

type CalendarShape = Pick<
  WorkCalendar,
  'weekStart' | 'cycleAnchor' | 'fiscalYearStartMonth' | 'holidays' | 'extraWorkdays' | 'workweeks'
> & { holidayCount: number; extraCount: number; weekCount: number };

function shapeOf(cal: WorkCalendar): CalendarShape {
  return {
    weekStart: cal.weekStart,
    cycleAnchor: cal.cycleAnchor,
    fiscalYearStartMonth: cal.fiscalYearStartMonth,
    holidays: cal.holidays,
    extraWorkdays: cal.extraWorkdays,
    workweeks: cal.workweeks,
    holidayCount: cal.holidays.length,
    extraCount: cal.extraWorkdays.length,
    weekCount: cal.workweeks.length,
  };
}

/**
 * Settings are meant to be replaced, not edited in place; still, a replaced array, a push to
 * `holidays` or a changed `weekStart` on the same object is noticed (cheaply: by identity and
 * length, since this runs on every call).
 */
function sameShape(shape: CalendarShape, cal: WorkCalendar): boolean {
  return (
    shape.weekStart === cal.weekStart &&
    shape.cycleAnchor === cal.cycleAnchor &&
    shape.fiscalYearStartMonth === cal.fiscalYearStartMonth &&
    shape.holidays === cal.holidays &&
    shape.extraWorkdays === cal.extraWorkdays &&
    shape.workweeks === cal.workweeks &&
    shape.holidayCount === cal.holidays.length &&
    shape.extraCount === cal.extraWorkdays.length &&
    shape.weekCount === cal.workweeks.length
  );
}

function indexOf(cal: WorkCalendar): CalendarIndex {
  let index = indexes.get(cal);
  if (!index || !sameShape(index.builtFrom, cal)) {
    if (cal.workweeks.length === 0) {
      throw new RangeError('the calendar needs at least one workweek');
    }
    index = {
      holidays: new Set(cal.holidays),
      extraWorkdays: new Set(cal.extraWorkdays),
      anchorWeekStart: toEpochDay(weekStartOf(cal.cycleAnchor, cal.weekStart)),
      workweeks: cal.workweeks.map((days) => new Set(days)),
      builtFrom: shapeOf(cal),
      memo: new Map(),
    };
    indexes.set(cal, index);
  }
  return index;
}

/** Most results memoised per calendar; beyond this the memo starts afresh. */
const MEMO_LIMIT = 1000;

/**
 * Memoises `compute()` under `key` for this calendar: for results that depend only on the
 * calendar and the key (a target's spread over its period). Forgotten when the calendar changes.
 * Callers must not mutate what they get back.
 */
export function memoForCalendar<T>(cal: WorkCalendar, key: string, compute: () => T): T {
  const { memo } = indexOf(cal);
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The first day of the week containing `date`, weeks starting on ISO weekday `weekStart`. */
export function weekStartOf(date: LocalDate, weekStart: number): LocalDate {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}

/**
 * Is `date` a workday? A holiday never is (it wins even over a make-up day listed by mistake);
 * a make-up day (`extraWorkdays`, 调休) always is; otherwise the weekday must be in this week's
 * entry of the `workweeks` cycle, counted in whole weeks from the week containing `cycleAnchor`.
 */
export function isWorkday(date: LocalDate, cal: WorkCalendar): boolean {
  const index = indexOf(cal);
  if (index.holidays.has(date)) return false;
  if (index.extraWorkdays.has(date)) return true;
  // Integer day arithmetic only: this runs for every day of every period computed.
  const epochDay = toEpochDay(date);
  const weekday = isoWeekdayOfEpochDay(epochDay);
  const weekStart = epochDay - ((weekday - cal.weekStart + 7) % 7);
  const weeksFromAnchor = Math.floor((weekStart - index.anchorWeekStart) / 7);
  const cycle = index.workweeks.length;
  const week = index.workweeks[((weeksFromAnchor % cycle) + cycle) % cycle];
  return week?.has(weekday) ?? false;
}

/** First month (1–12) of the fiscal quarter or year containing `date`. */
function fiscalStart(date: LocalDate, months: 3 | 12, fiscalYearStartMonth: number): LocalDate {
  const { year, month } = dateParts(date);
  const monthsIntoFiscalYear = (month - fiscalYearStartMonth + 12) % 12;
  const monthsIntoPeriod = monthsIntoFiscalYear % months;
  return addMonths(makeDate(year, month, 1), -monthsIntoPeriod);
}

/** The period of `kind` that contains `date`; `start` and `end` are both inclusive. */
export function periodContaining(kind: PeriodKind, date: LocalDate, cal: WorkCalendar): Period {
  switch (kind) {
    case 'day':
      dateParts(date);
      return { kind, start: date, end: date };
    case 'week': {
      const start = weekStartOf(date, cal.weekStart);
      return { kind, start, end: addDays(start, 6) };
    }
    case 'month': {
      const { year, month } = dateParts(date);
      const start = makeDate(year, month, 1);
      return { kind, start, end: addDays(addMonths(start, 1), -1) };
    }
    case 'quarter':
    case 'year': {
      const months = kind === 'quarter' ? 3 : 12;
      const start = fiscalStart(date, months, cal.fiscalYearStartMonth);
      return { kind, start, end: addDays(addMonths(start, months), -1) };
    }
    default:
      throw new RangeError(`unknown period kind: ${String(kind)}`);
  }
}

/**
 * The period of `kind` that begins at `start`. With `mode: 'normalise'` (default) a date inside a
 * period is taken to mean the period containing it; with `mode: 'strict'` it is a RangeError, for
 * validating what a manager typed.
 */
export function periodFromStart(
  kind: PeriodKind,
  start: LocalDate,
  cal: WorkCalendar,
  mode: 'normalise' | 'strict' = 'normalise',
): Period {
  const period = periodContaining(kind, start, cal);
  if (mode === 'strict' && period.start !== start) {
    throw new RangeError(
      `${start} is not the start of a ${kind}; that ${kind} starts ${period.start}`,
    );
  }
  return period;
}

/** The period of the same kind right after (`step` 1) or before (`step` -1) `period`. */
export function shiftPeriod(period: Period, step: number, cal: WorkCalendar): Period {
  let current = period;
  for (let i = 0; i < Math.abs(step); i++) {
    const next = step > 0 ? addDays(current.end, 1) : addDays(current.start, -1);
    current = periodContaining(period.kind, next, cal);
  }
  return current;
}

/** True when `date` lies inside `period` (inclusive at both ends). */
export function periodIncludes(period: Pick<Period, 'start' | 'end'>, date: LocalDate): boolean {
  return date >= period.start && date <= period.end;
}

const DEFAULT_WORKING_HOURS = { start: '09:00', end: '18:00' };

/**
 * The fraction (0..1) of today's working hours already gone at `now` in the member's `timeZone`:
 * 0 before the working day starts, 1 after it ends. Measured between real instants, so an hour
 * that a DST change removes or repeats inside working hours is counted as it was lived.
 */
export function elapsedWorkFraction(
  now: Date,
  cal: Pick<WorkCalendar, 'workingHours'>,
  timeZone: string,
): number {
  const hours = cal.workingHours ?? DEFAULT_WORKING_HOURS;
  const today = localDateOf(now, timeZone);
  const start = zonedInstant(today, hours.start, timeZone).getTime();
  const end = zonedInstant(today, hours.end, timeZone).getTime();
  if (end <= start) return now.getTime() >= start ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}
