/**
 * Removed members and invites. Joining with a live invite code and the email of a removed member
 * (in any letter case) creates a new member: it gets none of the removed member's logs, and the
 * removed member's tokens and page sessions stay dead. Bringing a removed member back is a
 * manager's explicit act (`POST /members/:id/restore`, managers of that member's team only), which
 * hands out a new token. Revoked TV links of a manager stay revoked when the role comes back.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addMember, addTeam, call, createOrg, event } from './helpers.ts';
import { sessionFromToken, withSession } from './sessions.ts';

const join = (code: string, email: string, name = 'Li Lei') =>
  call('POST', '/join', { body: { code, name, email, timezone: 'Asia/Shanghai' } });

const liveTokens = async (memberId: string) =>
  (
    await env.DB.prepare(
      'SELECT count(*) AS n FROM tokens WHERE member_id = ? AND revoked_at IS NULL',
    )
      .bind(memberId)
      .first<{ n: number }>()
  )?.n;

const callsToday = async (token: string) => {
  const progress = await call('GET', '/me/progress?period=day', { token });
  expect(progress.status).toBe(200);
  return progress.body.metrics.find((m: { metric: string }) => m.metric === 'calls').achieved;
};

/** A member who logged 3 calls with evidence, has a page session, and was then removed. */
async function removedMember() {
  const org = await createOrg();
  const first = await join(org.inviteCode, 'li.lei@example.cn');
  expect(first.status).toBe(201);
  const token = first.body.token as string;
  const id = first.body.member.id as string;
  const logged = await call('POST', '/events', {
    token,
    body: {
      events: [
        event({
          quantity: 3,
          contact: { name: 'Wang Fang', email: 'wang.fang@client.example' },
          source: { app: 'gmail', url: 'https://mail.example/thread/1', title: 'Renewal' },
        }),
      ],
    },
  });
  expect(logged.body.results[0].status).toBe('created');
  const session = await sessionFromToken(token);
  expect((await call('DELETE', `/members/${id}`, { token: org.managerToken })).status).toBe(200);
  return { org, id, token, session };
}

describe('joining with a removed member’s email', () => {
  it('creates a new member with no history; the removed one stays removed and signed out', async () => {
    const { org, id, token, session } = await removedMember();
    const again = await join(org.inviteCode, 'LI.LEI@EXAMPLE.CN', 'Somebody');
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const newId = again.body.member.id as string;
    expect(newId).not.toBe(id);
    const newToken = again.body.token as string;
    expect(await callsToday(newToken)).toBe(0);
    const own = await call('GET', '/me/events', { token: newToken });
    expect(own.body.events).toEqual([]);
    // Nothing of the removed member works again.
    expect((await call('GET', '/me', { token })).status).toBe(401);
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
    const other = await call('GET', `/members/${id}/events`, { token: newToken });
    expect(other.status).toBe(403);
    // The manager still sees both: the new member in the team, the removed one with their logs.
    const listed = await call('GET', '/members', { token: org.managerToken });
    expect(listed.body.members.map((m: { id: string }) => m.id)).toContain(newId);
    expect(listed.body.members.map((m: { id: string }) => m.id)).not.toContain(id);
    const history = await call('GET', `/members/${id}/events`, { token: org.managerToken });
    expect(history.body.events).toHaveLength(1);
    // Active now: the same email cannot join a second time.
    expect((await join(org.inviteCode, 'li.lei@example.cn')).status).toBe(409);
  });

  it('lets only one of two racing joins with the same email in', async () => {
    const { org } = await removedMember();
    const racing = await Promise.all([
      join(org.inviteCode, 'li.lei@example.cn'),
      join(org.inviteCode, 'Li.Lei@example.cn'),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('restoring a removed member (POST /members/:id/restore)', () => {
  it('brings back the same member with their history and a new token; old credentials stay dead', async () => {
    const { org, id, token, session } = await removedMember();
    const removed = await call('GET', '/members?status=removed', { token: org.managerToken });
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m: { id: string }) => m.id)).toEqual([id]);

    const restored = await call('POST', `/members/${id}/restore`, { token: org.managerToken });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.member).toMatchObject({ id, active: true, teamId: org.rootTeamId });
    const newToken = restored.body.token as string;
    expect(newToken).toMatch(/^pcr_/);
    expect(await callsToday(newToken)).toBe(3);
    expect(await liveTokens(id)).toBe(1);
    expect((await call('GET', '/me', { token })).status).toBe(401);
    expect((await withSession(session, 'GET', '/me')).status).toBe(401);
    // Restoring an active member is a conflict, not a second token.
    expect((await call('POST', `/members/${id}/restore`, { token: org.managerToken })).status).toBe(
      409,
    );
    expect(await liveTokens(id)).toBe(1);
  });

  it('is for managers of the member’s team only', async () => {
    const org = await createOrg();
    const east = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const west = await addTeam(org.managerToken, org.rootTeamId, 'West');
    const eastManager = await addMember(org.managerToken, east, { role: 'manager' });
    const westManager = await addMember(org.managerToken, west, { role: 'manager' });
    const eastRep = await addMember(org.managerToken, east);
    const colleague = await addMember(org.managerToken, east);
    await call('DELETE', `/members/${colleague.id}`, { token: eastManager.token });
    const other = await createOrg();
    const restore = (token: string) => call('POST', `/members/${colleague.id}/restore`, { token });
    expect((await restore(eastRep.token)).status).toBe(403);
    expect((await restore(westManager.token)).status).toBe(403);
    expect((await restore(other.managerToken)).status).toBe(404);
    expect(
      (await call('GET', '/members?status=removed', { token: westManager.token })).body.members,
    ).toEqual([]);
    expect((await restore(eastManager.token)).status).toBe(200);
  });

  it('refuses (409) while a newer member has the email', async () => {
    const { org, id } = await removedMember();
    expect((await join(org.inviteCode, 'li.lei@example.cn')).status).toBe(201);
    const restored = await call('POST', `/members/${id}/restore`, { token: org.managerToken });
    expect(restored.status).toBe(409);
    expect(await liveTokens(id)).toBe(0);
  });
});

describe('TV links of a manager who loses the role', () => {
  it('stay revoked when the manager is demoted and promoted again', async () => {
    const org = await createOrg();
    const lead = await addMember(org.managerToken, org.rootTeamId, { role: 'manager' });
    const made = await call('POST', '/tv-links', {
      token: lead.token,
      body: { teamId: org.rootTeamId },
    });
    expect(made.status).toBe(201);
    const tv = () =>
      call('GET', `/leaderboard?team=${org.rootTeamId}`, {
        headers: { 'x-pacer-tv': made.body.token },
      });
    expect((await tv()).status).toBe(200);
    const demote = await call('PATCH', `/members/${lead.id}`, {
      token: org.managerToken,
      body: { role: 'rep' },
    });
    expect(demote.status).toBe(200);
    expect((await tv()).status).toBe(401);
    const promote = await call('PATCH', `/members/${lead.id}`, {
      token: org.managerToken,
      body: { role: 'manager' },
    });
    expect(promote.status).toBe(200);
    expect((await tv()).status).toBe(401);
    const links = await call('GET', '/tv-links', { token: org.managerToken });
    const link = links.body.links.find((l: { id: string }) => l.id === made.body.link.id);
    expect(link.revokedAt).not.toBeNull();
  });

  it('stay revoked when a removed manager is restored', async () => {
    const org = await createOrg();
    const lead = await addMember(org.managerToken, org.rootTeamId, { role: 'manager' });
    const made = await call('POST', '/tv-links', {
      token: lead.token,
      body: { teamId: org.rootTeamId },
    });
    await call('DELETE', `/members/${lead.id}`, { token: org.managerToken });
    expect(
      (await call('POST', `/members/${lead.id}/restore`, { token: org.managerToken })).status,
    ).toBe(200);
    const tv = await call('GET', `/leaderboard?team=${org.rootTeamId}`, {
      headers: { 'x-pacer-tv': made.body.token },
    });
    expect(tv.status).toBe(401);
  });
});
