/**
 * Links the worker hands out (sign-in links, TV links) point at the configured public origin
 * (`PUBLIC_ORIGIN`, wrangler.toml), never at the request's Host header: a request with a forged
 * Host (or one passed on by a proxy) must not make Pacer mint links to someone else's server.
 */
import { z } from 'zod';
import type { Env } from '../env.ts';

const Origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

/** `path` (with its query) on the public origin. Throws if `PUBLIC_ORIGIN` is missing or junk. */
export function publicUrl(env: Pick<Env, 'PUBLIC_ORIGIN'>, path: string): URL {
  const origin = Origin.safeParse(env.PUBLIC_ORIGIN);
  if (!origin.success) {
    throw new Error('PUBLIC_ORIGIN must be set to the http(s) origin of the leaderboard page');
  }
  return new URL(path, origin.data);
}
