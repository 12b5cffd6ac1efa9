/**
 * Cookie sessions of the leaderboard page. A member's token (or a one-time sign-in code made with
 * it) is exchanged once for a random session id kept in an HttpOnly, Secure, SameSite=Lax cookie;
 * the database keeps only its SHA-256 and the hash of that token, and the session is valid only
 * while the token is (every request re-reads both), so revoking the token signs the page out.
 * Writes made with the cookie must echo the session's CSRF secret in `x-csrf-token` (double
 * submit) and, when the browser sends an Origin, come from this origin.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { OrgSettings } from '../../shared/api/index.ts';
import type { AppEnv, Refusal, Resolution } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members, orgs, sessions, tokens } from '../db/schema.ts';
import { constantTimeEqual, newToken, sha256Hex } from './crypto.ts';

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/.
 * Chromium treats http://localhost and http://127.0.0.1 as secure contexts, so this works in
 * local development without TLS.
 */
export const SESSION_COOKIE = '__Host-pacer';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_DAYS = 14;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Starts a session for `member` standing on the token `tokenHash`, sets the cookie and returns
 * the CSRF secret for the page.
 */
export async function startSession(
  c: Context<AppEnv>,
  member: { id: string; orgId: string },
  tokenHash: string,
): Promise<{ csrfToken: string; expiresAt: string }> {
  const id = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  const db = c.var.db;
  await db.batch([
    // Sweep this member's expired sessions so the table does not grow without bound.
    db
      .delete(sessions)
      .where(and(eq(sessions.memberId, member.id), lt(sessions.expiresAt, now.toISOString()))),
    db.insert(sessions).values({
      hash: await sha256Hex(id),
      memberId: member.id,
      orgId: member.orgId,
      tokenHash,
      csrf: csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
    }),
  ]);
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    expires: new Date(expiresAt),
  });
  return { csrfToken, expiresAt };
}

/** Ends the request's session (if any) and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id !== undefined) {
    await c.var.db.delete(sessions).where(eq(sessions.hash, await sha256Hex(id)));
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
}

/**
 * The live session behind the request's cookie, or null: unexpired, its member active and the
 * token it stands on not revoked. Cost: one primary-key read joining two more by key.
 */
export async function findSession(db: Db, cookieValue: string | undefined) {
  if (cookieValue === undefined || cookieValue.length > 128) return null;
  const hash = await sha256Hex(cookieValue);
  const row = await db
    .select({ session: sessions, member: members, org: orgs })
    .from(sessions)
    .innerJoin(tokens, and(eq(tokens.hash, sessions.tokenHash), isNull(tokens.revokedAt)))
    .innerJoin(members, eq(members.id, sessions.memberId))
    .innerJoin(orgs, eq(orgs.id, sessions.orgId))
    .where(and(eq(sessions.hash, hash), gt(sessions.expiresAt, new Date().toISOString())))
    .get();
  return row?.member.active ? { ...row, hash } : null;
}

/**
 * Why a write is cross-site, or null when it is not: the Origin (when sent) must be this host,
 * the CSRF secret must match.
 */
export function crossSiteWrite(c: Context<AppEnv>, csrfSecret: string): Refusal | null {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    return { refused: 'not_allowed', reason: 'cross-origin write refused' };
  }
  const sent = c.req.header(CSRF_HEADER) ?? '';
  if (!constantTimeEqual(sent, csrfSecret)) {
    return { refused: 'not_allowed', reason: `missing or wrong ${CSRF_HEADER} header` };
  }
  return null;
}

/**
 * The cookie-session resolver for `requireMember` (see worker/http/auth.ts): null without a
 * cookie, `invalid` for an expired or unknown one, `not_allowed` for a cross-site write.
 */
export async function sessionCookieResolver(c: Context<AppEnv>): Promise<Resolution> {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie === undefined) return null;
  const found = await findSession(c.var.db, cookie);
  if (!found) return { refused: 'invalid', reason: 'session expired: sign in again' };
  if (!SAFE_METHODS.has(c.req.method)) {
    const refusal = crossSiteWrite(c, found.session.csrf);
    if (refusal) return refusal;
  }
  return {
    member: found.member,
    org: found.org,
    settings: OrgSettings.parse(JSON.parse(found.org.settings)),
    credential: { kind: 'session', hash: found.hash, token: found.session.tokenHash },
  };
}
