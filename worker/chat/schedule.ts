/**
 * When a channel's scheduled posts are due: at a local time of day, on the workdays of the
 * organisation's calendar, in the channel's time zone. Computed as instants with the shared date
 * rules, so a DST change moves the instant and never the local time, and the cron needs to read
 * only rows whose instant has come (worker/db/chat.ts `chat_schedules`).
 */
import type { LocalDate } from '../../shared/api/index.ts';
import { isWorkday, periodContaining, type WorkCalendar } from '../../shared/domain/calendar.ts';
import { addDays, localDateOf, zonedInstant } from '../../shared/domain/dates.ts';

/** A month ahead is always enough: no calendar has four weeks without a workday. */
const LOOK_AHEAD_DAYS = 31;

/**
 * The first instant after `afterMs` that is `time` on a workday in `timeZone`, as epoch ms; null
 * when the calendar has no workday in the next month (then the job waits for a settings change).
 */
export function nextRunAt(
  time: string,
  timeZone: string,
  cal: WorkCalendar,
  afterMs: number,
): number | null {
  const today = localDateOf(afterMs, timeZone);
  for (let i = -1; i <= LOOK_AHEAD_DAYS; i++) {
    const day = addDays(today, i);
    if (!isWorkday(day, cal)) continue;
    const at = zonedInstant(day, time, timeZone).getTime();
    if (at > afterMs) return at;
  }
  return null;
}

/**
 * Whether `day` is its week's last workday in the team calendar (Friday in a Monday–Friday week;
 * Saturday in a week with a make-up Saturday; Thursday before a Friday holiday): the week-end
 * runs (the weekly review digest) fall on it.
 */
export function isWeekEndWorkday(day: LocalDate, cal: WorkCalendar): boolean {
  if (!isWorkday(day, cal)) return false;
  const week = periodContaining('week', day, cal);
  for (let d = addDays(day, 1); d <= week.end; d = addDays(d, 1)) {
    if (isWorkday(d, cal)) return false;
  }
  return true;
}

/**
 * Like {@link nextRunAt}, but only on the last workday of each week ({@link isWeekEndWorkday}).
 * Null when no week of the next month has a workday.
 */
export function nextWeekEndRunAt(
  time: string,
  timeZone: string,
  cal: WorkCalendar,
  afterMs: number,
): number | null {
  const today = localDateOf(afterMs, timeZone);
  for (let i = -1; i <= LOOK_AHEAD_DAYS; i++) {
    const day = addDays(today, i);
    if (!isWeekEndWorkday(day, cal)) continue;
    const at = zonedInstant(day, time, timeZone).getTime();
    if (at > afterMs) return at;
  }
  return null;
}

/** The local day a run at `atMs` belongs to (its idempotency key). */
export const runDay = (atMs: number, timeZone: string): LocalDate => localDateOf(atMs, timeZone);
