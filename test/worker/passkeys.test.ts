/**
 * Passkeys: registered from a fresh page session, used to sign the page in, refused when the
 * answer is not for a live challenge of ours (wrong, replayed, expired), comes from another
 * origin or RP, answers for another member or organisation, or belongs to a removed member. The
 * answers are real WebAuthn (test/worker/authenticator.ts), verified by the real worker.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SoftAuthenticator } from './authenticator.ts';
import { addMember, addTeam, BASE, call, createOrg } from './helpers.ts';
import { confirmSignin, type PageSession, sessionFromToken, withSession } from './sessions.ts';

const cookieOf = (res: { headers: Headers }) =>
  /^(__Host-pacer=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

/** Registers a new software passkey for the session's member; returns it and the reply. */
async function register(
  session: PageSession,
  tweak: Parameters<SoftAuthenticator['register']>[2] = {},
) {
  const key = await SoftAuthenticator.create();
  const options = await withSession(session, 'POST', '/passkeys/register/options');
  expect(options.status, JSON.stringify(options.body)).toBe(200);
  const response = await key.register(options.body.options, BASE, tweak);
  const reply = await withSession(session, 'POST', '/passkeys', { body: { response } });
  return { key, reply, response, options: options.body.options };
}

async function signinOptions() {
  const res = await call('POST', '/passkeys/signin/options', { headers: { origin: BASE } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.options;
}

// biome-ignore lint/suspicious/noExplicitAny: the answer is sent as JSON, shape checked by the worker
async function spend(response: any, headers: Record<string, string> = { origin: BASE }) {
  const res = await call('POST', '/passkeys/signin', { body: { response }, headers });
  return { ...res, cookie: cookieOf(res) };
}

async function signIn(
  key: SoftAuthenticator,
  tweak: Parameters<SoftAuthenticator['signIn']>[2] = {},
) {
  return spend(await key.signIn(await signinOptions(), BASE, tweak));
}

describe('passkeys', () => {
  it('registers a passkey from a fresh session and signs in with it after signing out', async () => {
    const org = await createOrg();
    const session = await sessionFromToken(org.managerToken);
    const { key, reply, options } = await register(session);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.passkey.id).toBe(key.credentialId);
    // The relying party is the configured page origin, and the user handle the member.
    expect(options.rp.id).toBe(new URL(BASE).hostname);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    const listed = await withSession(session, 'GET', '/passkeys');
    expect(listed.body.passkeys.map((p: { id: string }) => p.id)).toEqual([key.credentialId]);
    expect((await withSession(session, 'DELETE', '/session')).status).toBe(204);
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);

    const signed = await signIn(key);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.memberId).toBe(org.managerId);
    const fresh = { cookie: signed.cookie ?? '', csrf: signed.body.csrfToken };
    const me = await withSession(fresh, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.member.id).toBe(org.managerId);
    // A second sign-in works too (a new challenge, the counter moves on).
    expect((await signIn(key)).status).toBe(201);
    const after = await withSession(fresh, 'GET', '/passkeys');
    expect(after.body.passkeys[0].lastUsedAt).not.toBeNull();
  });

  it('refuses an answer to a challenge it never issued, and a replayed one', async () => {
    const org = await createOrg();
    const session = await sessionFromToken(org.managerToken);
    const forged = await register(session, { challenge: 'bm90LWEtY2hhbGxlbmdlLW9mLW91cnM' });
    expect(forged.reply.status).toBe(400);
    expect(forged.reply.body.error.code).toBe('passkey_refused');

    const { key, response } = await register(session);
    // The same registration answer again: its challenge was spent.
    const again = await withSession(session, 'POST', '/passkeys', { body: { response } });
    expect(again.status).toBe(400);

    const wrong = await signIn(key, { challenge: 'c29tZS1vdGhlci1jaGFsbGVuZ2UtdmFsdWU' });
    expect(wrong.status).toBe(401);
    expect(wrong.cookie).toBeNull();
    const answer = await key.signIn(await signinOptions(), BASE);
    expect((await spend(answer)).status).toBe(201);
    const replay = await spend(answer);
    expect(replay.status).toBe(401);
    expect(replay.cookie).toBeNull();
  });

  it('refuses a sign-in challenge used for registration, and another member’s challenge', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const managerSession = await sessionFromToken(org.managerToken);
    const repSession = await sessionFromToken(rep.token);
    const key = await SoftAuthenticator.create();
    const managerOptions = await withSession(managerSession, 'POST', '/passkeys/register/options');
    // The rep answers the manager's challenge (e.g. a link passed around): not theirs to spend.
    const stolen = await key.register(managerOptions.body.options, BASE);
    const refused = await withSession(repSession, 'POST', '/passkeys', {
      body: { response: stolen },
    });
    expect(refused.status).toBe(400);
    // A sign-in challenge does not register a passkey.
    const signinChallenge = await signinOptions();
    const repOptions = await withSession(repSession, 'POST', '/passkeys/register/options');
    const crossed = await key.register(repOptions.body.options, BASE, {
      challenge: signinChallenge.challenge,
    });
    expect(
      (await withSession(repSession, 'POST', '/passkeys', { body: { response: crossed } })).status,
    ).toBe(400);
  });

  it('refuses answers made for another origin or relying party, or without user verification', async () => {
    const org = await createOrg();
    const session = await sessionFromToken(org.managerToken);
    expect((await register(session, { origin: 'https://evil.test' })).reply.status).toBe(400);
    expect((await register(session, { rpId: 'evil.test' })).reply.status).toBe(400);
    expect((await register(session, { userVerified: false })).reply.status).toBe(400);
    const { key } = await register(session);
    expect((await signIn(key, { origin: 'https://evil.test' })).status).toBe(401);
    expect((await signIn(key, { rpId: 'evil.test' })).status).toBe(401);
    expect((await signIn(key, { userVerified: false })).status).toBe(401);
    expect((await signIn(key)).status).toBe(201);
  });

  it('refuses an unknown credential, and one answering for another organisation’s member', async () => {
    const orgA = await createOrg();
    const orgB = await createOrg();
    const a = await register(await sessionFromToken(orgA.managerToken));
    expect(a.reply.status).toBe(201);
    const handleA = a.key.userHandle;
    const stranger = await SoftAuthenticator.create();
    stranger.userHandle = handleA;
    expect((await signIn(stranger)).status).toBe(401);
    // Org A's passkey claiming to be org B's manager.
    const handleB = btoa(orgB.managerId)
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
    expect((await signIn(a.key, { userHandle: handleB })).status).toBe(401);
    // The same credential cannot be registered again, in another organisation either.
    const sessionB = await sessionFromToken(orgB.managerToken);
    const optionsB = await withSession(sessionB, 'POST', '/passkeys/register/options');
    const reused = await a.key.register(optionsB.body.options, BASE);
    expect(
      (await withSession(sessionB, 'POST', '/passkeys', { body: { response: reused } })).status,
    ).toBe(409);
    // Another organisation's passkey id is not found when deleting.
    expect((await withSession(sessionB, 'DELETE', `/passkeys/${a.key.credentialId}`)).status).toBe(
      404,
    );
    expect((await signIn(a.key, { userHandle: handleA })).status).toBe(201);
  });

  it('ends a removed member’s passkeys and the sessions they opened', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const { key, reply } = await register(await sessionFromToken(rep.token));
    expect(reply.status).toBe(201);
    const signed = await signIn(key);
    const session = { cookie: signed.cookie ?? '', csrf: signed.body.csrfToken };
    expect((await withSession(session, 'GET', '/me')).status).toBe(200);
    expect((await call('DELETE', `/members/${rep.id}`, { token: org.managerToken })).status).toBe(
      200,
    );
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
    expect((await signIn(key)).status).toBe(401);
  });

  it('ends a passkey and its sessions when the member deletes it, or a manager revokes their tokens', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const first = await register(await sessionFromToken(rep.token));
    const signed = await signIn(first.key);
    const session = { cookie: signed.cookie ?? '', csrf: signed.body.csrfToken };
    const other = await sessionFromToken(rep.token);
    expect((await withSession(other, 'DELETE', `/passkeys/${first.key.credentialId}`)).status).toBe(
      204,
    );
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
    expect((await signIn(first.key)).status).toBe(401);

    const second = await register(await sessionFromToken(rep.token));
    expect(second.reply.status).toBe(201);
    expect(
      (await call('DELETE', `/members/${rep.id}/tokens`, { token: org.managerToken })).status,
    ).toBe(200);
    expect((await signIn(second.key)).status).toBe(401);
  });

  it('registers only from a page session opened in the last 10 minutes', async () => {
    const org = await createOrg();
    const byToken = await call('POST', '/passkeys/register/options', { token: org.managerToken });
    expect(byToken.status).toBe(400);
    const session = await sessionFromToken(org.managerToken);
    await env.DB.prepare(
      "UPDATE sessions SET created_at = '2020-01-01T00:00:00.000Z' WHERE member_id = ?",
    )
      .bind(org.managerId)
      .run();
    const stale = await withSession(session, 'POST', '/passkeys/register/options');
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('sign_in_again');
  });

  it('signs in only from the page itself', async () => {
    const org = await createOrg();
    const { key } = await register(await sessionFromToken(org.managerToken));
    expect((await call('POST', '/passkeys/signin/options')).status).toBe(403);
    const answer = await key.signIn(await signinOptions(), BASE);
    expect((await spend(answer, { origin: 'https://evil.test' })).status).toBe(403);
    expect((await spend(answer, {})).status).toBe(403);
    expect((await spend(answer)).status).toBe(201);
    expect((await spend({ id: 'x' })).status).toBe(400);
  });
});

describe('recovery by a manager', () => {
  it('hands a member of their team a one-hour sign-in link that works once', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const made = await call('POST', `/session/codes/${rep.id}`, { token: org.managerToken });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(new URL(made.body.url).origin).toBe(BASE);
    const minutes = (Date.parse(made.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
    const signed = await confirmSignin(made.body.code);
    expect(signed.status).toBe(201);
    expect(signed.body.memberId).toBe(rep.id);
    // A fresh session from the link may register a new passkey.
    const { reply } = await register({ cookie: signed.cookie ?? '', csrf: signed.body.csrfToken });
    expect(reply.status).toBe(201);
    expect((await confirmSignin(made.body.code)).status).toBe(401);
  });

  it('is refused to reps, for members outside the manager’s team and for other organisations', async () => {
    const org = await createOrg();
    const other = await createOrg();
    const sub = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const west = await addTeam(org.managerToken, org.rootTeamId, 'West');
    const eastBoss = await addMember(org.managerToken, sub, { role: 'manager' });
    const westRep = await addMember(org.managerToken, west);
    const rep = await addMember(org.managerToken, sub);
    expect((await call('POST', `/session/codes/${eastBoss.id}`, { token: rep.token })).status).toBe(
      403,
    );
    expect(
      (await call('POST', `/session/codes/${westRep.id}`, { token: eastBoss.token })).status,
    ).toBe(403);
    expect(
      (await call('POST', `/session/codes/${rep.id}`, { token: other.managerToken })).status,
    ).toBe(404);
    expect((await call('POST', `/session/codes/${rep.id}`, { token: eastBoss.token })).status).toBe(
      201,
    );
  });
});
