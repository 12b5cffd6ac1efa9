/**
 * The worker as `npm run bench` runs it (test/bench/lib/servers.ts starts `wrangler dev` on this
 * entry instead of worker/index.ts): the same app, and a request carrying `x-pacer-meter: 1` gets
 * its summed D1 cost back in `x-pacer-d1` (d1-meter.ts). Production never loads this module.
 */
import { app } from '../app.ts';
import type { Env } from '../env.ts';
import { formatUsage, METER_REQUEST_HEADER, METER_RESPONSE_HEADER, meterD1 } from './d1-meter.ts';

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (request.headers.get(METER_REQUEST_HEADER) !== '1') return app.fetch(request, env, ctx);
    const usage = { queries: 0, rowsRead: 0, rowsWritten: 0 };
    const answer = await app.fetch(request, { ...env, DB: meterD1(env.DB, usage) }, ctx);
    const metered = new Response(answer.body, answer);
    metered.headers.set(METER_RESPONSE_HEADER, formatUsage(usage));
    return metered;
  },
};
