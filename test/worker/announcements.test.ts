/**
 * Announcements through the real API: a big log announced once (retries add nothing), a tier and
 * milestones announced when progress first sees them, the manager's rules, polling with since=
 * and ETag, team scoping, TV links; and the board's running contests for TV mode.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates.ts';
import { addMember, call, createOrg, event } from './helpers.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
let tvToken: string;
beforeAll(async () => {
  w = await buildWorld();
  const rules = await call('PATCH', '/org', {
    token: w.orgA.managerToken,
    body: { announcements: { dealAmountAtLeast: 100_000, tierReached: true, streakRecord: true } },
  });
  expect(rules.status).toBe(200);
  const tv = await call('POST', '/tv-links', {
    token: w.eastManager.token,
    body: { teamId: w.eastId },
  });
  tvToken = tv.body.token;
});

const poll = (token: string, team: string, since = 0, headers: Record<string, string> = {}) =>
  call('GET', `/announcements?team=${team}&since=${since}`, { token, headers });

describe('announcements', () => {
  it('announces a big log once, not small ones or retries, to its team and the teams above', async () => {
    const before = await poll(w.eastRep.token, w.eastId);
    expect(before.status).toBe(200);
    const since = before.body.latest as number;
    const big = event({ metric: 'revenue', quantity: 150_000 });
    for (let i = 0; i < 2; i++) {
      await call('POST', '/events', { token: w.eastRep.token, body: { events: [big] } });
    }
    await call('POST', '/events', {
      token: w.eastRep.token,
      body: {
        events: [
          event({ metric: 'revenue', quantity: 99_999 }),
          event({ metric: 'calls', quantity: 500_000 }),
        ],
      },
    });
    const after = await poll(w.eastRep.token, w.eastId, since);
    const deals = after.body.announcements.filter((a: { kind: string }) => a.kind === 'big_deal');
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({
      member: { id: w.eastRep.id, name: 'East Rep' },
      metric: 'revenue',
      amount: 150_000,
    });
    expect(after.body.latest).toBe(deals[0].id);
    // The root team's board sees it; the sibling team's does not.
    const root = await poll(w.orgA.managerToken, w.orgA.rootTeamId, since);
    expect(root.body.announcements.map((a: { id: number }) => a.id)).toContain(deals[0].id);
    const west = await poll(w.westRep.token, w.westId, since);
    expect(west.body.announcements).toEqual([]);
  });

  it('answers 304 while nothing new happened', async () => {
    const first = await poll(w.westRep.token, w.westId);
    const etag = first.headers.get('etag') ?? '';
    const again = await poll(w.westRep.token, w.westId, 0, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('announces a tier reached and milestones when the member’s progress first counts them, once', async () => {
    // The org's month in its time zone (Berlin), a day ahead of UTC's late on a month's last day.
    const month = `${localDateOf(Date.now(), 'Europe/Berlin').slice(0, 7)}-01`;
    const target = await call('PUT', '/targets', {
      token: w.westManager.token,
      body: {
        scope: 'member',
        memberId: w.westRep.id,
        metric: 'revenue',
        period: { kind: 'month', start: month },
        value: 200_000,
      },
    });
    expect(target.status).toBe(200);
    const since = (await poll(w.westRep.token, w.westId)).body.latest as number;
    // Below the big-deal amount, but 85 % of the month: the Base tier.
    await call('POST', '/events', {
      token: w.westRep.token,
      body: {
        events: [
          event({ metric: 'revenue', quantity: 90_000 }),
          event({ metric: 'revenue', quantity: 80_000 }),
        ],
      },
    });
    await call('GET', '/me/progress', { token: w.westRep.token });
    await call('GET', '/me/progress?period=week', { token: w.westRep.token });
    const told = (await poll(w.westRep.token, w.westId, since)).body.announcements;
    const tiers = told.filter((a: { kind: string }) => a.kind === 'tier_reached');
    expect(tiers).toEqual([
      expect.objectContaining({
        tier: 'base',
        member: expect.objectContaining({ id: w.westRep.id }),
      }),
    ]);
    expect(told.some((a: { kind: string }) => a.kind === 'milestone')).toBe(true);
    expect(told.some((a: { kind: string }) => a.kind === 'big_deal')).toBe(false);
  });

  it('keeps teams to their own boards and other organisations out', async () => {
    expect((await poll(w.westRep.token, w.eastId)).status).toBe(403);
    expect((await poll(w.repB.token, w.eastId)).status).toBe(404);
    expect((await poll(w.revokedToken, w.eastId)).status).toBe(401);
    const b = await poll(w.orgB.managerToken, w.orgB.rootTeamId);
    expect(b.body.announcements).toEqual([]);
  });

  it('is readable by a TV link for its own team only', async () => {
    const headers = { 'x-pacer-tv': tvToken };
    const own = await call('GET', `/announcements?team=${w.eastId}`, { headers });
    expect(own.status).toBe(200);
    expect(own.body.announcements.some((a: { kind: string }) => a.kind === 'big_deal')).toBe(true);
    expect((await call('GET', `/announcements?team=${w.westId}`, { headers })).status).toBe(403);
  });
});

describe('the board’s running contests', () => {
  it('lists contests of the team, below and above it, with standings, also for a TV link', async () => {
    // The org's day (Berlin): late in the UTC day a contest of UTC's date is already over there.
    const today = localDateOf(Date.now(), 'Europe/Berlin');
    const body = (teamId: string, name: string) => ({
      name,
      teamId,
      metric: 'calls',
      start: today,
      end: today,
    });
    const east = await call('POST', '/contests', {
      token: w.eastManager.token,
      body: body(w.eastId, 'East calls'),
    });
    const west = await call('POST', '/contests', {
      token: w.westManager.token,
      body: body(w.westId, 'West calls'),
    });
    const all = await call('POST', '/contests', {
      token: w.orgA.managerToken,
      body: body(w.orgA.rootTeamId, 'All calls'),
    });
    expect([east.status, west.status, all.status]).toEqual([201, 201, 201]);
    await call('POST', '/events', {
      token: w.eastRep.token,
      body: { events: [event({ quantity: 4 })] },
    });
    const tv = await call('GET', `/contests/board?team=${w.eastId}`, {
      headers: { 'x-pacer-tv': tvToken },
    });
    expect(tv.status).toBe(200);
    const names = tv.body.contests.map((c: { contest: { name: string } }) => c.contest.name);
    expect(names.sort()).toEqual(['All calls', 'East calls']);
    const eastBoard = tv.body.contests.find(
      (c: { contest: { name: string } }) => c.contest.name === 'East calls',
    );
    expect(eastBoard.entries[0]).toMatchObject({ rank: 1, name: 'East Rep' });
    expect(eastBoard.entries[0].value).toBeGreaterThanOrEqual(4);
    expect(
      (
        await call('GET', `/contests/board?team=${w.westId}`, {
          headers: { 'x-pacer-tv': tvToken },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('GET', `/contests/board?team=${w.eastId}`, { token: w.westRep.token })).status,
    ).toBe(403);
  });
});

describe('streak records', () => {
  it('announces a current streak longer than the member’s record once, from 5 days on', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { name: 'Streaker' });
    // Every day of the last ten reaching the daily points goal, relative to now so the test
    // means the same on any date: 10:00 UTC of each earlier day (the same date in Berlin), that
    // of today once past, and a minute ago (the org's today even when Berlin is a date ahead).
    const now = Date.now();
    const instants = Array.from({ length: 10 }, (_, k) => {
      const day = new Date(now - (k + 1) * 86_400_000).toISOString().slice(0, 10);
      return `${day}T10:00:00Z`;
    });
    const todayAtTen = `${new Date(now).toISOString().slice(0, 10)}T10:00:00Z`;
    if (Date.parse(todayAtTen) < now) instants.push(todayAtTen);
    instants.push(new Date(now - 60_000).toISOString());
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: instants.map((at) => event({ metric: 'calls', quantity: 60, occurredAt: at })),
      },
    });
    const progress = await call('GET', '/me/progress', { token: rep.token });
    expect(progress.status).toBe(200);
    const streak = progress.body.streak.current as number;
    expect(streak).toBeGreaterThanOrEqual(5);
    await call('GET', '/me/progress?period=week', { token: rep.token });
    const told = (await poll(org.managerToken, org.rootTeamId)).body.announcements;
    const records = told.filter((a: { kind: string }) => a.kind === 'streak_record');
    expect(records).toEqual([
      expect.objectContaining({ days: streak, member: expect.objectContaining({ id: rep.id }) }),
    ]);
  });
});
