// Worker entry point (wrangler.toml `main`): HTTP, the cron tick and the chat queues.
import { app } from './app.ts';
import { onQueue, onScheduled, type QueueBatchLike } from './chat/handlers.ts';
import type { Env } from './env.ts';

export default {
  fetch: app.fetch,
  async scheduled(controller: { scheduledTime: number }, env: Env): Promise<void> {
    await onScheduled(env, controller.scheduledTime);
  },
  async queue(batch: QueueBatchLike, env: Env): Promise<void> {
    await onQueue(batch, env);
  },
};
