/**
 * /api/v1/session: the leaderboard page's sign-in. `POST` exchanges a bearer token for the session
 * cookie; `GET` hands the page its CSRF secret; `DELETE` signs out; `POST /codes` (bearer, used by
 * the extension's "Open leaderboard") makes a 60-second single-use sign-in link for `/signin`.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';
import { getDb } from '../db/client.ts';
import { members, signinCodes } from '../db/schema.ts';
import { requireMember } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { publicRateLimit } from '../http/rate-limit.ts';
import { newToken, sha256Hex } from './crypto.ts';
import { endSession, findSession, SESSION_COOKIE, startSession } from './page-sessions.ts';
import { publicUrl } from './public-origin.ts';

const SIGNIN_CODE_SECONDS = 60;

export const sessionRoutes = new Hono<AppEnv>()
  .post('/', requireMember, async (c) => {
    if (!c.req.header('authorization')) {
      throw new ApiError(400, 'bad_request', 'send the token as Authorization: Bearer <token>');
    }
    const { member } = c.var.caller;
    const session = await startSession(c, member);
    return c.json({ ...session, memberId: member.id }, 201);
  })
  .get('/', async (c) => {
    const found = await findSession(c.var.db, getCookie(c, SESSION_COOKIE));
    if (!found) throw new ApiError(401, 'unauthorized', 'no session: sign in');
    return c.json({
      csrfToken: found.session.csrf,
      expiresAt: found.session.expiresAt,
      memberId: found.member.id,
    });
  })
  .delete('/', requireMember, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .post('/codes', requireMember, async (c) => {
    const { member } = c.var.caller;
    const code = newToken();
    const expiresAt = new Date(Date.now() + SIGNIN_CODE_SECONDS * 1000).toISOString();
    await c.var.db.insert(signinCodes).values({
      hash: await sha256Hex(code),
      memberId: member.id,
      orgId: member.orgId,
      expiresAt,
    });
    const url = publicUrl(c.env, '/signin');
    url.searchParams.set('code', code);
    return c.json({ code, url: url.toString(), expiresAt }, 201);
  });

/** `GET /signin?code=…`: spends the code (once, atomically), sets the cookie, goes to the board. */
export const signinRoutes = new Hono<AppEnv>().get('/signin', publicRateLimit, async (c) => {
  // /signin lives outside /api, where app.ts does not attach the database.
  c.set('db', getDb(c.env));
  const code = c.req.query('code') ?? '';
  const lang = c.req.query('lang');
  const home = lang ? `/?lang=${encodeURIComponent(lang)}` : '/';
  if (code.length < 20 || code.length > 100) return c.redirect('/?signin=failed', 303);
  const now = new Date().toISOString();
  // The conditional UPDATE … RETURNING is the single-use guarantee: two racing requests cannot
  // both see used_at IS NULL.
  const spent = await c.var.db
    .update(signinCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(signinCodes.hash, await sha256Hex(code)),
        isNull(signinCodes.usedAt),
        gt(signinCodes.expiresAt, now),
      ),
    )
    .returning({ memberId: signinCodes.memberId })
    .get();
  const member = spent
    ? await c.var.db.select().from(members).where(eq(members.id, spent.memberId)).get()
    : undefined;
  if (!member?.active) return c.redirect('/?signin=failed', 303);
  await startSession(c, member);
  return c.redirect(home, 303);
});
