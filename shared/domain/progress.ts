import type { LocalDate, MetricProgress, Period } from '../api/index.ts';
import { isWorkday, type WorkCalendar } from './calendar.ts';
import { eachDay } from './dates.ts';

// Progress and pace: where a member (or team) stands in a period against its target
// (worked example in docs/architecture.md, "Progress and pace").

/** Values per local date, as a Map or a plain object keyed by `YYYY-MM-DD`. */
export type DayValues = ReadonlyMap<LocalDate, number> | Readonly<Record<LocalDate, number>>;

function valueOn(values: DayValues, day: LocalDate): number {
  const value =
    values instanceof Map ? values.get(day) : (values as Record<LocalDate, number>)[day];
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  // Totals stored before the daily caps may lie past exact integers: clamped, a year of them
  // still sums to a finite figure.
  return Math.min(Math.max(value, -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
}

/** Percent of `target` achieved (unrounded), null when there is no target. */
export function attainmentPercent(achieved: number, target: number): number | null {
  return target > 0 ? (achieved / target) * 100 : null;
}

/** Input to {@link computeProgress}. */
export type ProgressInput = {
  period: Pick<Period, 'start' | 'end'>;
  /** Daily targets (from `dailyTargets`); days missing count as 0. */
  dailyTargets: DayValues;
  /** Achieved per local day; days outside the period are ignored. */
  achievedByDay: DayValues;
  /** The member's local date now. */
  today: LocalDate;
  /** Fraction 0..1 of today's working hours gone (`elapsedWorkFraction`). */
  todayElapsed: number;
  cal: WorkCalendar;
};

/** The figures of {@link computeProgress}; unrounded, so the UI decides how to show them. */
export type ProgressFigures = Omit<MetricProgress, 'metric'> & {
  /** Workdays gone in the period, today's elapsed fraction included. */
  elapsedWorkdays: number;
  /** Workdays left in the period, today's unelapsed fraction included. */
  remainingWorkdays: number;
  /**
   * The expected-by-now as of the start of today (past days' targets only): time-of-day
   * independent, for figures cached per day such as a board's pace status.
   */
  expectedAtDayStart: number;
};

/**
 * Progress in a period: `achieved`, `target`, `percent` (null when the target is 0),
 * `expectedByNow` (daily targets of past days + today's prorated by `todayElapsed`),
 * `gap = achieved − expectedByNow`, `forecast = achieved + run-rate × remaining workdays`
 * (run-rate = achieved / elapsed workdays; nothing elapsed → forecast = achieved), and
 * `neededPerWorkday = max(0, target − achieved) / remaining workdays` (less than one left → the
 * whole shortfall, "needed today"). Workdays follow the calendar; a period without any workday paces over all its days,
 * matching how its target was spread.
 */
export function computeProgress(input: ProgressInput): ProgressFigures {
  const { period, today, cal } = input;
  const todayElapsed = Math.min(
    1,
    Math.max(0, Number.isFinite(input.todayElapsed) ? input.todayElapsed : 0),
  );
  const days = eachDay(period.start, period.end);
  const workdays = new Set(days.filter((d) => isWorkday(d, cal)));
  const isPaceDay = (d: LocalDate) => (workdays.size > 0 ? workdays.has(d) : true);

  let achieved = 0;
  let target = 0;
  let expectedByNow = 0;
  let expectedAtDayStart = 0;
  let elapsedWorkdays = 0;
  let remainingWorkdays = 0;
  for (const day of days) {
    const dayTarget = valueOn(input.dailyTargets, day);
    const share = day < today ? 1 : day === today ? todayElapsed : 0;
    achieved += valueOn(input.achievedByDay, day);
    target += dayTarget;
    expectedByNow += dayTarget * share;
    if (day < today) expectedAtDayStart += dayTarget;
    if (isPaceDay(day)) {
      elapsedWorkdays += share;
      remainingWorkdays += 1 - share;
    }
  }

  const runRate = elapsedWorkdays > 0 ? achieved / elapsedWorkdays : 0;
  const shortfall = Math.max(0, target - achieved);
  return {
    achieved,
    target,
    percent: attainmentPercent(achieved, target),
    expectedByNow,
    gap: achieved - expectedByNow,
    forecast: achieved + runRate * remainingWorkdays,
    // Below one remaining workday the whole shortfall is what is needed today: dividing by what
    // is left of the last day would make "per day" explode near its end.
    neededPerWorkday: remainingWorkdays >= 1 ? shortfall / remainingWorkdays : shortfall,
    elapsedWorkdays,
    remainingWorkdays,
    expectedAtDayStart,
  };
}
