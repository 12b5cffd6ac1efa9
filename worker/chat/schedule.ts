/**
 * When a channel's scheduled posts are due: at a local time of day, on the workdays of the
 * organisation's calendar, in the channel's time zone. Computed as instants with the shared date
 * rules, so a DST change moves the instant and never the local time, and the cron needs to read
 * only rows whose instant has come (worker/db/chat.ts `chat_schedules`).
 */
import type { LocalDate } from '../../shared/api/index.ts';
import type { WorkCalendar } from '../../shared/domain/calendar.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { isLastWorkdayOfWeek, nextWorkdayAt } from '../../shared/domain/rhythm.ts';

/**
 * The first instant after `afterMs` that is `time` on a workday in `timeZone`, as epoch ms; null
 * when the calendar has no workday in the next month (then the job waits for a settings change).
 * The same rule times the extension's morning-plan reminder.
 */
export const nextRunAt = nextWorkdayAt;

/** Workday runs looked through for a week's last one: a month of them at most. */
const WORKDAYS_AHEAD = 31;

/**
 * Like {@link nextRunAt}, but only on the last workday of each week (`isLastWorkdayOfWeek`, the
 * rule the sidebar offers the week's review by): the weekly review digest. Null when none comes
 * within a month of workdays.
 */
export function nextWeekEndRunAt(
  time: string,
  timeZone: string,
  cal: WorkCalendar,
  afterMs: number,
): number | null {
  let after = afterMs;
  for (let i = 0; i < WORKDAYS_AHEAD; i++) {
    const at = nextWorkdayAt(time, timeZone, cal, after);
    if (at === null) return null;
    if (isLastWorkdayOfWeek(localDateOf(at, timeZone), cal)) return at;
    after = at;
  }
  return null;
}

/** The local day a run at `atMs` belongs to (its idempotency key). */
export const runDay = (atMs: number, timeZone: string): LocalDate => localDateOf(atMs, timeZone);
