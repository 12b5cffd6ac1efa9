/**
 * Delivers one outbox message (worker/chat/outbox.ts) to its channel's webhook. Exactly once per
 * key as far as Pacer can tell: the row is claimed before posting (a second consumer with the same
 * key waits), marked sent right after, and a sent row is never posted again. Each platform's rate
 * limit is a one-minute window counted on the channel's row; a message over it is put back on the
 * queue for when the window ends, which does not spend one of its retries. A failed post is
 * retried with backoff by the queue (wrangler.toml `max_retries`, then the dead-letter queue); a
 * channel that fails `PAUSE_AFTER_FAILURES` times in a row pauses until its manager resumes it.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { webhookUrlProblem } from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { chatChannels, chatOutbox } from '../db/schema.ts';
import type { Env } from '../env.ts';
import { ChatMessage } from './message.ts';
import { RATE_PER_MINUTE, readOutcome, webhookRequest } from './platforms.ts';
import { chatKey, open } from './secrets.ts';

/** Failed deliveries in a row after which a channel pauses. */
export const PAUSE_AFTER_FAILURES = 10;
/** How long a consumer holds a message it is posting. */
const CLAIM_MS = 60_000;
const WINDOW_MS = 60_000;
/** A webhook that does not answer in this long has failed this attempt. */
const TIMEOUT_MS = 10_000;

export type Delivery =
  /** Done with this key: sent now, sent before, or nothing to send (channel gone or paused). */
  | { done: true; result: 'sent' | 'already' | 'dropped' }
  /** Try again later without spending a retry (rate limit, another consumer holds it). */
  | { done: false; defer: number }
  /** Failed: let the queue retry after `delay` seconds (or dead-letter it). */
  | { done: false; retry: number; error: string };

export const allowsLoopback = (env: Env) => env.CHAT_ALLOW_LOCALHOST === 'true';

export function backoffSeconds(env: Env, attempt: number): number {
  const base = Number(env.CHAT_RETRY_BASE_SECONDS ?? 30);
  const safe = Number.isFinite(base) && base >= 0 ? base : 30;
  return Math.min(safe * 2 ** Math.max(0, attempt - 1), 3600);
}

const drop = async (db: Db, key: string, error: string): Promise<Delivery> => {
  await db
    .update(chatOutbox)
    .set({ status: 'dropped', error, claimedUntil: 0 })
    .where(eq(chatOutbox.key, key))
    .run();
  return { done: true, result: 'dropped' };
};

const release = (db: Db, key: string) =>
  db.update(chatOutbox).set({ claimedUntil: 0 }).where(eq(chatOutbox.key, key)).run();

/**
 * Posts the message staged under `key`. `attempt` is the queue's delivery count of this message
 * (1 on the first try), for the backoff. Cost: the claim, the channel row, the rate-limit update
 * and the outcome's two updates.
 */
export async function deliver(
  db: Db,
  env: Env,
  key: string,
  attempt: number,
  now = new Date(),
): Promise<Delivery> {
  const t = now.getTime();
  const [claimed] = await db
    .update(chatOutbox)
    .set({ claimedUntil: t + CLAIM_MS })
    .where(
      and(eq(chatOutbox.key, key), eq(chatOutbox.status, 'queued'), lt(chatOutbox.claimedUntil, t)),
    )
    .returning();
  if (!claimed) {
    const row = await db
      .select({ status: chatOutbox.status })
      .from(chatOutbox)
      .where(eq(chatOutbox.key, key))
      .get();
    if (row?.status !== 'queued') return { done: true, result: 'already' };
    return { done: false, defer: Math.ceil(CLAIM_MS / 1000) };
  }

  const channel = await db
    .select()
    .from(chatChannels)
    .where(eq(chatChannels.id, claimed.channelId))
    .get();
  if (!channel) return drop(db, key, 'channel removed');
  if (channel.pausedAt && claimed.kind !== 'test') return drop(db, key, 'channel paused');
  const parsed = ChatMessage.safeParse(JSON.parse(claimed.message));
  if (!parsed.success) return drop(db, key, 'unreadable message');

  const cryptoKey = await chatKey(env.CHAT_SECRET_KEY);
  const url = cryptoKey ? await open(cryptoKey, channel.urlCipher, channel.id) : null;
  const secret =
    cryptoKey && channel.secretCipher
      ? await open(cryptoKey, channel.secretCipher, channel.id)
      : null;
  if (!url || (channel.secretCipher && !secret)) {
    return fail(db, env, claimed.key, channel.id, attempt, now, 'cannot decrypt the webhook');
  }
  // Checked again at every send: a URL stored while loopback was allowed is not posted to later.
  const problem = webhookUrlProblem(channel.platform, url, allowsLoopback(env));
  if (problem) return drop(db, key, `webhook refused: ${problem}`);

  const limit = RATE_PER_MINUTE[channel.platform];
  const [slot] = await db
    .update(chatChannels)
    .set({
      windowStart: sql`CASE WHEN ${chatChannels.windowStart} <= ${t - WINDOW_MS} THEN ${t} ELSE ${chatChannels.windowStart} END`,
      windowCount: sql`CASE WHEN ${chatChannels.windowStart} <= ${t - WINDOW_MS} THEN 1 ELSE ${chatChannels.windowCount} + 1 END`,
    })
    .where(
      and(
        eq(chatChannels.id, channel.id),
        sql`(${chatChannels.windowStart} <= ${t - WINDOW_MS} OR ${chatChannels.windowCount} < ${limit})`,
      ),
    )
    .returning({ windowStart: chatChannels.windowStart });
  if (!slot) {
    await release(db, key);
    const waitMs = channel.windowStart + WINDOW_MS - t;
    return { done: false, defer: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  const request = await webhookRequest(
    channel.platform,
    url,
    secret,
    parsed.data,
    channel.language,
    now,
  );
  let outcome: ReturnType<typeof readOutcome>;
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(request.body),
      // A webhook host that redirects does not get to send Pacer elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    outcome = readOutcome(channel.platform, res.status, text, res.headers.get('retry-after'));
  } catch (error) {
    outcome = { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }

  if (outcome.outcome === 'sent') {
    const at = now.toISOString();
    await db.batch([
      db
        .update(chatOutbox)
        .set({ status: 'sent', sentAt: at, attempts: claimed.attempts + 1, error: null })
        .where(eq(chatOutbox.key, key)),
      db
        .update(chatChannels)
        .set({ failures: 0, lastError: null, lastSentAt: at })
        .where(eq(chatChannels.id, channel.id)),
    ]);
    return { done: true, result: 'sent' };
  }
  if (outcome.outcome === 'rate_limited') {
    await release(db, key);
    return { done: false, defer: outcome.retryAfterSeconds };
  }
  return fail(db, env, key, channel.id, attempt, now, outcome.error);
}

async function fail(
  db: Db,
  env: Env,
  key: string,
  channelId: string,
  attempt: number,
  now: Date,
  error: string,
): Promise<Delivery> {
  const brief = error.slice(0, 300);
  await db.batch([
    db
      .update(chatOutbox)
      .set({ attempts: sql`${chatOutbox.attempts} + 1`, error: brief, claimedUntil: 0 })
      .where(eq(chatOutbox.key, key)),
    db
      .update(chatChannels)
      .set({
        failures: sql`${chatChannels.failures} + 1`,
        lastError: brief,
        pausedAt: sql`CASE WHEN ${chatChannels.pausedAt} IS NULL AND ${chatChannels.failures} + 1 >= ${PAUSE_AFTER_FAILURES} THEN ${now.toISOString()} ELSE ${chatChannels.pausedAt} END`,
      })
      .where(eq(chatChannels.id, channelId)),
  ]);
  return { done: false, retry: backoffSeconds(env, attempt), error: brief };
}
