/**
 * The chat feature's non-HTTP entry points, wired by worker/index.ts: the cron tick and the queue
 * consumers (`pacer-chat` delivers, `pacer-chat-dead` records what the queue gave up on).
 */
import { z } from 'zod';
import { getDb } from '../db/client.ts';
import type { Env } from '../env.ts';
import { chatTick } from './cron.ts';
import { deliver } from './delivery.ts';
import { enqueue, markDead } from './outbox.ts';

export const DEAD_LETTER_QUEUE = 'pacer-chat-dead';

const QueueBody = z.object({ key: z.string().min(1).max(300) });

/** The part of a queue message the consumer uses (Workers' `Message`). */
export interface QueueMessageLike {
  readonly id: string;
  readonly attempts: number;
  readonly body: unknown;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

export interface QueueBatchLike {
  readonly queue: string;
  readonly messages: readonly QueueMessageLike[];
}

export async function onScheduled(env: Env, scheduledTime: number): Promise<void> {
  await chatTick(getDb(env), env, new Date(scheduledTime));
}

export async function onQueue(batch: QueueBatchLike, env: Env): Promise<void> {
  const db = getDb(env);
  if (batch.queue === DEAD_LETTER_QUEUE) {
    const keys = batch.messages.flatMap((m) => {
      const body = QueueBody.safeParse(m.body);
      return body.success ? [body.data.key] : [];
    });
    await markDead(db, keys);
    for (const m of batch.messages) m.ack();
    return;
  }
  // One at a time: messages of one channel share its rate-limit window.
  for (const m of batch.messages) {
    const body = QueueBody.safeParse(m.body);
    if (!body.success) {
      m.ack();
      continue;
    }
    try {
      const result = await deliver(db, env, body.data.key, m.attempts);
      if (result.done) m.ack();
      else if ('defer' in result) {
        // A fresh message for later: waiting for a rate-limit window is not a failed attempt.
        await enqueue(env, [body.data.key], result.defer);
        m.ack();
      } else m.retry({ delaySeconds: result.retry });
    } catch (error) {
      // Pacer's own trouble (e.g. D1 unavailable), not the webhook's: try again shortly.
      console.error('chat delivery failed', error);
      m.retry({ delaySeconds: 30 });
    }
  }
}
