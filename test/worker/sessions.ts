/** Page-session helpers for worker tests: sessions from a token or a sign-in link, cookie calls. */
import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import { BASE, type CallOptions, call, freshIp, type Reply } from './helpers.ts';

export interface PageSession {
  cookie: string;
  csrf: string;
}

const cookieOf = (res: { headers: Headers }): string | null =>
  /^(__Host-pacer=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

/** Exchanges a bearer token for a page session (POST /session). */
export async function sessionFromToken(token: string): Promise<PageSession> {
  const res = await call('POST', '/session', { token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const cookie = cookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: res.body.csrfToken };
}

/** Calls the API with the session's cookie (and its CSRF secret on writes). */
export function withSession(
  session: PageSession,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { cookie: session.cookie, ...options.headers };
  if (!['GET', 'HEAD'].includes(method)) {
    headers['x-csrf-token'] ??= session.csrf;
    headers.origin ??= BASE;
  }
  return call(method, path, { ...options, headers });
}

/** A one-time sign-in link made with `token` (what the extension's "Open leaderboard" does). */
export async function signinCode(token: string): Promise<string> {
  const made = await call('POST', '/session/codes', { token });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.code as string;
}

/**
 * The page's confirmation of a sign-in link: a same-origin POST of the code. With a session
 * already open, the page also sends that session's cookie and CSRF secret.
 */
export async function confirmSignin(
  code: string,
  options: { origin?: string | null; current?: PageSession; csrf?: string } = {},
): Promise<Reply & { cookie: string | null }> {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? BASE : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.current) {
    headers.cookie = options.current.cookie;
    headers['x-csrf-token'] = options.csrf ?? options.current.csrf;
  }
  const res = await call('POST', '/session/signin', { body: { code }, headers });
  return { ...res, cookie: cookieOf(res) };
}

/** A cross-site navigation to the sign-in link, as a browser makes it (no redirects followed). */
export function visitSigninLink(code: string, cookie?: string, lang?: string): Promise<Response> {
  const headers: Record<string, string> = {
    'cf-connecting-ip': freshIp(),
    'sec-fetch-site': 'cross-site',
  };
  if (cookie) headers.cookie = cookie;
  const query = new URLSearchParams({ code });
  if (lang !== undefined) query.set('lang', lang);
  return SELF.fetch(`${BASE}/signin?${query}`, {
    redirect: 'manual',
    headers,
  });
}
