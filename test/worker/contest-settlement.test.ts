/**
 * Contest rounds settle: until a grace period after the round's end has passed (by default the
 * end of the next workday of the team calendar; `contestGraceWorkdays` in the settings) its
 * standings are provisional and say so, and nothing is honoured or announced. The first read
 * after that moment stores the round's standings and winners and honours and announces them
 * once; logs backdated into the round later still count for targets but never change it.
 */
import { describe, expect, it } from 'vitest';
import { addMember, call, createOrg, event } from './helpers.ts';

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function contest(token: string, teamId: string, start: string, end: string) {
  const res = await call('POST', '/competitions', {
    token,
    body: { name: 'Visit sprint', teamId, metric: 'visits', start, end },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.competition.id as string;
}

async function logOn(token: string, day: string, quantity: number) {
  const res = await call('POST', '/events', {
    token,
    body: { events: [event({ metric: 'visits', quantity, occurredAt: `${day}T12:00:00Z` })] },
  });
  expect(res.body.results[0].status, JSON.stringify(res.body)).toBe('created');
}

const standings = async (token: string, id: string, date: string) => {
  const res = await call('GET', `/competitions/${id}/standings?date=${date}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const honours = async (token: string, memberId: string) =>
  (await call('GET', `/members/${memberId}/honours`, { token })).body.honours as unknown[];

const wins = async (token: string, teamId: string) =>
  (
    (await call('GET', `/announcements?team=${teamId}`, { token })).body.announcements as {
      kind: string;
      member: { name: string };
    }[]
  ).filter((a) => a.kind === 'competition_won');

describe('a settled round', () => {
  it('keeps its standings, winners, honour and announcement when logs are backdated into it', async () => {
    const org = await createOrg();
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    // Ended 9 days ago: past the default grace (the next workday) in any week.
    const id = await contest(org.managerToken, org.rootTeamId, dayOffset(-12), dayOffset(-9));
    await logOn(ada.token, dayOffset(-10), 5);
    await logOn(bo.token, dayOffset(-10), 2);

    const settled = await standings(org.managerToken, id, dayOffset(-10));
    expect(settled.round).toMatchObject({ decided: true, provisional: false });
    expect(Date.parse(settled.round.settlesAt)).toBeLessThan(Date.now());
    expect(settled.winners.map((w: { name: string }) => w.name)).toEqual(['Ada']);
    expect(await honours(ada.token, ada.id)).toHaveLength(1);
    expect((await wins(org.managerToken, org.rootTeamId)).map((a) => a.member.name)).toEqual([
      'Ada',
    ]);

    // Bo backdates 10 visits into the settled round.
    await logOn(bo.token, dayOffset(-10), 10);
    const later = await standings(org.managerToken, id, dayOffset(-10));
    expect(later.winners.map((w: { name: string }) => w.name)).toEqual(['Ada']);
    expect(later.entries.map((e: { name: string; value: number }) => [e.name, e.value])).toEqual([
      ['Ada', 5],
      ['Bo', 2],
    ]);
    expect(later.round.provisional).toBe(false);
    expect(await honours(bo.token, bo.id)).toEqual([]);
    expect(await honours(ada.token, ada.id)).toHaveLength(1);
    expect((await wins(org.managerToken, org.rootTeamId)).map((a) => a.member.name)).toEqual([
      'Ada',
    ]);
    // The log still counts where targets are measured.
    const progress = await call('GET', `/me/progress?period=day&date=${dayOffset(-10)}`, {
      token: bo.token,
    });
    const visits = progress.body.metrics.find((m: { metric: string }) => m.metric === 'visits');
    expect(visits.achieved).toBe(12);
  });
});

describe('a round in its grace period', () => {
  it('is provisional: it says so, follows late logs, and honours and announces nothing yet', async () => {
    const org = await createOrg();
    const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada' });
    const bo = await addMember(org.managerToken, org.rootTeamId, { name: 'Bo' });
    // Ended yesterday: the next workday after it ends today at the earliest.
    const yesterday = dayOffset(-1);
    const id = await contest(org.managerToken, org.rootTeamId, dayOffset(-3), yesterday);
    await logOn(ada.token, yesterday, 3);
    const first = await standings(ada.token, id, yesterday);
    expect(first.round).toMatchObject({ decided: true, provisional: true });
    expect(Date.parse(first.round.settlesAt)).toBeGreaterThan(Date.now());
    expect(first.winners.map((w: { name: string }) => w.name)).toEqual(['Ada']);
    expect(await honours(ada.token, ada.id)).toEqual([]);
    expect(await wins(org.managerToken, org.rootTeamId)).toEqual([]);

    await logOn(bo.token, yesterday, 4);
    const second = await standings(ada.token, id, yesterday);
    expect(second.winners.map((w: { name: string }) => w.name)).toEqual(['Bo']);
    expect(await honours(bo.token, bo.id)).toEqual([]);

    // A grace of 0 workdays settles a round at its end: the next read settles it for Bo.
    const now = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { contestGraceWorkdays: 0 },
    });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    const final = await standings(ada.token, id, yesterday);
    expect(final.round.provisional).toBe(false);
    expect(final.winners.map((w: { name: string }) => w.name)).toEqual(['Bo']);
    expect(await honours(bo.token, bo.id)).toHaveLength(1);
    expect((await wins(org.managerToken, org.rootTeamId)).map((a) => a.member.name)).toEqual([
      'Bo',
    ]);
  });

  it('shows a running round as provisional, settling a workday after its end', async () => {
    const org = await createOrg();
    const id = await contest(org.managerToken, org.rootTeamId, dayOffset(0), dayOffset(7));
    const running = await standings(org.managerToken, id, dayOffset(0));
    expect(running.round).toMatchObject({ decided: false, provisional: true });
    expect(Date.parse(running.round.settlesAt)).toBeGreaterThan(Date.parse(running.round.endsAt));
    const board = await call('GET', `/competitions/board?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(board.body.competitions[0].round.provisional).toBe(true);
  });

  it('refuses a grace period out of range', async () => {
    const org = await createOrg();
    for (const contestGraceWorkdays of [-1, 1.5, 31]) {
      const res = await call('PATCH', '/org', {
        token: org.managerToken,
        body: { contestGraceWorkdays },
      });
      expect(res.status).toBe(400);
    }
  });
});
