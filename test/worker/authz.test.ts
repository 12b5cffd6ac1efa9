/**
 * The authorization matrix for every route that reads or writes data: no token, a malformed
 * token, a revoked token → 401; a rep on a manager route, a manager of another subtree → 403;
 * a member of another organisation → 404 (other orgs' ids do not exist for them); and the
 * rightful caller succeeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, makeDate } from '../../shared/domain/dates.ts';
import { addMember, call, event, expectErrorShape } from './helpers.ts';
import { buildWorld, type World } from './world.ts';

// Targets of next month and next quarter: open to edits whatever the date (a period that has
// ended is closed until a manager reopens it).
const now = new Date();
const nextMonth = addMonths(makeDate(now.getUTCFullYear(), now.getUTCMonth() + 1, 1), 1);
const nextQuarter = addMonths(
  makeDate(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 1, 1),
  3,
);

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

interface Case {
  name: string;
  method: string;
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => unknown;
  /** Who succeeds, with the expected status. */
  allowed: (w: World) => Array<[string, number]>;
  /** Who is refused, with the expected status. */
  refused: (w: World) => Array<[string, number]>;
}

async function eastInvite(world: World): Promise<string> {
  const res = await call('POST', '/invites', {
    token: world.eastManager.token,
    body: { teamId: world.eastId },
  });
  return res.body.code;
}

async function eastTarget(world: World): Promise<string> {
  const res = await call('PUT', '/targets', {
    token: world.eastManager.token,
    body: {
      scope: 'member',
      memberId: world.eastRep.id,
      metric: 'calls',
      period: { kind: 'month', start: nextMonth },
      value: 100,
    },
  });
  return res.body.target.id;
}

const cases: Case[] = [
  {
    name: 'GET /me',
    method: 'GET',
    path: () => '/me',
    allowed: (w) => [
      [w.eastRep.token, 200],
      [w.orgA.managerToken, 200],
    ],
    refused: () => [],
  },
  {
    name: 'PATCH /me',
    method: 'PATCH',
    path: () => '/me',
    body: () => ({ timezone: 'Europe/Paris' }),
    allowed: (w) => [[w.westRep.token, 200]],
    refused: () => [],
  },
  {
    name: 'GET /org',
    method: 'GET',
    path: () => '/org',
    allowed: (w) => [[w.eastRep.token, 200]],
    refused: () => [],
  },
  {
    name: 'PATCH /org',
    method: 'PATCH',
    path: () => '/org',
    body: () => ({ dailyPointsGoal: 25 }),
    allowed: (w) => [[w.orgA.managerToken, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.eastManager.token, 403],
    ],
  },
  {
    name: 'POST /invites',
    method: 'POST',
    path: () => '/invites',
    body: (w) => ({ teamId: w.eastId }),
    allowed: (w) => [
      [w.eastManager.token, 201],
      [w.orgA.managerToken, 201],
    ],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'GET /invites',
    method: 'GET',
    path: () => '/invites',
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [[w.eastRep.token, 403]],
  },
  {
    name: 'DELETE /invites/:code',
    method: 'DELETE',
    path: (w) => eastInvite(w).then((code) => `/invites/${code}`),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'GET /teams',
    method: 'GET',
    path: () => '/teams',
    allowed: (w) => [
      [w.eastRep.token, 200],
      [w.westManager.token, 200],
    ],
    refused: () => [],
  },
  {
    name: 'POST /teams',
    method: 'POST',
    path: () => '/teams',
    body: (w) => ({ name: 'East North', parentId: w.eastId }),
    allowed: (w) => [[w.eastManager.token, 201]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'PATCH /teams/:id',
    method: 'PATCH',
    path: (w) => `/teams/${w.eastId}`,
    body: () => ({ name: 'East 华东' }),
    allowed: (w) => [
      [w.eastManager.token, 200],
      [w.orgA.managerToken, 200],
    ],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'GET /members?team=',
    method: 'GET',
    path: (w) => `/members?team=${w.eastId}`,
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.westRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'PATCH /members/:id',
    method: 'PATCH',
    path: (w) => `/members/${w.eastRep.id}`,
    body: () => ({ name: 'East Rep' }),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.westRep.token, 403],
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'DELETE /members/:id',
    method: 'DELETE',
    path: (w) => addMember(w.eastManager.token, w.eastId).then((m) => `/members/${m.id}`),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'DELETE /members/:id/tokens',
    method: 'DELETE',
    path: (w) => addMember(w.eastManager.token, w.eastId).then((m) => `/members/${m.id}/tokens`),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'POST /events',
    method: 'POST',
    path: () => '/events',
    body: () => ({ events: [event()] }),
    allowed: (w) => [[w.eastRep.token, 200]],
    refused: () => [],
  },
  {
    name: 'GET /me/events',
    method: 'GET',
    path: () => '/me/events',
    allowed: (w) => [[w.eastRep.token, 200]],
    refused: () => [],
  },
  {
    name: 'GET /me/progress',
    method: 'GET',
    path: () => '/me/progress?period=week',
    allowed: (w) => [
      [w.eastRep.token, 200],
      [w.westManager.token, 200],
    ],
    refused: () => [],
  },
  {
    name: 'GET /targets?member=',
    method: 'GET',
    path: (w) => `/targets?member=${w.eastRep.id}`,
    allowed: (w) => [
      [w.eastRep.token, 200],
      [w.eastManager.token, 200],
    ],
    refused: (w) => [
      [w.westRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'PUT /targets',
    method: 'PUT',
    path: () => '/targets',
    body: (w) => ({
      scope: 'member',
      memberId: w.eastRep.id,
      metric: 'visits',
      period: { kind: 'month', start: nextMonth },
      value: 40,
    }),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'PUT /targets (team)',
    method: 'PUT',
    path: () => '/targets',
    body: (w) => ({
      scope: 'team',
      teamId: w.eastId,
      metric: 'revenue',
      period: { kind: 'quarter', start: nextQuarter },
      value: 900_000,
    }),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'DELETE /targets/:id',
    method: 'DELETE',
    path: (w) => eastTarget(w).then((id) => `/targets/${id}`),
    allowed: (w) => [[w.eastManager.token, 200]],
    refused: (w) => [
      [w.eastRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
  {
    name: 'GET /leaderboard?team=',
    method: 'GET',
    path: (w) => `/leaderboard?team=${w.eastId}`,
    allowed: (w) => [
      [w.eastRep.token, 200],
      [w.eastManager.token, 200],
      [w.orgA.managerToken, 200],
    ],
    refused: (w) => [
      [w.westRep.token, 403],
      [w.westManager.token, 403],
      [w.orgB.managerToken, 404],
    ],
  },
];

describe.each(cases)('$name', (c) => {
  it('needs a valid, unrevoked token (401)', async () => {
    const path = await c.path(w);
    const body = c.body?.(w);
    for (const token of [undefined, 'pcr_short', `pcr_${'A'.repeat(43)}`, w.revokedToken]) {
      const res = await call(c.method, path, { token, body });
      expect(res.status, `token ${token}`).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('refuses callers outside their rights', async () => {
    for (const [token, status] of c.refused(w)) {
      const res = await call(c.method, await c.path(w), { token, body: c.body?.(w) });
      expect(res.status).toBe(status);
      expectErrorShape(res.body);
    }
  });

  it('serves the rightful caller', async () => {
    for (const [token, status] of c.allowed(w)) {
      const res = await call(c.method, await c.path(w), { token, body: c.body?.(w) });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }
  });
});

describe('credentials', () => {
  it('revocation is effective at once; removed members lose access', async () => {
    const rep = await addMember(w.eastManager.token, w.eastId);
    expect((await call('GET', '/me', { token: rep.token })).status).toBe(200);
    const revoke = await call('DELETE', `/members/${rep.id}/tokens`, {
      token: w.eastManager.token,
    });
    expect(revoke.body).toEqual({ revoked: 1 });
    expect((await call('GET', '/me', { token: rep.token })).status).toBe(401);

    const gone = await addMember(w.eastManager.token, w.eastId);
    await call('DELETE', `/members/${gone.id}`, { token: w.eastManager.token });
    expect((await call('GET', '/me', { token: gone.token })).status).toBe(401);
  });

  it('scopes lists to the caller', async () => {
    const westInvites = await call('GET', '/invites', { token: w.westManager.token });
    expect(westInvites.body.invites.every((i: { teamId: string }) => i.teamId === w.westId)).toBe(
      true,
    );
    const repMembers = await call('GET', '/members', { token: w.eastRep.token });
    expect(repMembers.body.members.map((m: { id: string }) => m.id)).toEqual([w.eastRep.id]);
    const westTeams = await call('GET', '/teams', { token: w.westManager.token });
    expect(westTeams.body.teams.map((t: { id: string }) => t.id)).toEqual([w.westId]);
    const eastMembers = await call('GET', '/members', { token: w.eastManager.token });
    const teams = new Set(eastMembers.body.members.map((m: { teamId: string }) => m.teamId));
    expect([...teams].every((t) => t !== w.westId && t !== w.orgA.rootTeamId)).toBe(true);
    const repTargets = await call('GET', '/targets', { token: w.westRep.token });
    expect(
      repTargets.body.targets.every(
        (t: { memberId: string | null }) => t.memberId === null || t.memberId === w.westRep.id,
      ),
    ).toBe(true);
  });
});
