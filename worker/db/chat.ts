/**
 * Team chat channels (worker/chat/): the channels, when each one's scheduled posts are next due,
 * and the outbox every outgoing message passes through. An outbox row's key is the message's
 * idempotency key: a retried consumer finds it sent and posts nothing again.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const chatChannels = sqliteTable(
  'chat_channels',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    teamId: text('team_id').notNull(),
    platform: text('platform', {
      enum: ['wecom', 'dingtalk', 'feishu', 'slack', 'teams'],
    }).notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: ['en', 'zh'] }).notNull(),
    timezone: text('timezone').notNull(),
    /** AES-GCM ciphertext of the webhook URL (worker/chat/secrets.ts); the URL is a credential. */
    urlCipher: text('url_cipher').notNull(),
    /** Host and last characters of the URL, shown instead of it. */
    urlHint: text('url_hint').notNull(),
    /** AES-GCM ciphertext of the signing secret (钉钉, 飞书), or null. */
    secretCipher: text('secret_cipher'),
    /** JSON of `ChatChannelOptions` (shared/api/chat.ts). */
    options: text('options').notNull(),
    /** Failed deliveries in a row; at PAUSE_AFTER_FAILURES the channel pauses. */
    failures: integer('failures').notNull().default(0),
    pausedAt: text('paused_at'),
    lastError: text('last_error'),
    lastSentAt: text('last_sent_at'),
    /** Rate limit: start (epoch ms) and count of the current one-minute window. */
    windowStart: integer('window_start').notNull().default(0),
    windowCount: integer('window_count').notNull().default(0),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('chat_channels_org').on(t.orgId, t.teamId)],
);

/** The next run of a channel's scheduled job, as an instant: the cron reads only due rows. */
export const chatSchedules = sqliteTable(
  'chat_schedules',
  {
    channelId: text('channel_id').notNull(),
    job: text('job', { enum: ['standings', 'alerts', 'review'] }).notNull(),
    /** Epoch ms of the next run. */
    nextAt: integer('next_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.job] }), index('chat_schedules_due').on(t.nextAt)],
);

export const chatOutbox = sqliteTable(
  'chat_outbox',
  {
    /** The idempotency key, e.g. `standings:<channel>:<local date>`, `ann:<channel>:<id>`. */
    key: text('key').primaryKey(),
    channelId: text('channel_id').notNull(),
    kind: text('kind', {
      enum: ['announcement', 'standings', 'alerts', 'review', 'test'],
    }).notNull(),
    /** JSON of the platform-neutral message (worker/chat/message.ts). */
    message: text('message').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'dead', 'dropped'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** A consumer holds the row until then (epoch ms), so two consumers never post it twice. */
    claimedUntil: integer('claimed_until').notNull().default(0),
    error: text('error'),
    createdAt: text('created_at').notNull(),
    /** When it was last handed to the queue (epoch ms): finds messages lost on the way. */
    queuedAt: integer('queued_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('chat_outbox_channel').on(t.channelId, t.createdAt),
    index('chat_outbox_queued').on(t.status, t.queuedAt),
  ],
);

/** Small named counters of the chat feature: `announcements` = the last announcement id forwarded. */
export const chatCursors = sqliteTable('chat_cursors', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
