/**
 * Change tokens for cheap polling. A token combines the org's change counter (bumped by every
 * event, void, target, settings, team or member write) with what else the answer depends on
 * (the query, the member, the day and, for pace figures, the time), so an unchanged answer can be
 * recognised after reading one row.
 */
import type { Context } from 'hono';
import { sha256Hex } from '../sessions/crypto.ts';

/**
 * How long pace figures (expectedByNow, gap) may be reused: they drift with the clock, by at most
 * 15 minutes of a working day (< 3 % of a day's target) — and each reuse saves a full read.
 */
export const PACE_TTL_MS = 15 * 60 * 1000;

export async function changeToken(version: number, parts: readonly unknown[]): Promise<string> {
  const digest = await sha256Hex(JSON.stringify(parts));
  return `"v${version}-${digest.slice(0, 16)}"`;
}

/**
 * Whether the client already holds `etag` (If-None-Match). Also sets the ETag header, so the
 * caller answers `c.body(null, 304)` or its JSON, and both carry it.
 */
export function clientHasCurrent(c: Context, etag: string): boolean {
  c.header('etag', etag);
  c.header('cache-control', 'no-cache');
  const sent = c.req.header('if-none-match');
  if (!sent) return false;
  return sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A ready 304 response when the client already holds `etag`, else undefined. */
export function notModified(c: Context, etag: string): Response | undefined {
  if (!clientHasCurrent(c, etag)) return undefined;
  return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-cache' } });
}
