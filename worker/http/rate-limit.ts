/** Request budgets on the Cloudflare rate-limit bindings (they also work in `wrangler dev`). */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import type { RateLimiterBinding } from '../env.ts';
import { ApiError } from './errors.ts';

export async function rateLimit(limiter: RateLimiterBinding | undefined, key: string) {
  if (!limiter) return;
  const { success } = await limiter.limit({ key });
  if (!success) throw new ApiError(429, 'rate_limited', 'too many requests, retry in a minute');
}

/** For unauthenticated routes: budget per client IP (Cloudflare sets CF-Connecting-IP). */
export const publicRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const ip = c.req.header('cf-connecting-ip') ?? 'unknown';
  await rateLimit(c.env.PUBLIC_RATE_LIMITER, `ip:${ip}`);
  await next();
});
