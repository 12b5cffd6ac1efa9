import type { LocalDate, StreakStatus } from '../api/index.ts';
import { isWorkday, type WorkCalendar } from './calendar.ts';
import { fromEpochDay, toEpochDay } from './dates.ts';

// Streaks (docs/architecture.md, "Streaks"). Everything is keyed by the member's local dates and
// walked in epoch days, so DST changes and year ends cannot shift or skip a day.

/** One freeze is earned per this many qualifying days in a row. */
export const QUALIFYING_DAYS_PER_FREEZE = 10;
/** At most this many freezes are banked. */
export const MAX_FREEZES = 2;

/** Input to {@link computeStreak}. */
export type StreakInput = {
  /** Points per member-local day; missing days have 0. The history starts at the earliest key. */
  pointsByDay: ReadonlyMap<LocalDate, number> | Readonly<Record<LocalDate, number>>;
  /** The first day of the history (default: the earliest day in `pointsByDay`). */
  from?: LocalDate;
  /** The member's local date now; later days are ignored. */
  today: LocalDate;
  /** The team's daily points goal: a day qualifies when its points reach it. */
  goal: number;
  cal: WorkCalendar;
  /**
   * The longest run on record from before this history (a server keeps it, since it looks back
   * only so far): `longest` never reports less.
   */
  longestBefore?: number;
};

/**
 * The member's streak: `current` = qualifying days in the unbroken run up to today, where a
 * missed non-workday (weekend, holiday) neither breaks nor is needed, a qualifying non-workday
 * adds one, and a missed workday spends a banked freeze instead of breaking the run (the frozen
 * day adds nothing and restarts the count toward the next freeze). One freeze is earned per
 * 10 qualifying days in a row, at most 2 banked. Today counts once it qualifies; until then the
 * run is alive but `atRisk` (only on a workday, and only if there is a run to lose).
 * `longest` is the longest run in the history, the current one included, or `longestBefore`
 * when that is longer.
 */
export function computeStreak(input: StreakInput): StreakStatus {
  return walkStreak(input).streak;
}

/**
 * {@link computeStreak}, plus whether the current run reaches back to the history's first day
 * unbroken: then an older history could make it longer, and a caller that looks back only so
 * far should look further.
 */
export function walkStreak({
  pointsByDay,
  today,
  goal,
  cal,
  longestBefore = 0,
  from,
}: StreakInput): { streak: StreakStatus; reachesStart: boolean } {
  const points = pointsByDay instanceof Map ? pointsByDay : new Map(Object.entries(pointsByDay));
  const lastDay = toEpochDay(today);
  let firstDay = from === undefined ? lastDay : toEpochDay(from);
  if (from === undefined) {
    for (const day of points.keys()) firstDay = Math.min(firstDay, toEpochDay(day));
  }

  const qualifies = (day: LocalDate) => (points.get(day) ?? 0) >= goal;
  let current = 0;
  let longest = longestBefore;
  let freezes = 0;
  let inARow = 0;
  // Until a missed workday resets the run, it may have begun before the history did.
  let unbroken = true;
  for (let epochDay = firstDay; epochDay <= lastDay; epochDay++) {
    const day = fromEpochDay(epochDay);
    if (qualifies(day)) {
      current++;
      inARow++;
      if (inARow % QUALIFYING_DAYS_PER_FREEZE === 0) freezes = Math.min(MAX_FREEZES, freezes + 1);
      longest = Math.max(longest, current);
    } else if (epochDay < lastDay && isWorkday(day, cal)) {
      // A missed workday; today is not missed yet, only at risk.
      inARow = 0;
      if (freezes > 0) freezes--;
      else {
        current = 0;
        unbroken = false;
      }
    }
  }
  const atRisk = !qualifies(today) && isWorkday(today, cal) && current > 0;
  return { streak: { current, longest, atRisk, freezes }, reachesStart: unbroken && current > 0 };
}
