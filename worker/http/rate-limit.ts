/**
 * Request budgets on the Cloudflare rate-limit bindings (they also work in `wrangler dev`):
 * - per member, whatever credential they use (`RATE_LIMITER`, see http/auth.ts);
 * - per client address for unauthenticated calls (`PUBLIC_RATE_LIMITER`);
 * - per client address for failed authentication (`AUTH_FAILURE_LIMITER`): a client over it is
 *   refused before any credential is looked up, until the minute is over.
 *
 * The client address is `CF-Connecting-IP`, which Cloudflare's edge sets on every request and
 * overwrites if a client sends it (`wrangler dev` sets it from the socket). A request without it
 * did not come through the edge and is refused where a per-client budget applies, rather than
 * pooled with every other such request. An IPv6 client usually holds a whole /64, so its /64
 * counts as one client.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import type { RateLimiterBinding } from '../env.ts';
import { ApiError, badRequest } from './errors.ts';

const rateLimited = () => new ApiError(429, 'rate_limited', 'too many requests, retry in a minute');

export async function rateLimit(limiter: RateLimiterBinding | undefined, key: string) {
  if (!limiter) return;
  const { success } = await limiter.limit({ key });
  if (!success) throw rateLimited();
}

/** The client's address (an IPv6 address by its /64), or a 400 when the edge did not give one. */
export function clientAddress(c: Context<AppEnv>): string {
  const ip = c.req.header('cf-connecting-ip')?.trim().toLowerCase();
  if (!ip) throw badRequest('no client address (CF-Connecting-IP): call through the edge');
  if (!ip.includes(':')) return ip;
  // Expand `::` so the first four groups are the /64.
  const [head = '', tail] = ip.split('::');
  const groups = head === '' ? [] : head.split(':');
  if (tail !== undefined) {
    const rest = tail === '' ? [] : tail.split(':');
    while (groups.length + rest.length < 8) groups.push('0');
    groups.push(...rest);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** For unauthenticated routes: budget per client address. */
export const publicRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  await rateLimit(c.env.PUBLIC_RATE_LIMITER, `ip:${clientAddress(c)}`);
  await next();
});

/** A per-location note that a client spent its failed-authentication budget (Cache API). */
interface EdgeCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}
const edgeCache = (): EdgeCache | undefined =>
  (globalThis as { caches?: { default?: EdgeCache } }).caches?.default;
const BLOCK_SECONDS = 60;
const blockKey = (client: string) =>
  `https://rate-limit.pacer.invalid/auth-failures/${encodeURIComponent(client)}`;

/** Refuses (429) a client that spent its failed-authentication budget within the last minute. */
export async function assertClientNotBlocked(c: Context<AppEnv>): Promise<void> {
  if (!c.env.AUTH_FAILURE_LIMITER || c.req.header('cf-connecting-ip') === undefined) return;
  if (await edgeCache()?.match(blockKey(clientAddress(c)))) throw rateLimited();
}

/**
 * Counts a failed authentication against the client's budget; over it, the client is refused
 * for a minute (429 now, and before any lookup on its next requests).
 */
export async function authFailed(c: Context<AppEnv>): Promise<void> {
  const limiter = c.env.AUTH_FAILURE_LIMITER;
  if (!limiter) return;
  const client = clientAddress(c);
  const { success } = await limiter.limit({ key: `auth-failure:${client}` });
  if (success) return;
  const note = new Response(null, { headers: { 'cache-control': `max-age=${BLOCK_SECONDS}` } });
  await edgeCache()?.put(blockKey(client), note);
  throw rateLimited();
}
