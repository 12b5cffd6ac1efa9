/**
 * Contests through the real API: standings from rollups (members and teams, ties, combined
 * points with manual logs weighted), recurring rounds rolling over at week and month boundaries
 * in two time zones, winners of decided rounds, edits and cancellation, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, addTeam, call, createOrg, event } from './helpers.ts';
import { buildWorld, type World } from './world.ts';

const now = () => new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function log(token: string, events: Record<string, unknown>[]) {
  const res = await call('POST', '/events', { token, body: { events: events.map(event) } });
  expect(res.status).toBe(200);
  expect(res.body.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
}

async function create(token: string, body: Record<string, unknown>) {
  const res = await call('POST', '/contests', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contest.id as string;
}

describe('members against members', () => {
  it('ranks reps by the metric in the round, ties share a rank, and tells each who is ahead', async () => {
    const org = await createOrg();
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    const cy = await addMember(org.managerToken, org.rootTeamId, { name: 'Cy' });
    const id = await create(org.managerToken, {
      name: 'Visit sprint',
      teamId: org.rootTeamId,
      metric: 'visits',
      start: dayOffset(-3),
      end: dayOffset(4),
      prize: 'Lunch',
    });
    await log(ada.token, [{ metric: 'visits', quantity: 3 }]);
    await log(bo.token, [
      { metric: 'visits', quantity: 5 },
      { metric: 'calls', quantity: 40 },
    ]);
    await log(cy.token, [{ metric: 'visits', quantity: 3 }]);

    const board = await call('GET', `/contests/${id}/standings`, { token: org.managerToken });
    expect(board.status).toBe(200);
    expect(
      board.body.entries.map((e: { name: string; rank: number; value: number }) => [
        e.name,
        e.rank,
        e.value,
      ]),
    ).toEqual([
      ['Bo', 1, 5],
      ['Ada', 2, 3],
      ['Cy', 2, 3],
    ]);
    expect(board.body.round).toMatchObject({
      start: dayOffset(-3),
      end: dayOffset(4),
      decided: false,
    });
    expect(Date.parse(board.body.round.endsAt)).toBeGreaterThan(Date.now());
    expect(board.body.winners).toEqual([]);

    const mine = await call('GET', `/contests/${id}/standings`, { token: cy.token });
    expect(mine.body.you).toEqual({
      rank: 2,
      of: 3,
      ahead: { id: bo.id, name: 'Bo', value: 5, by: 2 },
    });
    const leader = await call('GET', `/contests/${id}/standings`, { token: bo.token });
    expect(leader.body.you).toEqual({ rank: 1, of: 3, ahead: null });
    // The manager runs the contest but has no place in it.
    expect(board.body.you).toBeNull();
    expect(board.body.takingPart).toBe('none');

    const running = await call('GET', '/contests/running', { token: ada.token });
    expect(running.status).toBe(200);
    expect(running.body.contests).toHaveLength(1);
    expect(running.body.contests[0].contest.prize).toBe('Lunch');
    expect(running.body.contests[0].you.ahead).toMatchObject({ name: 'Bo', by: 2 });
  });

  it('answers 304 to a standings poll while nothing changed, and new data after a log', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { name: 'Rep' });
    const id = await create(org.managerToken, {
      name: 'Calls',
      teamId: org.rootTeamId,
      metric: 'calls',
      start: dayOffset(-1),
      end: dayOffset(1),
    });
    const first = await call('GET', `/contests/${id}/standings`, { token: rep.token });
    const etag = first.headers.get('etag') ?? '';
    const again = await call('GET', `/contests/${id}/standings`, {
      token: rep.token,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await log(rep.token, [{ metric: 'calls', quantity: 2 }]);
    const after = await call('GET', `/contests/${id}/standings`, {
      token: rep.token,
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.body.entries[0].value).toBe(2);
  });

  it('ranks combined points with manual logs weighted by the team setting', async () => {
    const org = await createOrg();
    const manual = await addMember(org.managerToken, org.rootTeamId, { name: 'Manual' });
    const linked = await addMember(org.managerToken, org.rootTeamId, { name: 'Linked' });
    const patched = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { manualLogPointsPercent: 50 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.org.settings.manualLogPointsPercent).toBe(50);
    const id = await create(org.managerToken, {
      name: 'Points',
      teamId: org.rootTeamId,
      metric: 'points',
      start: dayOffset(-1),
      end: dayOffset(1),
    });
    const source = { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' };
    await log(manual.token, [{ metric: 'visits', quantity: 2 }]);
    await log(linked.token, [{ metric: 'visits', quantity: 2, source }]);
    const res = await call('GET', `/contests/${id}/standings`, { token: org.managerToken });
    const [first, second] = res.body.entries;
    expect(first.name).toBe('Linked');
    expect(second.name).toBe('Manual');
    // Half points for the same two visits logged by hand.
    expect(second.value).toBe(first.value / 2);
    expect(first.value).toBeGreaterThan(0);
  });
});

/** An org with two sub-teams under the root, one rep in each, and a running calls contest. */
async function twoTeamsContest(first: string, second: string) {
  const org = await createOrg();
  const a = await addTeam(org.managerToken, org.rootTeamId, first);
  const b = await addTeam(org.managerToken, org.rootTeamId, second);
  const reps = [
    await addMember(org.managerToken, a),
    await addMember(org.managerToken, b),
  ] as const;
  const id = await create(org.managerToken, {
    name: `${first} vs ${second}`,
    teamId: org.rootTeamId,
    metric: 'calls',
    mode: 'teams',
    start: dayOffset(-1),
    end: dayOffset(1),
  });
  return { org, id, reps };
}

describe('team against team', () => {
  it('sums each direct sub-team over its whole subtree and ranks the teams', async () => {
    const org = await createOrg();
    const north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const northEast = await addTeam(org.managerToken, north, 'North-East');
    const n1 = await addMember(org.managerToken, north);
    const n2 = await addMember(org.managerToken, northEast);
    const s1 = await addMember(org.managerToken, south);
    const id = await create(org.managerToken, {
      name: 'North vs South',
      teamId: org.rootTeamId,
      metric: 'deals',
      mode: 'teams',
      start: dayOffset(-1),
      end: dayOffset(1),
    });
    await log(n1.token, [{ metric: 'deals', quantity: 1 }]);
    await log(n2.token, [{ metric: 'deals', quantity: 2 }]);
    await log(s1.token, [{ metric: 'deals', quantity: 4 }]);
    const res = await call('GET', `/contests/${id}/standings`, { token: n2.token });
    expect(
      res.body.entries.map((e: { name: string; value: number; rank: number }) => [
        e.name,
        e.rank,
        e.value,
      ]),
    ).toEqual([
      ['South', 1, 4],
      ['North', 2, 3],
    ]);
    expect(res.body.you).toEqual({
      rank: 2,
      of: 2,
      ahead: { id: south, name: 'South', value: 4, by: 1 },
    });
  });

  it('needs at least two sub-teams to compete (create and switching an edit to teams)', async () => {
    const org = await createOrg();
    await addTeam(org.managerToken, org.rootTeamId, 'Only');
    const body = {
      name: 'Nobody to play',
      teamId: org.rootTeamId,
      metric: 'deals',
      start: dayOffset(-1),
      end: dayOffset(1),
    };
    const refused = await call('POST', '/contests', {
      token: org.managerToken,
      body: { ...body, mode: 'teams' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/at least 2 sub-teams/);
    const id = await create(org.managerToken, { ...body, mode: 'members' });
    const edit = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { mode: 'teams' },
    });
    expect(edit.status).toBe(400);
    await addTeam(org.managerToken, org.rootTeamId, 'Second');
    const now = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { mode: 'teams' },
    });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
  });

  it('does not count reps who sit directly in the contest’s team, and tells them so', async () => {
    const org = await createOrg();
    const north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const n1 = await addMember(org.managerToken, north, { name: 'Nia' });
    const s1 = await addMember(org.managerToken, south, { name: 'Sam' });
    const direct = await addMember(org.managerToken, org.rootTeamId, { name: 'Dee' });
    const id = await create(org.managerToken, {
      name: 'North vs South',
      teamId: org.rootTeamId,
      metric: 'deals',
      mode: 'teams',
      start: dayOffset(-1),
      end: dayOffset(1),
    });
    await log(n1.token, [{ metric: 'deals', quantity: 2 }]);
    await log(s1.token, [{ metric: 'deals', quantity: 1 }]);
    // More than both teams together: it would change the result if it counted anywhere.
    await log(direct.token, [{ metric: 'deals', quantity: 9 }]);

    const seenByDirect = await call('GET', `/contests/${id}/standings`, {
      token: direct.token,
    });
    expect(seenByDirect.status).toBe(200);
    expect(
      seenByDirect.body.entries.map((e: { name: string; value: number }) => [e.name, e.value]),
    ).toEqual([
      ['North', 2],
      ['South', 1],
    ]);
    expect(seenByDirect.body.you).toBeNull();
    expect(seenByDirect.body.takingPart).toBe('none');
    expect(seenByDirect.body.visibility).toBe('all');

    // The sidebar's answer: the contest is listed, with no place, and says why.
    const running = await call('GET', '/contests/running', { token: direct.token });
    expect(running.body.contests).toHaveLength(1);
    expect(running.body.contests[0]).toMatchObject({
      contest: { id, mode: 'teams' },
      you: null,
      takingPart: 'none',
    });
    const board = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: direct.token,
    });
    expect(board.body.contests[0]).toMatchObject({ takingPart: 'none', visibility: 'all' });

    // A rep of a competing sub-team has their team's place.
    const seenByNorth = await call('GET', '/contests/running', { token: n1.token });
    expect(seenByNorth.body.contests[0]).toMatchObject({
      you: { rank: 1, of: 2, ahead: null },
      takingPart: 'team',
    });
    const seenBySouth = await call('GET', `/contests/${id}/standings`, { token: s1.token });
    expect(seenBySouth.body.you).toEqual({
      rank: 2,
      of: 2,
      ahead: { id: north, name: 'North', value: 2, by: 1 },
    });
    expect(seenBySouth.body.entries.map((e: { id: string }) => e.id)).toEqual([north, south]);
  });

  it('shows team standings whole to every rep, whatever the privacy mode', async () => {
    const { org, id, reps } = await twoTeamsContest('North', 'South');
    const [n1, s1] = reps;
    await log(n1.token, [{ metric: 'calls', quantity: 3 }]);
    await log(s1.token, [{ metric: 'calls', quantity: 1 }]);
    await call('PATCH', '/org', { token: org.managerToken, body: { privacy: 'private' } });
    const res = await call('GET', `/contests/${id}/standings`, { token: s1.token });
    expect(res.body.entries.map((e: { name: string }) => e.name)).toEqual(['North', 'South']);
    expect(res.body.you.ahead).toMatchObject({ name: 'North', by: 2 });
  });

  it('shares first place between tied teams', async () => {
    const { id, reps } = await twoTeamsContest('A team', 'B team');
    const [ra, rb] = reps;
    await log(ra.token, [{ metric: 'calls', quantity: 7 }]);
    await log(rb.token, [{ metric: 'calls', quantity: 7 }]);
    const res = await call('GET', `/contests/${id}/standings`, { token: ra.token });
    expect(res.body.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 1]);
    expect(res.body.you).toEqual({ rank: 1, of: 2, ahead: null });
  });
});

// One instant either side of midnight: 23:30 UTC is already the next day in Berlin (UTC+1 in
// November) but still the same evening in New York (UTC−5).
/** Just after the rounds below. */
const PINNED_NOW = '2026-11-23T12:00:00Z';
const LATE_SUNDAY = '2026-11-15T23:30:00Z'; // Berlin: Mon 16 Nov; New York: Sun 15 Nov
const LATE_OCTOBER = '2026-10-31T23:30:00Z'; // Berlin: Sun 1 Nov; New York: Sat 31 Oct

describe.each([
  { timezone: 'Europe/Berlin', weekOf: '2026-11-16', monthOf: '2026-11-01' },
  { timezone: 'America/New_York', weekOf: '2026-11-15', monthOf: '2026-10-31' },
])('recurring rounds in $timezone', ({ timezone, weekOf, monthOf }) => {
  // The logs are fixed instants of November 2026: the clock stays there, so they are never
  // refused as too old (> 400 days) whenever the tests run.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date(PINNED_NOW));
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  /**
   * Logged a minute after it happened: the rounds asked below have settled by PINNED_NOW, and a
   * settled round counts only what was recorded before it settled.
   */
  const logAt = async (
    token: string,
    e: { metric: string; quantity: number; occurredAt: string },
  ) => {
    vi.setSystemTime(new Date(Date.parse(e.occurredAt) + 60_000));
    await log(token, [e]);
    vi.setSystemTime(new Date(PINNED_NOW));
  };

  it('rolls a weekly contest over at the week start, counting the log in its local week, and crowns the decided week', async () => {
    const org = await createOrg({ timezone });
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone, name: 'Rep' });
    const id = await create(org.managerToken, {
      name: 'Weekly',
      teamId: org.rootTeamId,
      metric: 'calls',
      recurrence: 'weekly',
      start: '2026-11-01',
      end: null,
    });
    await logAt(rep.token, { metric: 'calls', quantity: 3, occurredAt: LATE_SUNDAY });
    const sunday = await call('GET', `/contests/${id}/standings?date=2026-11-15`, {
      token: rep.token,
    });
    const monday = await call('GET', `/contests/${id}/standings?date=2026-11-16`, {
      token: rep.token,
    });
    expect(sunday.body.round).toMatchObject({
      start: '2026-11-09',
      end: '2026-11-15',
      decided: true,
    });
    expect(monday.body.round).toMatchObject({ start: '2026-11-16', end: '2026-11-22' });
    const counted = weekOf === '2026-11-16' ? monday : sunday;
    const empty = weekOf === '2026-11-16' ? sunday : monday;
    expect(counted.body.entries[0].value).toBe(3);
    expect(empty.body.entries[0].value).toBe(0);
    // Only the decided week (Nov 9–15) has a winner, and only if the log counted there.
    expect(sunday.body.winners.map((w: { id: string }) => w.id)).toEqual(
      weekOf === '2026-11-15' ? [rep.id] : [],
    );
  });

  it('rolls a monthly contest over at the month start, counting the log in its local month', async () => {
    const org = await createOrg({ timezone });
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone, name: 'Rep' });
    const id = await create(org.managerToken, {
      name: 'Monthly',
      teamId: org.rootTeamId,
      metric: 'deals',
      recurrence: 'monthly',
      start: '2026-10-15',
      end: null,
    });
    await logAt(rep.token, { metric: 'deals', quantity: 1, occurredAt: LATE_OCTOBER });
    const october = await call('GET', `/contests/${id}/standings?date=2026-10-31`, {
      token: rep.token,
    });
    const november = await call('GET', `/contests/${id}/standings?date=2026-11-01`, {
      token: rep.token,
    });
    // The first round is clipped to the schedule's start.
    expect(october.body.round).toMatchObject({
      start: '2026-10-15',
      end: '2026-10-31',
      decided: true,
    });
    expect(november.body.round).toMatchObject({ start: '2026-11-01', end: '2026-11-30' });
    expect(october.body.entries[0].value).toBe(monthOf === '2026-10-31' ? 1 : 0);
    expect(november.body.entries[0].value).toBe(monthOf === '2026-11-01' ? 1 : 0);
    // The round ends at midnight after its last day, in the organisation's zone.
    const ends = new Date(october.body.round.endsAt);
    expect(ends.toLocaleString('en-GB', { timeZone: timezone, hour12: false })).toBe(
      '01/11/2026, 00:00:00',
    );
  });
});

describe('managing contests', () => {
  it('validates the schedule and metric, edits, and cancels (kept, no longer running)', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const base = { name: 'X', teamId: org.rootTeamId, metric: 'calls', start: now() };
    const noEnd = await call('POST', '/contests', {
      token: org.managerToken,
      body: { ...base, end: null },
    });
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.error.details[0].path).toBe('end');
    const backwards = await call('POST', '/contests', {
      token: org.managerToken,
      body: { ...base, end: dayOffset(-2) },
    });
    expect(backwards.status).toBe(400);
    const unknown = await call('POST', '/contests', {
      token: org.managerToken,
      body: { ...base, metric: 'smiles', end: dayOffset(1) },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('smiles');

    const id = await create(org.managerToken, { ...base, end: dayOffset(1) });
    const edited = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { name: 'Call blitz', prize: 'Trophy', end: dayOffset(3) },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.contest).toMatchObject({
      name: 'Call blitz',
      prize: 'Trophy',
      end: dayOffset(3),
    });
    const badEdit = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { end: dayOffset(-5) },
    });
    expect(badEdit.status).toBe(400);
    const seen = await call('GET', `/contests/${id}`, { token: rep.token });
    expect(seen.body.contest.name).toBe('Call blitz');

    const cancelled = await call('DELETE', `/contests/${id}`, { token: org.managerToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.contest.status).toBe('cancelled');
    const running = await call('GET', '/contests/running', { token: rep.token });
    expect(running.body.contests).toEqual([]);
    const active = await call('GET', '/contests', { token: rep.token });
    expect(active.body.contests).toEqual([]);
    const all = await call('GET', '/contests?status=all', { token: rep.token });
    expect(all.body.contests.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});

describe('who may do what', () => {
  let w: World;
  let eastContest: string;
  beforeAll(async () => {
    w = await buildWorld();
    eastContest = await create(w.eastManager.token, {
      name: 'East only',
      teamId: w.eastId,
      metric: 'calls',
      start: dayOffset(-1),
      end: dayOffset(1),
    });
  });

  it('lets only managers of the team create, edit and cancel', async () => {
    const body = { name: 'Mine', teamId: w.eastId, metric: 'calls', start: now(), end: now() };
    expect((await call('POST', '/contests', { token: w.eastRep.token, body })).status).toBe(403);
    expect((await call('POST', '/contests', { token: w.westManager.token, body })).status).toBe(
      403,
    );
    expect((await call('POST', '/contests', { token: w.repB.token, body })).status).toBe(403);
    expect((await call('POST', '/contests', { token: w.orgB.managerToken, body })).status).toBe(
      404,
    );
    expect((await call('POST', '/contests', { body })).status).toBe(401);
    const edit = { name: 'Hijacked' };
    expect(
      (await call('PATCH', `/contests/${eastContest}`, { token: w.eastRep.token, body: edit }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('PATCH', `/contests/${eastContest}`, {
          token: w.westManager.token,
          body: edit,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('PATCH', `/contests/${eastContest}`, {
          token: w.orgB.managerToken,
          body: edit,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/contests/${eastContest}`, { token: w.westManager.token })).status,
    ).toBe(403);
    expect(
      (await call('DELETE', `/contests/${eastContest}`, { token: w.orgB.managerToken })).status,
    ).toBe(404);
    // The top team's manager manages the whole tree.
    const top = await call('PATCH', `/contests/${eastContest}`, {
      token: w.orgA.managerToken,
      body: { prize: 'Cake' },
    });
    expect(top.status).toBe(200);
  });

  it('shows a contest to its team and managers only, never to other organisations', async () => {
    const path = `/contests/${eastContest}/standings`;
    expect((await call('GET', path, { token: w.eastRep.token })).status).toBe(200);
    expect((await call('GET', path, { token: w.eastManager.token })).status).toBe(200);
    expect((await call('GET', path, { token: w.orgA.managerToken })).status).toBe(200);
    expect((await call('GET', path, { token: w.westRep.token })).status).toBe(403);
    expect((await call('GET', path, { token: w.repB.token })).status).toBe(404);
    expect(
      (await call('GET', `/contests/${eastContest}`, { token: w.orgB.managerToken })).status,
    ).toBe(404);
    expect((await call('GET', path, { token: w.revokedToken })).status).toBe(401);
    const westList = await call('GET', '/contests', { token: w.westRep.token });
    expect(westList.body.contests).toEqual([]);
    const otherOrg = await call('GET', '/contests?status=all', { token: w.orgB.managerToken });
    expect(otherOrg.body.contests).toEqual([]);
    const eastList = await call('GET', '/contests', { token: w.eastRep.token });
    expect(eastList.body.contests.map((c: { id: string }) => c.id)).toContain(eastContest);
  });
});
