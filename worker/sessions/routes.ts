/**
 * /api/v1/session: the leaderboard page's sign-in. `POST` exchanges a bearer token for the session
 * cookie; `GET` hands the page its CSRF secret; `DELETE` signs out; `POST /codes` (bearer token
 * only, used by the extension's "Open leaderboard") makes a 60-second single-use sign-in link;
 * `POST /codes/{memberId}` (managers) makes a one-hour sign-in link for a member of their team who
 * lost their passkey or device; `POST /signin` is the page spending such a link once the member
 * confirmed it.
 *
 * Opening a link (`GET /signin?code=…`) changes nothing: a cross-site page could send anyone
 * there (login CSRF). It only hands the code to the page in the URL fragment, which browsers
 * never send to a server nor put in a Referer; the page then asks the member, and spends it with
 * a same-origin POST.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  Id,
  RecoveryCodeResponse,
  SessionInfoResponse,
  SigninCode,
  SigninCodeResponse,
  SigninRequest,
  StartSessionResponse,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { members, sessions, signinCodes, tokens } from '../db/schema.ts';
import { assertCanActOn, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { authFailed, publicRateLimit } from '../http/rate-limit.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { loadTeams } from '../teams/queries.ts';
import { issueToken } from './credentials.ts';
import { newToken, sha256Hex } from './crypto.ts';
import {
  crossSiteWrite,
  endSession,
  findSession,
  SESSION_COOKIE,
  startSession,
} from './page-sessions.ts';
import { publicUrl } from './public-origin.ts';

const SIGNIN_CODE_SECONDS = 60;
/** A manager hands a recovery link over by chat or in person: it lasts an hour, and works once. */
const RECOVERY_CODE_SECONDS = 3600;

export const sessionRoutes = new Hono<AppEnv>()
  .post(
    '/',
    documented({
      summary: 'Leaderboard page sign-in: trade a bearer token for the session cookie',
      auth: 'member',
      responses: { 201: StartSessionResponse },
    }),
    requireMember,
    async (c) => {
      const { member, credential } = c.var.caller;
      if (credential.kind !== 'token') {
        throw new ApiError(400, 'bad_request', 'send the token as Authorization: Bearer <token>');
      }
      const session = await startSession(c, member, credential.hash);
      return c.json({ ...session, memberId: member.id }, 201);
    },
  )
  .get(
    '/',
    documented({
      summary: "The page session's CSRF secret (send it as x-csrf-token on cookie writes)",
      auth: 'session',
      responses: { 200: SessionInfoResponse },
    }),
    async (c) => {
      const found = await findSession(c.var.db, getCookie(c, SESSION_COOKIE));
      if (!found) throw new ApiError(401, 'unauthorized', 'no session: sign in');
      return c.json({
        csrfToken: found.session.csrf,
        expiresAt: found.session.expiresAt,
        memberId: found.member.id,
      });
    },
  )
  .delete(
    '/',
    documented({
      summary: 'Sign the page out (ends the session)',
      auth: 'member',
      responses: { 204: null },
    }),
    requireMember,
    async (c) => {
      await endSession(c);
      return c.body(null, 204);
    },
  )
  .post(
    '/codes',
    documented({
      summary:
        'A 60-second single-use link to /signin; the page asks the member to confirm it (bearer token only)',
      auth: 'bearer',
      responses: { 201: SigninCodeResponse },
    }),
    requireMember,
    async (c) => {
      const { member, credential } = c.var.caller;
      // A session minting links would renew itself for ever; links come from a token only.
      if (credential.kind !== 'token') throw forbidden('sign-in links are made with an API token');
      const code = newToken();
      const expiresAt = new Date(Date.now() + SIGNIN_CODE_SECONDS * 1000).toISOString();
      await c.var.db.insert(signinCodes).values({
        hash: await sha256Hex(code),
        memberId: member.id,
        orgId: member.orgId,
        tokenHash: credential.hash,
        expiresAt,
      });
      const url = publicUrl(c.env, '/signin');
      url.searchParams.set('code', code);
      return c.json({ code, url: url.toString(), expiresAt }, 201);
    },
  )
  .post(
    '/codes/:memberId',
    documented({
      summary:
        'A one-hour single-use sign-in link for a member of your team who lost their passkey (managers)',
      auth: 'manager',
      responses: { 201: RecoveryCodeResponse },
    }),
    requireMember,
    requireManager,
    validate('param', z.object({ memberId: Id })),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const { memberId } = c.req.valid('param');
      const member = await memberOr404(db, caller.org.id, memberId);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      if (!member.active) throw notFound('member');
      // The link stands on a token of its own, never shown: the member's other credentials stay
      // as they are, and revoking the member's tokens ends this link and its session too.
      const now = Date.now();
      const token = await issueToken(db, member.id, member.orgId, new Date(now).toISOString());
      const code = newToken();
      const expiresAt = new Date(now + RECOVERY_CODE_SECONDS * 1000).toISOString();
      await db.batch([
        token.insert,
        db.insert(signinCodes).values({
          hash: await sha256Hex(code),
          memberId: member.id,
          orgId: member.orgId,
          tokenHash: await sha256Hex(token.token),
          expiresAt,
        }),
      ]);
      const url = publicUrl(c.env, '/signin');
      url.searchParams.set('code', code);
      return c.json({ code, url: url.toString(), expiresAt, memberId: member.id }, 201);
    },
  )
  .post(
    '/signin',
    documented({
      summary:
        "The page spends a sign-in link's code (same origin only; replacing an open session needs its x-csrf-token)",
      auth: 'public',
      responses: { 201: StartSessionResponse },
    }),
    publicRateLimit,
    validate('json', SigninRequest),
    async (c) => {
      // A cross-site form or script cannot send this: browsers always send Origin on a POST.
      if (c.req.header('origin') !== new URL(c.req.url).origin) {
        throw forbidden('sign-in links are confirmed on the board page itself');
      }
      const db = c.var.db;
      // Replacing an open session takes that session's CSRF secret: only the page holds it.
      const current = await findSession(db, getCookie(c, SESSION_COOKIE));
      const crossSite = current ? crossSiteWrite(c, current.session.csrf) : null;
      if (crossSite) throw forbidden(crossSite.reason);
      const { code } = c.req.valid('json');
      const now = new Date().toISOString();
      // The conditional UPDATE … RETURNING is the single-use guarantee: two racing requests cannot
      // both see used_at IS NULL.
      const spent = await db
        .update(signinCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(signinCodes.hash, await sha256Hex(code)),
            isNull(signinCodes.usedAt),
            gt(signinCodes.expiresAt, now),
          ),
        )
        .returning({ memberId: signinCodes.memberId, tokenHash: signinCodes.tokenHash })
        .get();
      const live = spent
        ? await db
            .select({ member: members })
            .from(tokens)
            .innerJoin(members, eq(members.id, tokens.memberId))
            .where(and(eq(tokens.hash, spent.tokenHash), isNull(tokens.revokedAt)))
            .get()
        : undefined;
      if (!spent || !live?.member.active) {
        await authFailed(c);
        throw new ApiError(401, 'unauthorized', 'this sign-in link expired or was already used');
      }
      if (current) await db.delete(sessions).where(eq(sessions.hash, current.hash));
      const session = await startSession(c, live.member, spent.tokenHash);
      return c.json({ ...session, memberId: live.member.id }, 201);
    },
  );

/**
 * `GET /signin?code=…`: hands the code to the page in the fragment (`/#signin=<code>`), where the
 * member confirms it; sets no cookie and spends nothing.
 */
export const signinRoutes = new Hono<AppEnv>().get('/signin', (c) => {
  const code = SigninCode.safeParse(c.req.query('code') ?? '');
  const lang = c.req.query('lang');
  const search = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  if (!code.success) return c.redirect('/?signin=failed', 303);
  return c.redirect(`/${search}#signin=${code.data}`, 303);
});
