/**
 * Authentication. A request is resolved to a `Caller` by the first resolver that recognises its
 * credentials (bearer token, TV link, page session). Resolvers return refusals as values; this
 * module alone turns them into 401 / 403 answers.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { OrgSettings } from '../../shared/api/index.ts';
import type { AppEnv, Caller, Resolution } from '../context.ts';
import { members, orgs, tokens } from '../db/schema.ts';
import { constantTimeEqual, sha256Hex } from '../sessions/crypto.ts';
import { sessionCookieResolver } from '../sessions/page-sessions.ts';
import { tvLinkResolver } from '../sessions/tv-links.ts';
import { ApiError } from './errors.ts';
import { assertClientNotBlocked, authFailed, rateLimit } from './rate-limit.ts';

/** The caller, a refusal, or `null` when the request carries no credential of this kind. */
export type CallerResolver = (c: Context<AppEnv>) => Promise<Resolution>;

const TOKEN_SHAPE = /^pcr_[A-Za-z0-9_-]{43}$/;
const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

/**
 * Bearer tokens: looked up by SHA-256 (one indexed read joining member and org). Revoked tokens
 * and removed members fail at once, since nothing is cached.
 */
export const bearerTokenResolver: CallerResolver = async (c) => {
  const header = c.req.header('authorization');
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined || !TOKEN_SHAPE.test(token)) {
    return { refused: 'invalid', reason: 'malformed bearer token' };
  }
  const hash = await sha256Hex(token);
  const row = await c.var.db
    .select({ hash: tokens.hash, member: members, org: orgs })
    .from(tokens)
    .innerJoin(members, eq(members.id, tokens.memberId))
    .innerJoin(orgs, eq(orgs.id, tokens.orgId))
    .where(and(eq(tokens.hash, hash), isNull(tokens.revokedAt)))
    .get();
  // The lookup is by hash; the constant-time compare guards against any index-timing side channel.
  if (!row || !constantTimeEqual(row.hash, hash) || !row.member.active) {
    return { refused: 'invalid', reason: 'invalid or revoked token' };
  }
  return {
    member: row.member,
    org: row.org,
    settings: OrgSettings.parse(JSON.parse(row.org.settings)),
    credential: { kind: 'token', hash, token: hash },
  };
};

// An explicit bearer token wins; a TV link (read-only, one team) before the page's cookie session.
export const callerResolvers: CallerResolver[] = [
  bearerTokenResolver,
  tvLinkResolver,
  sessionCookieResolver,
];

/** The caller behind the request's credentials; a refused credential counts against the client. */
async function resolveCaller(c: Context<AppEnv>): Promise<Caller | null> {
  for (const resolve of callerResolvers) {
    const found = await resolve(c);
    if (found === null) continue;
    if ('refused' in found) {
      if (found.refused === 'not_allowed') throw new ApiError(403, 'forbidden', found.reason);
      await authFailed(c);
      throw unauthorized(found.reason);
    }
    return found;
  }
  return null;
}

/**
 * Requires a member of any role; sets `c.var.caller`. The budget is the member's, whichever of
 * their credentials they use (tokens, page sessions); a TV link has its own, so a wall screen
 * cannot use up its manager's. A client that failed to authenticate too often is refused first.
 */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  // Routers mounted on nested paths (/me and /me/progress) both run this: resolve once.
  if (c.get('caller') !== undefined) {
    await next();
    return;
  }
  await assertClientNotBlocked(c);
  const caller = await resolveCaller(c);
  if (!caller) throw unauthorized('sign in: send Authorization: Bearer <token>');
  const budget =
    caller.credential.kind === 'tv' ? `tv:${caller.credential.hash}` : `member:${caller.member.id}`;
  await rateLimit(c.env.RATE_LIMITER, budget);
  c.set('caller', caller);
  await next();
});

/** Requires a manager; use after `requireMember`. */
export const requireManager = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.caller.member.role !== 'manager') {
    throw new ApiError(403, 'forbidden', 'managers only');
  }
  await next();
});
