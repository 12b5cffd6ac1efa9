/**
 * The outbox: every outgoing message is first a row here under its idempotency key, then a queue
 * message carrying only that key. Staging the same key twice adds nothing, so a cron tick that
 * runs twice, or a plan that is made again, sends each message once.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { chatOutbox } from '../db/schema.ts';
import type { Env } from '../env.ts';
import type { ChatMessage } from './message.ts';

export type OutboxKind = (typeof chatOutbox.$inferInsert)['kind'];

export interface Staged {
  key: string;
  channelId: string;
  kind: OutboxKind;
  message: ChatMessage;
}

const ROWS_PER_INSERT = 10;

/** Sends at most this many keys per `sendBatch` (the queue's own limit is 100). */
const QUEUE_BATCH = 100;

/**
 * Writes the messages not staged before and queues them. Cost: one insert per 10 messages.
 * Returns the keys that were new (and so queued).
 */
export async function stage(db: Db, env: Env, messages: Staged[], now: Date): Promise<string[]> {
  const added: string[] = [];
  // 9 bound parameters a row (defaults are bound too); D1 allows 100 per statement.
  for (let i = 0; i < messages.length; i += ROWS_PER_INSERT) {
    const rows = messages.slice(i, i + ROWS_PER_INSERT).map((m) => ({
      key: m.key,
      channelId: m.channelId,
      kind: m.kind,
      message: JSON.stringify(m.message),
      createdAt: now.toISOString(),
      queuedAt: now.getTime(),
    }));
    const inserted = await db
      .insert(chatOutbox)
      .values(rows)
      .onConflictDoNothing()
      .returning({ key: chatOutbox.key });
    added.push(...inserted.map((r) => r.key));
  }
  await enqueue(env, added);
  return added;
}

export async function enqueue(env: Env, keys: string[], delaySeconds = 0): Promise<void> {
  if (!env.CHAT_QUEUE || keys.length === 0) return;
  for (let i = 0; i < keys.length; i += QUEUE_BATCH) {
    await env.CHAT_QUEUE.sendBatch(
      keys.slice(i, i + QUEUE_BATCH).map((key) => ({ body: { key }, delaySeconds })),
    );
  }
}

/** A message still queued this long after it was handed to the queue was lost on the way. */
export const LOST_AFTER_MS = 60 * 60 * 1000;

/**
 * Queues again what was staged but never reached the queue (a crash between insert and send):
 * rows still queued that were last handed to the queue over `LOST_AFTER_MS` ago, and marks them
 * handed over now, so each is sent again once an hour at most. Retries in backoff are over well
 * before (worker/chat/delivery.ts), and the consumer's claim makes a duplicate queue message
 * harmless. Cost: the lost rows (an index range, usually empty).
 */
export async function requeueLost(db: Db, env: Env, now: Date): Promise<number> {
  const t = now.getTime();
  const lost = await db
    .update(chatOutbox)
    .set({ queuedAt: t })
    .where(and(eq(chatOutbox.status, 'queued'), lt(chatOutbox.queuedAt, t - LOST_AFTER_MS)))
    .returning({ key: chatOutbox.key });
  await enqueue(
    env,
    lost.map((r) => r.key),
  );
  return lost.length;
}

/** Marks messages the queue gave up on (its dead-letter queue) as dead. */
export async function markDead(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(chatOutbox)
    .set({ status: 'dead' })
    .where(and(inArray(chatOutbox.key, keys), eq(chatOutbox.status, 'queued')))
    .run();
}

/**
 * Finished outbox rows (sent, dead or dropped) are kept this long, for the channel's history and
 * to answer a retried queue message with "already sent"; far longer than any retry or re-queue.
 */
export const PRUNE_AFTER_DAYS = 30;
/** Rows deleted per tick at most, so one tick never does unbounded work; the rest go next minute. */
export const PRUNE_PER_TICK = 500;

/**
 * Deletes finished rows last handed to the queue over {@link PRUNE_AFTER_DAYS} ago; queued rows
 * (still being delivered) are never pruned. Cost: the pruned rows, found by the
 * `(status, queued_at)` index.
 */
export async function pruneOutbox(db: Db, now: Date): Promise<number> {
  const before = now.getTime() - PRUNE_AFTER_DAYS * 86_400_000;
  const old = db
    .select({ key: chatOutbox.key })
    .from(chatOutbox)
    .where(
      and(inArray(chatOutbox.status, ['sent', 'dead', 'dropped']), lt(chatOutbox.queuedAt, before)),
    )
    .limit(PRUNE_PER_TICK);
  const pruned = await db
    .delete(chatOutbox)
    .where(inArray(chatOutbox.key, old))
    .returning({ key: chatOutbox.key });
  return pruned.length;
}
