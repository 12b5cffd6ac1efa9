/**
 * When a channel's scheduled posts are due: at a local time of day, on the workdays of the
 * organisation's calendar, in the channel's time zone. Computed as instants with the shared date
 * rules, so a DST change moves the instant and never the local time, and the cron needs to read
 * only rows whose instant has come (worker/db/chat.ts `chat_schedules`).
 */
import type { LocalDate } from '../../shared/api/index.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { nextWorkdayAt } from '../../shared/domain/rhythm.ts';

/**
 * The first instant after `afterMs` that is `time` on a workday in `timeZone`, as epoch ms; null
 * when the calendar has no workday in the next month (then the job waits for a settings change).
 * The same rule times the extension's morning-plan reminder.
 */
export const nextRunAt = nextWorkdayAt;

/** The local day a run at `atMs` belongs to (its idempotency key). */
export const runDay = (atMs: number, timeZone: string): LocalDate => localDateOf(atMs, timeZone);
