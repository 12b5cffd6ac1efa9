// Worker entry point (wrangler.toml `main`): HTTP, the cron tick (team chat, then the one-off
// linking of older logs to customers) and the chat queues.
import { app } from './app.ts';
import { onQueue, onScheduled, type QueueBatchLike } from './chat/handlers.ts';
import { backfillTick } from './customers/backfill.ts';
import { getDb } from './db/client.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  async scheduled(controller: { scheduledTime: number }, env: Env): Promise<void> {
    try {
      await onScheduled(env, controller.scheduledTime);
    } finally {
      await backfillTick(getDb(env), env.DB);
    }
  },
  async queue(batch: QueueBatchLike, env: Env): Promise<void> {
    await onQueue(batch, env);
  },
};
