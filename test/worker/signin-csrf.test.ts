/**
 * Login CSRF: opening a sign-in link (`GET /signin?code=…`) never changes the browser's session.
 * It only hands the code to the page (in the URL fragment, which is never sent to a server); the
 * page asks the member to confirm and then spends the code with a same-origin POST. Replacing a
 * session that is already open also needs that session's CSRF secret, which only the page holds.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/sessions/crypto.ts';
import { addMember, call, createOrg } from './helpers.ts';
import {
  confirmSignin,
  sessionFromToken,
  signinCode,
  visitSigninLink,
  withSession,
} from './sessions.ts';

const spent = async (code: string) =>
  (
    await env.DB.prepare('SELECT used_at FROM signin_codes WHERE hash = ?')
      .bind(await sha256Hex(code))
      .first<{ used_at: string | null }>()
  )?.used_at ?? null;

async function twoMembers() {
  const org = await createOrg();
  const victim = await addMember(org.managerToken, org.rootTeamId, { name: 'Victim' });
  const attacker = await addMember(org.managerToken, org.rootTeamId, { name: 'Attacker' });
  return { org, victim, attacker };
}

describe('GET /signin?code=…', () => {
  it('sets no cookie, spends nothing and hands the code to the page in the fragment', async () => {
    const { victim, attacker } = await twoMembers();
    const session = await sessionFromToken(victim.token);
    const code = await signinCode(attacker.token);
    const res = await visitSigninLink(code, session.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toBeNull();
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`/#signin=${code}`);
    expect(await spent(code)).toBeNull();
    // The victim is still themselves.
    const me = await withSession(session, 'GET', '/me');
    expect(me.body.member.id).toBe(victim.id);
  });

  it('keeps the page language and refuses malformed codes without touching anything', async () => {
    const { victim } = await twoMembers();
    const code = await signinCode(victim.token);
    const res = await visitSigninLink(code, undefined, 'zh-CN');
    expect(res.headers.get('location')).toBe(`/?lang=zh-CN#signin=${code}`);
    const bad = await visitSigninLink('x');
    expect(bad.headers.get('location')).toBe('/?signin=failed');
    expect(bad.headers.get('set-cookie')).toBeNull();
  });
});

describe('POST /api/v1/session/signin (the page’s confirmation)', () => {
  it('signs in from the page’s own origin, once', async () => {
    const { victim } = await twoMembers();
    const code = await signinCode(victim.token);
    const first = await confirmSignin(code);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.cookie).toMatch(/^__Host-pacer=/);
    expect(first.body.memberId).toBe(victim.id);
    const session = { cookie: first.cookie ?? '', csrf: first.body.csrfToken };
    expect((await withSession(session, 'GET', '/me')).body.member.id).toBe(victim.id);
    const again = await confirmSignin(code);
    expect(again.status).toBe(401);
    expect(again.cookie).toBeNull();
  });

  it('refuses a cross-site or origin-less POST and leaves the code unspent', async () => {
    const { attacker } = await twoMembers();
    const code = await signinCode(attacker.token);
    for (const origin of ['https://evil.example', null]) {
      const res = await confirmSignin(code, { origin });
      expect(res.status).toBe(403);
      expect(res.cookie).toBeNull();
    }
    expect(await spent(code)).toBeNull();
  });

  it('replaces an open session only with that session’s CSRF secret', async () => {
    const { victim, attacker } = await twoMembers();
    const session = await sessionFromToken(victim.token);
    const code = await signinCode(attacker.token);
    const forged = await confirmSignin(code, { current: session, csrf: 'guess' });
    expect(forged.status).toBe(403);
    expect(forged.cookie).toBeNull();
    expect(await spent(code)).toBeNull();
    expect((await withSession(session, 'GET', '/me')).body.member.id).toBe(victim.id);

    // The page itself (which holds the secret) may switch, after the member confirmed.
    const switched = await confirmSignin(code, { current: session });
    expect(switched.status).toBe(201);
    expect(switched.body.memberId).toBe(attacker.id);
    // The old session was ended, not left behind.
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
  });

  it('answers 400 to a malformed code', async () => {
    for (const code of ['', 'short', 'x'.repeat(200)]) {
      expect((await confirmSignin(code)).status).toBe(400);
    }
    const missing = await call('POST', '/session/signin', {
      body: {},
      headers: { origin: 'https://pacer.test' },
    });
    expect(missing.status).toBe(400);
  });
});
