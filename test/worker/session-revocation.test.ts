/**
 * A page session lives no longer than the credential it came from: revoking that token (sign-out,
 * `DELETE /me/token`), a manager's "revoke all tokens" and removing the member each end the
 * member's cookie sessions on the next request, and a cookie session cannot mint sign-in links
 * that would renew it.
 */
import { describe, expect, it } from 'vitest';
import { addMember, call, createOrg } from './helpers.ts';
import { confirmSignin, sessionFromToken, signinCode, withSession } from './sessions.ts';

describe('page sessions die with their credential', () => {
  it('ends a session when the token it was made from is revoked', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const session = await sessionFromToken(rep.token);
    expect((await withSession(session, 'GET', '/me')).status).toBe(200);
    expect((await call('DELETE', '/me/token', { token: rep.token })).status).toBe(200);
    const after = await withSession(session, 'GET', '/me');
    expect(after.status).toBe(401);
    expect((await withSession(session, 'GET', '/session')).status).toBe(401);
  });

  it('ends a session made from a sign-in link when the token that made the link is revoked', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const signedIn = await confirmSignin(await signinCode(rep.token));
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(201);
    const session = { cookie: signedIn.cookie ?? '', csrf: signedIn.body.csrfToken };
    expect((await withSession(session, 'GET', '/me')).status).toBe(200);
    expect((await call('DELETE', '/me/token', { token: rep.token })).status).toBe(200);
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
  });

  it('keeps a session made from another, still live token of the member', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const session = await sessionFromToken(rep.token);
    const other = await sessionFromToken(org.managerToken);
    expect((await call('DELETE', '/me/token', { token: rep.token })).status).toBe(200);
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
    expect((await withSession(other, 'GET', '/me')).status).toBe(200);
  });

  it('ends every session of the member when a manager revokes all their tokens', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const first = await sessionFromToken(rep.token);
    const linked = await confirmSignin(await signinCode(rep.token));
    const second = { cookie: linked.cookie ?? '', csrf: linked.body.csrfToken };
    const revoked = await call('DELETE', `/members/${rep.id}/tokens`, { token: org.managerToken });
    expect(revoked.status).toBe(200);
    expect((await withSession(first, 'GET', '/me')).status).toBe(401);
    expect((await withSession(second, 'GET', '/me')).status).toBe(401);
  });

  it('ends the sessions of a removed member', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const session = await sessionFromToken(rep.token);
    expect((await call('DELETE', `/members/${rep.id}`, { token: org.managerToken })).status).toBe(
      200,
    );
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
  });

  it('lets no cookie session mint a sign-in link (it would renew itself for 14 days)', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const session = await sessionFromToken(rep.token);
    const minted = await withSession(session, 'POST', '/session/codes');
    expect(minted.status).toBe(403);
    expect(minted.body.error.code).toBe('forbidden');
    // A bearer token still may (the extension's "Open leaderboard").
    expect((await call('POST', '/session/codes', { token: rep.token })).status).toBe(201);
  });

  it('refuses a sign-in link once the token that made it is revoked', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const code = await signinCode(rep.token);
    expect((await call('DELETE', '/me/token', { token: rep.token })).status).toBe(200);
    const signedIn = await confirmSignin(code);
    expect(signedIn.status).toBe(401);
    expect(signedIn.cookie).toBeNull();
  });
});
