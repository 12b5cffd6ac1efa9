/** Chat channel rows: their options, their API view and their schedule rows. */
import { and, eq } from 'drizzle-orm';
import {
  ChatChannelOptions,
  type ChatChannelView,
  DEFAULT_CHAT_OPTIONS,
  type OrgSettings,
} from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { chatChannels, chatSchedules } from '../db/schema.ts';
import { nextRunAt, nextWeekEndRunAt } from './schedule.ts';

export type ChannelRow = typeof chatChannels.$inferSelect;

/** The stored options, or the defaults if a stored document no longer parses. */
export function channelOptions(row: Pick<ChannelRow, 'options'>): ChatChannelOptions {
  const parsed = ChatChannelOptions.safeParse(JSON.parse(row.options));
  return parsed.success ? parsed.data : DEFAULT_CHAT_OPTIONS;
}

/** What the API answers: never the URL or the secret. */
export const channelView = (row: ChannelRow): ChatChannelView => ({
  id: row.id,
  teamId: row.teamId,
  platform: row.platform,
  name: row.name,
  language: row.language,
  timezone: row.timezone,
  webhookHint: row.urlHint,
  signed: row.secretCipher !== null,
  options: channelOptions(row),
  pausedAt: row.pausedAt,
  failures: row.failures,
  lastError: row.lastError,
  lastSentAt: row.lastSentAt,
  createdAt: row.createdAt,
});

/** Channels of an org. Cost: one indexed read per channel of the org. */
export const loadChannels = (db: Db, orgId: string) =>
  db.select().from(chatChannels).where(eq(chatChannels.orgId, orgId)).all();

export const findChannel = (db: Db, orgId: string, id: string) =>
  db
    .select()
    .from(chatChannels)
    .where(and(eq(chatChannels.id, id), eq(chatChannels.orgId, orgId)))
    .get();

/** The scheduled jobs a channel may have: daily on workdays, or (the review) at each week's end. */
export const SCHEDULED_JOBS = ['standings', 'alerts', 'review'] as const;
export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

/** When a job of the channel runs next after `afterMs`: its time on the days it runs. */
export function nextJobRun(
  job: ScheduledJob,
  spec: { time: string },
  timeZone: string,
  settings: Pick<OrgSettings, 'calendar'>,
  afterMs: number,
): number | null {
  return job === 'review'
    ? nextWeekEndRunAt(spec.time, timeZone, settings.calendar, afterMs)
    : nextRunAt(spec.time, timeZone, settings.calendar, afterMs);
}

/**
 * The statements that make the channel's schedule rows match its options: each enabled job's
 * next run from `now`, no row for a disabled one.
 */
export function scheduleStatements(db: Db, row: ChannelRow, settings: OrgSettings, now: Date) {
  const options = channelOptions(row);
  return SCHEDULED_JOBS.map((job) => {
    const spec = options[job];
    const next =
      spec.enabled && !row.pausedAt
        ? nextJobRun(job, spec, row.timezone, settings, now.getTime())
        : null;
    const where = and(eq(chatSchedules.channelId, row.id), eq(chatSchedules.job, job));
    if (next === null) return db.delete(chatSchedules).where(where);
    return db
      .insert(chatSchedules)
      .values({ channelId: row.id, job, nextAt: next })
      .onConflictDoUpdate({
        target: [chatSchedules.channelId, chatSchedules.job],
        set: { nextAt: next },
      });
  });
}
