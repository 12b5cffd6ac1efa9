/**
 * Honours through the real API: the first standings read after a round settled records its
 * winners once (ties share, team against team honours each rep of the winning sub-team), later
 * reads add nothing, the win is announced once to the team (unless the manager turned it off),
 * and a member's honours are readable by themselves and their managers only.
 */
import { describe, expect, it, vi } from 'vitest';
import { addMember, addTeam, call, createOrg, event } from './helpers.ts';

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Midday UTC three days ago: inside the past round below in any org time zone. */
const IN_ROUND = `${dayOffset(-3)}T12:00:00Z`;

/**
 * Logged a minute after it happened (the clock pinned there for the request): a settled round
 * counts only what was recorded before it settled (test/worker/settlement.test.ts).
 */
async function log(token: string, metric: string, quantity: number) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(Date.parse(IN_ROUND) + 60_000));
  try {
    const res = await call('POST', '/events', {
      token,
      body: { events: [event({ metric, quantity, occurredAt: IN_ROUND })] },
    });
    expect(res.status).toBe(200);
  } finally {
    vi.useRealTimers();
  }
}

async function pastContest(token: string, teamId: string, mode: 'members' | 'teams') {
  const res = await call('POST', '/contests', {
    token,
    body: {
      name: 'Past sprint',
      teamId,
      metric: 'visits',
      mode,
      start: dayOffset(-5),
      end: dayOffset(-2),
      // Settled the day after its end whatever the weekday (the default grace waits a workday;
      // test/worker/settlement.test.ts covers it).
      graceWorkdays: 0,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contest.id as string;
}

async function honoursOf(token: string, memberId: string) {
  const res = await call('GET', `/members/${memberId}/honours`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.honours as {
    contest: { id: string; name: string };
    round: unknown;
    team: { name: string } | null;
    value: number;
  }[];
}

describe('honours', () => {
  it('records the winners of a decided round once, ties sharing it, on the first read after its end', async () => {
    const org = await createOrg();
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    const cy = await addMember(org.managerToken, org.rootTeamId, { name: 'Cy' });
    const id = await pastContest(org.managerToken, org.rootTeamId, 'members');
    await log(ada.token, 'visits', 4);
    await log(bo.token, 'visits', 4);
    await log(cy.token, 'visits', 1);
    expect(await honoursOf(ada.token, ada.id)).toEqual([]);

    const date = dayOffset(-3);
    for (let read = 0; read < 2; read++) {
      const standings = await call('GET', `/contests/${id}/standings?date=${date}`, {
        token: cy.token,
      });
      expect(standings.status).toBe(200);
      expect(standings.body.honourees).toBeUndefined();
      expect(standings.body.winners.map((w: { name: string }) => w.name).sort()).toEqual([
        'Ada',
        'Bo',
      ]);
    }
    for (const winner of [ada, bo]) {
      expect(await honoursOf(winner.token, winner.id)).toEqual([
        {
          contest: { id, name: 'Past sprint', metric: 'visits' },
          round: { start: dayOffset(-5), end: dayOffset(-2) },
          team: null,
          value: 4,
          at: expect.any(String),
        },
      ]);
    }
    expect(await honoursOf(cy.token, cy.id)).toEqual([]);

    // Kept in history: a later rename does not rewrite the honour.
    const renamed = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { name: 'Renamed' },
    });
    expect(renamed.status).toBe(200);
    await call('GET', `/contests/${id}/standings?date=${date}`, { token: ada.token });
    expect((await honoursOf(org.managerToken, ada.id)).map((h) => h.contest.name)).toEqual([
      'Past sprint',
    ]);
  });

  it('team against team honours every rep of the winning sub-team', async () => {
    const org = await createOrg();
    const north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const ada = await addMember(org.managerToken, north, { name: 'Ada' });
    const bo = await addMember(org.managerToken, north, { name: 'Bo' });
    const cy = await addMember(org.managerToken, south, { name: 'Cy' });
    // Directly in the contest's team, in no competing sub-team: counts for none, never honoured.
    const dee = await addMember(org.managerToken, org.rootTeamId, { name: 'Dee' });
    const id = await pastContest(org.managerToken, org.rootTeamId, 'teams');
    await log(ada.token, 'visits', 2);
    await log(bo.token, 'visits', 2);
    await log(cy.token, 'visits', 3);
    await log(dee.token, 'visits', 9);
    const standings = await call('GET', `/contests/${id}/standings?date=${dayOffset(-4)}`, {
      token: org.managerToken,
    });
    expect(standings.body.winners.map((w: { name: string }) => w.name)).toEqual(['North']);
    for (const member of [ada, bo]) {
      const [honour, ...more] = await honoursOf(org.managerToken, member.id);
      expect(more).toEqual([]);
      expect(honour).toMatchObject({ team: { id: north, name: 'North' }, value: 4 });
    }
    expect(await honoursOf(org.managerToken, cy.id)).toEqual([]);
    expect(await honoursOf(org.managerToken, dee.id)).toEqual([]);
  });

  it('announces each winner once, with the contest (and winning sub-team) named', async () => {
    const org = await createOrg();
    const north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const ada = await addMember(org.managerToken, north, { name: 'Ada' });
    const cy = await addMember(org.managerToken, south, { name: 'Cy' });
    const id = await pastContest(org.managerToken, org.rootTeamId, 'teams');
    await log(ada.token, 'visits', 3);
    await log(cy.token, 'visits', 1);
    const wins = async () => {
      const res = await call('GET', `/announcements?team=${org.rootTeamId}`, {
        token: org.managerToken,
      });
      expect(res.status).toBe(200);
      return (res.body.announcements as { kind: string }[]).filter((a) => a.kind === 'contest_won');
    };
    for (let read = 0; read < 3; read++) {
      await call('GET', `/contests/${id}/standings?date=${dayOffset(-4)}`, { token: cy.token });
    }
    expect(await wins()).toEqual([
      {
        id: expect.any(Number),
        kind: 'contest_won',
        member: { id: ada.id, name: 'Ada' },
        contest: 'Past sprint',
        teamName: 'North',
        at: expect.any(String),
      },
    ]);
  });

  it('announces nothing when the manager turned contest wins off (the honour is still kept)', async () => {
    const org = await createOrg();
    const off = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        announcements: {
          dealAmountAtLeast: null,
          tierReached: true,
          streakRecord: true,
          contestWon: false,
        },
      },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const id = await pastContest(org.managerToken, org.rootTeamId, 'members');
    await log(ada.token, 'visits', 2);
    await call('GET', `/contests/${id}/standings?date=${dayOffset(-3)}`, { token: ada.token });
    expect(await honoursOf(ada.token, ada.id)).toHaveLength(1);
    const told = await call('GET', `/announcements?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(
      told.body.announcements.filter((a: { kind: string }) => a.kind === 'contest_won'),
    ).toEqual([]);
  });

  it('are readable by the member and their managers only; other organisations get 404', async () => {
    const org = await createOrg();
    const ada = await addMember(org.managerToken, org.rootTeamId);
    const bo = await addMember(org.managerToken, org.rootTeamId);
    const other = await createOrg();
    expect((await call('GET', `/members/${ada.id}/honours`, { token: bo.token })).status).toBe(403);
    expect(
      (await call('GET', `/members/${ada.id}/honours`, { token: other.managerToken })).status,
    ).toBe(404);
    expect((await call('GET', `/members/${ada.id}/honours`, { token: ada.token })).status).toBe(
      200,
    );
  });
});
