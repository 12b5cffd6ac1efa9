/**
 * Contest settlement through the real API, on a pinned clock: a round's standings stay
 * provisional through its grace (default: the next workday of the team calendar) and say so;
 * the first read after it settles stores the result, honours and announces the winners once
 * (concurrent reads included); logs backdated into the round later still count for the
 * leaderboards, but never change its standings, winners, honours or announcements.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMember, call, createOrg, event } from './helpers.ts';

// A Monday-to-Friday round in November 2026 (UTC org): the grace is Monday 23, so it settles at
// midnight into Tuesday 24.
const ROUND = { start: '2026-11-16', end: '2026-11-20' };
const IN_ROUND = '2026-11-18T10:00:00Z';
const FRIDAY = '2026-11-20T15:00:00Z';
const GRACE_MONDAY = '2026-11-23T15:00:00Z';
const SETTLED_TUESDAY = '2026-11-24T09:00:00Z';
const SETTLES_AT = '2026-11-24T00:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(FRIDAY));
});
afterEach(() => {
  vi.useRealTimers();
});

async function log(token: string, quantity: number, occurredAt = IN_ROUND) {
  const res = await call('POST', '/events', {
    token,
    body: { events: [event({ metric: 'visits', quantity, occurredAt })] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.results[0].status).toBe('created');
}

async function sprint(token: string, teamId: string, extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/contests', {
    token,
    body: { name: 'Sprint', teamId, metric: 'visits', ...ROUND, ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contest.id as string;
}

type Entry = { id: string; name: string; value: number | null; rank: number };

async function standings(token: string, id: string) {
  const res = await call('GET', `/contests/${id}/standings?date=${ROUND.end}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    round: { decided: boolean; provisional: boolean; settlesAt: string };
    entries: Entry[];
    winners: Entry[];
  };
}

async function honourCount(token: string, memberId: string) {
  const res = await call('GET', `/members/${memberId}/honours`, { token });
  expect(res.status).toBe(200);
  return (res.body.honours as unknown[]).length;
}

async function wins(token: string, teamId: string) {
  const res = await call('GET', `/announcements?team=${teamId}`, { token });
  expect(res.status).toBe(200);
  return (res.body.announcements as { kind: string; member: { name: string } }[])
    .filter((a) => a.kind === 'contest_won')
    .map((a) => a.member.name);
}

const values = (entries: Entry[]) => entries.map((e) => [e.name, e.value]);

describe('contest settlement', () => {
  it('is provisional through the grace, then settled: later backdated logs count for the leaderboards but change nothing in the round', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    const id = await sprint(org.managerToken, org.rootTeamId);
    await log(ada.token, 5);
    await log(bo.token, 3);

    // Running on Friday: provisional, not over.
    const friday = await standings(ada.token, id);
    expect(friday.round).toMatchObject({
      decided: false,
      provisional: true,
      settlesAt: SETTLES_AT,
    });

    // Monday, the grace: over, still provisional, no winners yet; a late log still counts.
    vi.setSystemTime(new Date(GRACE_MONDAY));
    const monday = await standings(ada.token, id);
    expect(monday.round).toMatchObject({ decided: true, provisional: true, settlesAt: SETTLES_AT });
    expect(monday.winners).toEqual([]);
    expect(await honourCount(ada.token, ada.id)).toBe(0);
    await log(bo.token, 1);
    expect(values((await standings(ada.token, id)).entries)).toEqual([
      ['Ada', 5],
      ['Bo', 4],
    ]);
    // The board and the sidebar show the round awaiting settlement, marked provisional.
    const board = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: ada.token,
    });
    expect(board.body.contests).toEqual([
      expect.objectContaining({
        contest: expect.objectContaining({ id, graceWorkdays: 1 }),
        round: expect.objectContaining({ ...ROUND, decided: true, provisional: true }),
      }),
    ]);
    const running = await call('GET', '/contests/running', { token: bo.token });
    expect(running.body.contests).toEqual([
      expect.objectContaining({
        round: expect.objectContaining({ provisional: true }),
        you: { rank: 2, of: 2, ahead: expect.objectContaining({ name: 'Ada', by: 1 }) },
      }),
    ]);

    // Tuesday: settled. The winner is honoured and announced once.
    vi.setSystemTime(new Date(SETTLED_TUESDAY));
    const settled = await standings(bo.token, id);
    expect(settled.round).toMatchObject({ decided: true, provisional: false });
    expect(settled.winners.map((w) => [w.name, w.value])).toEqual([['Ada', 5]]);
    expect(await honourCount(ada.token, ada.id)).toBe(1);
    expect(await wins(org.managerToken, org.rootTeamId)).toEqual(['Ada']);
    const after = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: ada.token,
    });
    expect(after.body.contests).toEqual([]);

    // Bo backdates 10 visits into the settled round: accepted and counted for the week's
    // leaderboard, but the round keeps its standings, its winner, one honour and one announcement.
    await log(bo.token, 10);
    const week = await call('GET', `/leaderboard?by=visits&period=week&date=${ROUND.end}`, {
      token: org.managerToken,
    });
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    expect(
      week.body.entries.find((e: { member: { id: string } }) => e.member.id === bo.id),
    ).toMatchObject({ rank: 1 });
    for (let read = 0; read < 2; read++) {
      const again = await standings(bo.token, id);
      expect(again.round.provisional).toBe(false);
      expect(values(again.entries)).toEqual([
        ['Ada', 5],
        ['Bo', 4],
      ]);
      expect(again.winners.map((w) => w.name)).toEqual(['Ada']);
    }
    expect(await honourCount(bo.token, bo.id)).toBe(0);
    expect(await honourCount(ada.token, ada.id)).toBe(1);
    expect(await wins(org.managerToken, org.rootTeamId)).toEqual(['Ada']);
  });

  it('ranks the round as it stood at its settlement moment, however late the first read comes', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    const id = await sprint(org.managerToken, org.rootTeamId);
    await log(ada.token, 5);
    const adaMore = event({ metric: 'visits', quantity: 2, occurredAt: IN_ROUND });
    const more = await call('POST', '/events', { token: ada.token, body: { events: [adaMore] } });
    expect(more.status).toBe(200);
    await log(bo.token, 6);
    // After the settlement moment, before anyone reads the round: Bo backdates more visits and
    // Ada undoes a log of the round. Neither changes the settled round.
    vi.setSystemTime(new Date(SETTLED_TUESDAY));
    await log(bo.token, 10);
    const undo = await call('POST', `/events/${adaMore.id}/void`, { token: ada.token });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    const first = await standings(org.managerToken, id);
    expect(values(first.entries)).toEqual([
      ['Ada', 7],
      ['Bo', 6],
    ]);
    expect(first.winners.map((w) => w.name)).toEqual(['Ada']);
    expect(await wins(org.managerToken, org.rootTeamId)).toEqual(['Ada']);
    expect(await honourCount(bo.token, bo.id)).toBe(0);
  });

  it('concurrent first reads after settlement (and a log among them) store one result, one honour and one announcement', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    const id = await sprint(org.managerToken, org.rootTeamId);
    await log(ada.token, 2);
    await log(bo.token, 1);
    vi.setSystemTime(new Date(SETTLED_TUESDAY));
    // Six devices read at once while Bo backdates enough to lead, in the middle of them.
    const reads = await Promise.all([
      ...[ada, bo, ada].map((m) => standings(m.token, id)),
      log(bo.token, 10).then(() => standings(bo.token, id)),
      ...[bo, ada].map((m) => standings(m.token, id)),
    ]);
    for (const read of reads) expect(read.winners.map((w) => w.name)).toEqual(['Ada']);
    expect(await honourCount(ada.token, ada.id)).toBe(1);
    expect(await honourCount(bo.token, bo.id)).toBe(0);
    expect(await wins(org.managerToken, org.rootTeamId)).toEqual(['Ada']);
  });

  it('settles at the end of the workday after a Friday round only on Monday night; 0 settles at its end', async () => {
    const org = await createOrg({ timezone: 'Asia/Shanghai' });
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const byDefault = await sprint(org.managerToken, org.rootTeamId);
    const atOnce = await sprint(org.managerToken, org.rootTeamId, { graceWorkdays: 0 });
    await log(ada.token, 1);
    // Saturday in Shanghai: the default waits for Monday; a 0 grace has settled.
    vi.setSystemTime(new Date('2026-11-21T03:00:00Z'));
    expect((await standings(ada.token, byDefault)).round).toMatchObject({
      provisional: true,
      settlesAt: '2026-11-23T16:00:00.000Z',
    });
    const zero = await standings(ada.token, atOnce);
    expect(zero.round).toMatchObject({ provisional: false, settlesAt: '2026-11-20T16:00:00.000Z' });
    expect(zero.winners.map((w) => w.name)).toEqual(['Ada']);
  });

  it('stays settled when its grace is lengthened afterwards', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const id = await sprint(org.managerToken, org.rootTeamId);
    await log(ada.token, 3);
    vi.setSystemTime(new Date(SETTLED_TUESDAY));
    expect((await standings(ada.token, id)).winners.map((w) => w.name)).toEqual(['Ada']);
    const longer = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { graceWorkdays: 10 },
    });
    expect(longer.status).toBe(200);
    const after = await standings(ada.token, id);
    expect(after.round.provisional).toBe(false);
    expect(after.winners.map((w) => w.name)).toEqual(['Ada']);
    const board = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: ada.token,
    });
    expect(board.body.contests).toEqual([]);
  });

  it('takes the grace per contest, in bounds, and edits it', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    for (const graceWorkdays of [-1, 11, 1.5, '1', null]) {
      const res = await call('POST', '/contests', {
        token: org.managerToken,
        body: { name: 'Bad', teamId: org.rootTeamId, metric: 'visits', ...ROUND, graceWorkdays },
      });
      expect(res.status, String(graceWorkdays)).toBe(400);
    }
    const id = await sprint(org.managerToken, org.rootTeamId, { graceWorkdays: 3 });
    const patched = await call('PATCH', `/contests/${id}`, {
      token: org.managerToken,
      body: { graceWorkdays: 2 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.contest.graceWorkdays).toBe(2);
    expect(
      (
        await call('PATCH', `/contests/${id}`, {
          token: org.managerToken,
          body: { graceWorkdays: 99 },
        })
      ).status,
    ).toBe(400);
    vi.setSystemTime(new Date(SETTLED_TUESDAY));
    // Two workdays after Friday: Monday and Tuesday; it settles into Wednesday.
    expect((await standings(org.managerToken, id)).round).toMatchObject({
      provisional: true,
      settlesAt: '2026-11-25T00:00:00.000Z',
    });
  });
});
