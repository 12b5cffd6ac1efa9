/**
 * /api/v1/passkeys: a member's passkeys for the leaderboard page.
 * - `POST /register/options` then `POST /` register one; only from a page session opened within
 *   the last 10 minutes (a stolen, older cookie cannot add a passkey that outlives it).
 * - `POST /signin/options` then `POST /signin` sign in with one (public, same origin only): the
 *   answer starts a cookie session, as a sign-in link does.
 * - `GET /` lists the caller's passkeys; `DELETE /{id}` removes one and ends the sessions it opened.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  PasskeyOptionsResponse,
  PasskeyResponse,
  PasskeySigninRequest,
  PasskeysResponse,
  RegisterPasskeyRequest,
  StartSessionResponse,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { passkeys, sessions } from '../db/schema.ts';
import { requireMember } from '../http/auth.ts';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { authFailed, publicRateLimit } from '../http/rate-limit.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { revokeToken } from '../sessions/credentials.ts';
import {
  crossSiteWrite,
  findSession,
  SESSION_COOKIE,
  startSession,
} from '../sessions/page-sessions.ts';
import {
  passkeyView,
  registerPasskey,
  registrationOptions,
  signinOptions,
  verifySignin,
} from './service.ts';

const FRESH_SESSION_MS = 10 * 60_000;

/** 403 unless the caller is a page session opened within `FRESH_SESSION_MS`. */
async function assertFreshSession(c: Parameters<typeof requireMember>[0]) {
  const { credential } = c.var.caller;
  if (credential.kind !== 'session') {
    throw badRequest('passkeys are registered from the board page (a session), not with a token');
  }
  const row = await c.var.db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(eq(sessions.hash, credential.hash))
    .get();
  if (!row || Date.now() - Date.parse(row.createdAt) > FRESH_SESSION_MS) {
    throw new ApiError(403, 'sign_in_again', 'sign in again to add a passkey');
  }
}

/** Sign-in is confirmed on the board page itself: browsers always send Origin on a POST. */
function assertSameOrigin(c: Parameters<typeof requireMember>[0]) {
  if (c.req.header('origin') !== new URL(c.req.url).origin) {
    throw forbidden('passkey sign-in happens on the board page itself');
  }
}

export const passkeysRoutes = new Hono<AppEnv>()
  .get(
    '/',
    documented({
      summary: "The caller's passkeys",
      auth: 'member',
      responses: { 200: PasskeysResponse },
    }),
    requireMember,
    async (c) => {
      const rows = await c.var.db
        .select()
        .from(passkeys)
        .where(eq(passkeys.memberId, c.var.caller.member.id));
      return c.json({ passkeys: rows.map(passkeyView) }, 200);
    },
  )
  .post(
    '/register/options',
    documented({
      summary:
        'Options for navigator.credentials.create() (a page session opened in the last 10 minutes)',
      auth: 'session',
      responses: { 200: PasskeyOptionsResponse },
    }),
    requireMember,
    async (c) => {
      await assertFreshSession(c);
      const options = await registrationOptions(c.var.db, c.env, c.var.caller.member);
      return c.json({ options }, 200);
    },
  )
  .post(
    '/',
    documented({
      summary: "Register a passkey with the browser's answer (its challenge works once, 5 minutes)",
      auth: 'session',
      responses: { 201: PasskeyResponse },
    }),
    requireMember,
    validate('json', RegisterPasskeyRequest),
    async (c) => {
      await assertFreshSession(c);
      const { response } = c.req.valid('json');
      const result = await registerPasskey(c.var.db, c.env, c.var.caller.member, response);
      if (!result.ok) {
        if (result.reason === 'passkey already registered')
          throw new ApiError(409, 'conflict', result.reason);
        throw new ApiError(400, 'passkey_refused', result.reason);
      }
      return c.json({ passkey: passkeyView(result.passkey) }, 201);
    },
  )
  .delete(
    '/:id',
    documented({
      summary: 'Remove one of your passkeys (ends the sessions it opened)',
      auth: 'member',
      responses: { 204: null },
    }),
    requireMember,
    validate('param', z.object({ id: z.string().min(1).max(1024) })),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.db;
      const mine = await db
        .select()
        .from(passkeys)
        .where(and(eq(passkeys.id, id), eq(passkeys.memberId, c.var.caller.member.id)))
        .get();
      if (!mine) throw notFound('passkey');
      // Revoking its token ends every session it opened (sessions live only while their token does).
      await db.batch([
        revokeToken(db, mine.tokenHash),
        db.delete(passkeys).where(eq(passkeys.id, id)),
      ]);
      return c.body(null, 204);
    },
  )
  .post(
    '/signin/options',
    documented({
      summary: 'Options for navigator.credentials.get() (same origin only)',
      auth: 'public',
      responses: { 200: PasskeyOptionsResponse },
    }),
    publicRateLimit,
    async (c) => {
      assertSameOrigin(c);
      const options = await signinOptions(c.var.db, c.env);
      return c.json({ options }, 200);
    },
  )
  .post(
    '/signin',
    documented({
      summary:
        "Sign the page in with a passkey's answer (same origin only): starts the session cookie",
      auth: 'public',
      responses: { 201: StartSessionResponse },
    }),
    publicRateLimit,
    validate('json', PasskeySigninRequest),
    async (c) => {
      assertSameOrigin(c);
      const db = c.var.db;
      // Replacing an open session takes that session's CSRF secret: only the page holds it.
      const current = await findSession(db, getCookie(c, SESSION_COOKIE));
      const crossSite = current ? crossSiteWrite(c, current.session.csrf) : null;
      if (crossSite) throw forbidden(crossSite.reason);
      const result = await verifySignin(db, c.env, c.req.valid('json').response);
      if (!result.ok) {
        await authFailed(c);
        throw new ApiError(401, 'unauthorized', `passkey refused: ${result.reason}`);
      }
      if (current) await db.delete(sessions).where(eq(sessions.hash, current.hash));
      const session = await startSession(c, result.member, result.tokenHash);
      return c.json({ ...session, memberId: result.member.id }, 201);
    },
  );
