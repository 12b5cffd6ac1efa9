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
import { nextRunAt } from './schedule.ts';

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

/**
 * The statements that make the channel's schedule rows match its options: each enabled job's
 * next run from `now`, no row for a disabled one.
 */
export function scheduleStatements(db: Db, row: ChannelRow, settings: OrgSettings, now: Date) {
  const options = channelOptions(row);
  return (['standings', 'alerts'] as const).map((job) => {
    const spec = options[job];
    const next =
      spec.enabled && !row.pausedAt
        ? nextRunAt(spec.time, row.timezone, settings.calendar, now.getTime())
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
