/**
 * A removed member who is invited again and joins with the same email is reactivated: same
 * member, history kept, team and role from the new invite, a new token; old tokens stay dead.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addTeam, call, createOrg, event } from './helpers.ts';

const join = (code: string, email: string, name = 'Li Lei') =>
  call('POST', '/join', { body: { code, name, email, timezone: 'Asia/Shanghai' } });

async function inviteTo(managerToken: string, teamId: string, role: 'rep' | 'manager' = 'rep') {
  const invite = await call('POST', '/invites', { token: managerToken, body: { teamId, role } });
  expect(invite.status).toBe(201);
  return invite.body.code as string;
}

const liveTokens = async (memberId: string) =>
  (
    await env.DB.prepare(
      'SELECT count(*) AS n FROM tokens WHERE member_id = ? AND revoked_at IS NULL',
    )
      .bind(memberId)
      .first<{ n: number }>()
  )?.n;

describe('rejoining after removal', () => {
  it('reactivates the same member with their history, on the new invite’s team and role', async () => {
    const org = await createOrg();
    const first = await join(org.inviteCode, 'li.lei@example.cn');
    expect(first.status).toBe(201);
    const oldToken = first.body.token as string;
    const id = first.body.member.id as string;
    const logged = await call('POST', '/events', {
      token: oldToken,
      body: { events: [event({ quantity: 3 })] },
    });
    expect(logged.body.results[0].status).toBe('created');

    expect((await call('DELETE', `/members/${id}`, { token: org.managerToken })).status).toBe(200);
    expect((await call('GET', '/me', { token: oldToken })).status).toBe(401);

    const east = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const again = await join(
      await inviteTo(org.managerToken, east, 'manager'),
      'LI.LEI@example.cn',
      'Lei Li',
    );
    expect(again.status).toBe(201);
    expect(again.body.member).toMatchObject({
      id,
      teamId: east,
      role: 'manager',
      name: 'Lei Li',
      timezone: 'Asia/Shanghai',
    });
    const newToken = again.body.token as string;
    expect(newToken).not.toBe(oldToken);
    expect((await call('GET', '/me', { token: newToken })).body.member.id).toBe(id);
    // The old token stays revoked; the history counts again.
    expect((await call('GET', '/me', { token: oldToken })).status).toBe(401);
    const progress = await call('GET', '/me/progress?period=day', { token: newToken });
    const calls = progress.body.metrics.find((m: { metric: string }) => m.metric === 'calls');
    expect(calls.achieved).toBe(3);
    const listed = await call('GET', '/members', { token: org.managerToken });
    expect(listed.body.members.map((m: { id: string }) => m.id)).toContain(id);

    // Active again: the same email cannot join a second time.
    expect((await join(org.inviteCode, 'li.lei@example.cn')).status).toBe(409);
  });

  it('lets only one of two racing rejoins in, and hands out one token', async () => {
    const org = await createOrg();
    const first = await join(org.inviteCode, 'racer@example.cn');
    const id = first.body.member.id as string;
    await call('DELETE', `/members/${id}`, { token: org.managerToken });
    expect(await liveTokens(id)).toBe(0);
    const racing = await Promise.all([
      join(org.inviteCode, 'racer@example.cn'),
      join(org.inviteCode, 'racer@example.cn'),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await liveTokens(id)).toBe(1);
  });
});
