/**
 * The worker as `npm run bench` runs it (test/bench/lib/servers.ts starts `wrangler dev` on this
 * entry instead of worker/index.ts): the same app, and a request carrying `x-pacer-meter: 1` gets
 * its summed D1 cost back in `x-pacer-d1` (d1-meter.ts). Production never loads this module.
 */
import { app } from '../app.ts';
import { chatTick } from '../chat/cron.ts';
import { deliver } from '../chat/delivery.ts';
import { onQueue, onScheduled, type QueueBatchLike } from '../chat/handlers.ts';
import { backfillTick } from '../customers/backfill.ts';
import { getDb } from '../db/client.ts';
import type { Env } from '../env.ts';
import {
  type D1Usage,
  formatUsage,
  METER_REQUEST_HEADER,
  METER_RESPONSE_HEADER,
  meterD1,
} from './d1-meter.ts';

/**
 * `POST /api/__bench/chat-tick?at=<epoch ms>` (metered requests only): one cron tick of the chat
 * feature at that instant, then each message it staged delivered at once (not through the queue),
 * with the D1 cost of each part: `{ tick, deliveries, staged }`.
 */
async function chatBench(url: URL, env: Env): Promise<Response> {
  const at = new Date(Number(url.searchParams.get('at') ?? Date.now()));
  const tick: D1Usage = { queries: 0, rowsRead: 0, rowsWritten: 0 };
  const deliveries: D1Usage = { queries: 0, rowsRead: 0, rowsWritten: 0 };
  const quiet = { ...env, CHAT_QUEUE: undefined };
  const { staged } = await chatTick(getDb({ ...quiet, DB: meterD1(env.DB, tick) }), quiet, at);
  const db = getDb({ ...quiet, DB: meterD1(env.DB, deliveries) });
  const results = [];
  for (const key of staged) results.push(await deliver(db, quiet, key, 1));
  const sent = results.filter((r) => r.done).length;
  return Response.json({ tick, deliveries, staged: staged.length, sent });
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (request.headers.get(METER_REQUEST_HEADER) !== '1') return app.fetch(request, env, ctx);
    const url = new URL(request.url);
    if (url.pathname === '/api/__bench/chat-tick' && request.method === 'POST') {
      return chatBench(url, env);
    }
    const usage = { queries: 0, rowsRead: 0, rowsWritten: 0 };
    const answer = await app.fetch(request, { ...env, DB: meterD1(env.DB, usage) }, ctx);
    const metered = new Response(answer.body, answer);
    metered.headers.set(METER_RESPONSE_HEADER, formatUsage(usage));
    return metered;
  },
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
