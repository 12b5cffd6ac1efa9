/**
 * Contest standings under the team's privacy mode, in every contests read (standings, the
 * sidebar's running contests, the board and a TV link), the way the standing leaderboard does it:
 * `open` everyone sees all; `top` reps see the top 5, their neighbours and themselves; `private`
 * reps see only their own place (and nobody named ahead, nor the gap); managers of the contest's
 * team see everyone, managers of a team below it their own reps; a TV link sees what its manager
 * sees. Winners of a decided round are public.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, addTeam, call, createOrg, event, type MemberFixture } from './helpers.ts';

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let topManagerToken: string;
let rootId: string;
let bigId: string;
/** A manager of Big only (not of the root team). */
let bigManager: MemberFixture;
/** reps[k] logged k + 1 calls today, so reps[7] ranks 1st and reps[0] 8th. */
const reps: MemberFixture[] = [];
/** Calls, members against members, in Big (running). */
let bigContest: string;
/** Calls, members against members, in the root team above Big (running). */
let rootContest: string;
/** Calls in Big, decided three days ago: Rep 7 won it. */
let pastContest: string;
let tvToken: string;

async function create(body: Record<string, unknown>) {
  const res = await call('POST', '/contests', { token: topManagerToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contest.id as string;
}

beforeAll(async () => {
  const org = await createOrg({ timezone: 'UTC' });
  topManagerToken = org.managerToken;
  rootId = org.rootTeamId;
  bigId = await addTeam(topManagerToken, rootId, 'Big');
  bigManager = await addMember(topManagerToken, bigId, { role: 'manager', timezone: 'UTC' });
  for (let k = 0; k < 8; k++) {
    const rep = await addMember(topManagerToken, bigId, { timezone: 'UTC', name: `Rep ${k}` });
    reps.push(rep);
    const res = await call('POST', '/events', {
      token: rep.token,
      body: { events: [event({ quantity: k + 1 })] },
    });
    expect(res.status).toBe(200);
    // The past round's log, recorded when it happened (a settled round counts only what was
    // recorded before it settled).
    const past = `${dayOffset(-3)}T12:00:00Z`;
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date(Date.parse(past) + 60_000));
    try {
      const late = await call('POST', '/events', {
        token: rep.token,
        body: { events: [event({ quantity: k + 1, occurredAt: past })] },
      });
      expect(late.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  }
  // Outside Big (in Small, under the root team): the root contest's leader, whom Big's manager
  // does not manage.
  const smallId = await addTeam(topManagerToken, rootId, 'Small');
  const outsider = await addMember(topManagerToken, smallId, { timezone: 'UTC', name: 'Outsider' });
  await call('POST', '/events', {
    token: outsider.token,
    body: { events: [event({ quantity: 20 })] },
  });
  const running = { metric: 'calls', start: dayOffset(-1), end: dayOffset(1) };
  bigContest = await create({ ...running, name: 'Big calls', teamId: bigId });
  rootContest = await create({ ...running, name: 'Everyone calls', teamId: rootId });
  pastContest = await create({
    name: 'Past calls',
    teamId: bigId,
    metric: 'calls',
    start: dayOffset(-4),
    end: dayOffset(-2),
    // Settled the day after its end whatever the weekday (the default grace waits a workday).
    graceWorkdays: 0,
  });
  const link = await call('POST', '/tv-links', {
    token: bigManager.token,
    body: { teamId: bigId },
  });
  expect(link.status).toBe(201);
  tvToken = link.body.token;
});

async function setPrivacy(privacy: string) {
  const res = await call('PATCH', '/org', { token: topManagerToken, body: { privacy } });
  expect(res.status).toBe(200);
}
const rep = (k: number) => reps[k] as MemberFixture;
const names = (entries: { name: string }[]) => entries.map((e) => e.name);
const ALL = ['Rep 7', 'Rep 6', 'Rep 5', 'Rep 4', 'Rep 3', 'Rep 2', 'Rep 1', 'Rep 0'];

async function standings(token: string, id = bigContest, date?: string) {
  const res = await call('GET', `/contests/${id}/standings${date ? `?date=${date}` : ''}`, {
    token,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function running(token: string, id = bigContest) {
  const res = await call('GET', '/contests/running', { token });
  expect(res.status).toBe(200);
  const found = res.body.contests.find((c: { contest: { id: string } }) => c.contest.id === id);
  expect(found).toBeDefined();
  return { item: found, raw: JSON.stringify(res.body) };
}

async function board(options: { token?: string; tv?: string }, id = bigContest) {
  const res = await call('GET', `/contests/board?team=${bigId}`, {
    ...(options.token ? { token: options.token } : {}),
    ...(options.tv ? { headers: { 'x-pacer-tv': options.tv } } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const found = res.body.contests.find((c: { contest: { id: string } }) => c.contest.id === id);
  expect(found).toBeDefined();
  return found;
}

describe('open', () => {
  it('everyone sees every rep and who is ahead', async () => {
    await setPrivacy('open');
    const mine = await standings(rep(0).token);
    expect(names(mine.entries)).toEqual(ALL);
    expect(mine.visibility).toBe('all');
    expect(mine.takingPart).toBe('member');
    expect(mine.you).toEqual({
      rank: 8,
      of: 8,
      ahead: { id: rep(1).id, name: 'Rep 1', value: 2, by: 1 },
    });
    const { item } = await running(rep(3).token);
    expect(item.you).toEqual({
      rank: 5,
      of: 8,
      ahead: { id: rep(4).id, name: 'Rep 4', value: 5, by: 1 },
    });
    expect(item.takingPart).toBe('member');
    expect(names((await board({ token: rep(0).token })).entries)).toEqual(ALL);
  });
});

describe('top', () => {
  it('a rep sees the top 5, their neighbours and themselves, in every read', async () => {
    await setPrivacy('top');
    const expected = ['Rep 7', 'Rep 6', 'Rep 5', 'Rep 4', 'Rep 3', 'Rep 1', 'Rep 0'];
    const mine = await standings(rep(0).token);
    expect(names(mine.entries)).toEqual(expected);
    expect(mine.visibility).toBe('top');
    // The neighbour ahead is on their board: named, with the gap.
    expect(mine.you.ahead).toMatchObject({ name: 'Rep 1', by: 1 });
    const onBoard = await board({ token: rep(0).token });
    expect(names(onBoard.entries)).toEqual(expected);
    expect(onBoard.visibility).toBe('top');
    expect((await running(rep(0).token)).item.you.ahead).toMatchObject({ name: 'Rep 1' });
    expect(JSON.stringify(mine)).not.toContain('Rep 2');
    expect(JSON.stringify(onBoard)).not.toContain('Rep 2');
  });

  it('managers of the contest’s team, and their TV link, see everyone', async () => {
    await setPrivacy('top');
    for (const token of [topManagerToken, bigManager.token]) {
      expect(names((await standings(token)).entries)).toEqual(ALL);
      expect(names((await board({ token })).entries)).toEqual(ALL);
    }
    const tv = await board({ tv: tvToken });
    expect(names(tv.entries)).toEqual(ALL);
    expect(tv.visibility).toBe('all');
    // A contest of the team above Big: its TV (and manager) see it as the leaderboard of a team
    // they do not manage, the top 5, plus every rep of their own (Big) whatever the mode.
    const above = await board({ tv: tvToken }, rootContest);
    expect(names(above.entries)).toEqual(['Outsider', ...ALL]);
    expect(above.visibility).toBe('top');
    expect(names((await board({ token: topManagerToken }, rootContest)).entries)).toEqual([
      'Outsider',
      ...ALL,
    ]);
  });
});

describe('private', () => {
  it('a rep sees only their own place; nobody ahead is named, nor the gap', async () => {
    await setPrivacy('private');
    const mine = await standings(rep(4).token);
    expect(names(mine.entries)).toEqual(['Rep 4']);
    expect(mine.visibility).toBe('own');
    expect(mine.you).toEqual({ rank: 4, of: 8, ahead: null });
    const { item, raw } = await running(rep(4).token);
    expect(item.you).toEqual({ rank: 4, of: 8, ahead: null });
    expect(item.takingPart).toBe('member');
    const onBoard = await board({ token: rep(4).token });
    expect(names(onBoard.entries)).toEqual(['Rep 4']);
    expect(onBoard.visibility).toBe('own');
    // No other rep's name or id in any of the three answers.
    for (const text of [JSON.stringify(mine), raw, JSON.stringify(onBoard)]) {
      for (const k of [0, 1, 2, 3, 5, 6, 7]) {
        expect(text).not.toContain(`Rep ${k}`);
        expect(text).not.toContain(rep(k).id);
      }
    }
    // The leader is still told they lead.
    expect((await standings(rep(7).token)).you).toEqual({ rank: 1, of: 8, ahead: null });
  });

  it('managers of the contest’s team, and their TV link, still see everyone', async () => {
    await setPrivacy('private');
    const managed = await standings(bigManager.token);
    expect(names(managed.entries)).toEqual(ALL);
    expect(managed.visibility).toBe('all');
    expect(managed.takingPart).toBe('none');
    const tv = await board({ tv: tvToken });
    expect(names(tv.entries)).toEqual(ALL);
    expect(tv.visibility).toBe('all');
    // The contest of the team above: Big's manager and TV are not its managers, so they see
    // only their own reps (not the Outsider); the top team's manager sees everyone.
    const above = await board({ tv: tvToken }, rootContest);
    expect(names(above.entries)).toEqual(ALL);
    expect(above.visibility).toBe('own');
    expect(names((await standings(bigManager.token, rootContest)).entries)).toEqual(ALL);
    expect(names((await standings(topManagerToken, rootContest)).entries)).toEqual([
      'Outsider',
      ...ALL,
    ]);
  });

  it('the winners of a decided round stay public; its standings do not', async () => {
    await setPrivacy('private');
    const past = await standings(rep(0).token, pastContest, dayOffset(-3));
    expect(past.round.decided).toBe(true);
    expect(past.winners).toEqual([{ rank: 1, id: rep(7).id, name: 'Rep 7', value: 8 }]);
    expect(names(past.entries)).toEqual(['Rep 0']);
    expect(past.you).toEqual({ rank: 8, of: 8, ahead: null });
    await setPrivacy('open');
  });
});
