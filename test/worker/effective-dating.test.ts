/**
 * Effective dating, hand-computed. March 2026 (Asia/Shanghai, Mon–Fri): Mar 1 is a Sunday, so
 * the workdays are 2–6, 9–13, 16–20, 23–27, 30–31: 22. Team "Sales" has a March revenue target of
 * ¥300,000 (30,000,000 fen), split equally; each workday carries 30,000,000 / 22 = 1,363,636.36,
 * i.e. 1,363,636 with the 8 left-over fen on workdays 3, 6, 9, 11, 14, 17, 20 and 22 (where the
 * running pace crosses a whole fen). Rep A logs ¥90,000 in March.
 *
 * - Reps A, B, C all month: each carries exactly ¥100,000, and A is at 90 % (Base ≥ 80 %). C is
 *   removed in July and D joins in July: March does not move (A still 30,000,000 / 3 =
 *   10,000,000 fen, 9,000,000 / 10,000,000 = 90 %, Base) on the board and in A's own progress; C
 *   stays on March's board, marked removed, and D, who was on no team in March, is not on it.
 * - D joins on March 25 (a second org, C still there): D carries only the 25th–31st. Those five
 *   workdays (25, 26, 27, 30, 31 = workdays 18–22) carry 1,363,636 × 5 + 2 = 6,818,182 fen; the
 *   1st–24th carry 23,181,818. A, B, C: 23,181,818 / 3 + 6,818,182 / 4 = 9,431,818.17 each;
 *   D: 6,818,182 / 4 = 1,704,545.5. Floors 3 × 9,431,818 + 1,704,545 = 29,999,999; the fen left
 *   goes to the largest remainder (D's .5): D = 1,704,546. The four add up to 30,000,000 exactly.
 *   A: 9,000,000 / 9,431,818 = 95.42 %, still Base.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repsOnTeams, splitDaily } from '../../shared/domain/membership.ts';
import { spreadTarget } from '../../shared/domain/targets.ts';
import { addMember, addTeam, call, createOrg, event, type MemberFixture } from './helpers.ts';

const march = { kind: 'month', start: '2026-03-01' };
const at = (iso: string) => vi.setSystemTime(new Date(iso));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
});
afterAll(() => {
  vi.useRealTimers();
});

async function put(token: string, body: unknown) {
  const res = await call('PUT', '/targets', { token, body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** An org with Sales (A, B, C joined in February) and its March target; A logs ¥90,000. */
async function salesOrg() {
  at('2026-02-20T02:00:00Z');
  const org = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
  const sales = await addTeam(org.managerToken, org.rootTeamId, 'Sales');
  const options = { timezone: 'Asia/Shanghai' };
  const A = await addMember(org.managerToken, sales, { ...options, name: 'A' });
  const B = await addMember(org.managerToken, sales, { ...options, name: 'B' });
  const C = await addMember(org.managerToken, sales, { ...options, name: 'C' });
  await put(org.managerToken, {
    scope: 'team',
    teamId: sales,
    metric: 'revenue',
    period: march,
    value: 30_000_000,
  });
  at('2026-03-10T04:00:00Z');
  const res = await call('POST', '/events', {
    token: A.token,
    body: { events: [event({ metric: 'revenue', quantity: 9_000_000 })] },
  });
  expect(res.status).toBe(200);
  return { org, sales, A, B, C };
}

async function marchBoard(token: string, teamId: string) {
  const res = await call('GET', `/leaderboard?team=${teamId}&period=month&date=2026-03-15`, {
    token,
  });
  expect(res.status).toBe(200);
  return res.body.entries as {
    member: { id: string };
    target: number;
    achieved: number;
    percent: number;
    tier: string | null;
    standing?: string;
  }[];
}

describe('a rep who leaves later does not move a closed month', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let sales: string;
  let A: MemberFixture;
  let C: MemberFixture;
  let D: MemberFixture;
  beforeAll(async () => {
    ({ org, sales, A, C } = await salesOrg());
  });

  it('three reps all March: ¥100,000 each, A at 90 % / Base', async () => {
    at('2026-04-01T04:00:00Z');
    const entries = await marchBoard(org.managerToken, sales);
    expect(entries.map((e) => e.target)).toEqual([10_000_000, 10_000_000, 10_000_000]);
    const a = entries.find((e) => e.member.id === A.id);
    expect(a).toMatchObject({ target: 10_000_000, achieved: 9_000_000, percent: 90, tier: 'base' });
  });

  it('after C is removed in July, March still reads A at ¥100,000 / 90 % / Base, and C stays, marked', async () => {
    at('2026-07-15T04:00:00Z');
    expect((await call('DELETE', `/members/${C.id}`, { token: org.managerToken })).status).toBe(
      200,
    );
    const entries = await marchBoard(org.managerToken, sales);
    const a = entries.find((e) => e.member.id === A.id);
    expect(a).toMatchObject({ target: 10_000_000, percent: 90, tier: 'base' });
    const c = entries.find((e) => e.member.id === C.id);
    expect(c).toMatchObject({ target: 10_000_000, standing: 'removed' });
    expect(entries.reduce((s, e) => s + e.target, 0)).toBe(30_000_000);
    // D joins the same July day: not a rep of March, so not on March's board, and March's three
    // shares stay 10,000,000 each.
    D = await addMember(org.managerToken, sales, { timezone: 'Asia/Shanghai', name: 'D' });
    const withD = await marchBoard(org.managerToken, sales);
    expect(withD.map((e) => e.member.id)).not.toContain(D.id);
    expect(withD.map((e) => [e.member.id, e.target])).toEqual(
      entries.map((e) => [e.member.id, e.target]),
    );
    // C was a rep of July's first fortnight: on July's board, marked; on August's, gone.
    const board = async (date: string) =>
      (await call('GET', `/leaderboard?team=${sales}&date=${date}`, { token: org.managerToken }))
        .body.entries as { member: { id: string }; standing?: string }[];
    expect((await board('2026-07-20')).find((e) => e.member.id === C.id)?.standing).toBe('removed');
    expect((await board('2026-08-10')).map((e) => e.member.id)).not.toContain(C.id);
    // D is on July's board from the day they joined.
    expect((await board('2026-07-20')).map((e) => e.member.id)).toContain(D.id);
  });

  it("A's own March progress still reads ¥100,000 / 90 % / Base after C left and D joined", async () => {
    const res = await call('GET', '/me/progress?period=month&date=2026-03-15', { token: A.token });
    expect(res.status).toBe(200);
    expect(res.body.period).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
    const revenue = res.body.metrics.find((m: { metric: string }) => m.metric === 'revenue');
    expect(revenue).toMatchObject({ target: 10_000_000, achieved: 9_000_000, percent: 90 });
    expect(res.body.tier.current).toBe('base');
    // The editor's history of March: C still in it (since removed), D not.
    const history = await call(
      'GET',
      `/targets/membership?team=${sales}&kind=month&start=2026-03-01`,
      { token: org.managerToken },
    );
    expect(history.status).toBe(200);
    const ids = history.body.stretches.map((p: { memberId: string }) => p.memberId);
    expect(ids).toContain(C.id);
    expect(ids).not.toContain(D.id);
    expect(history.body.members.find((m: { id: string }) => m.id === C.id)).toMatchObject({
      name: 'C',
      active: false,
    });
    // D's March carries nothing: they were on no team then.
    const d = await call('GET', '/me/progress?period=month&date=2026-03-15', { token: D.token });
    expect(d.status).toBe(200);
    expect(d.body.metrics.find((m: { metric: string }) => m.metric === 'revenue').target).toBe(0);
  });

  it('a rep moved to another team stays on the old board, marked moved', async () => {
    const other = await addTeam(org.managerToken, org.rootTeamId, 'Key accounts');
    const moved = await call('PATCH', `/members/${A.id}`, {
      token: org.managerToken,
      body: { teamId: other },
    });
    expect(moved.status).toBe(200);
    const a = (await marchBoard(org.managerToken, sales)).find((e) => e.member.id === A.id);
    expect(a).toMatchObject({ target: 10_000_000, percent: 90, standing: 'moved' });
  });
});

describe('a rep who joins on March 25 carries only the 25th–31st', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let sales: string;
  let A: MemberFixture;
  let D: MemberFixture;
  beforeAll(async () => {
    ({ org, sales, A } = await salesOrg());
    at('2026-03-25T02:00:00Z');
    D = await addMember(org.managerToken, sales, { timezone: 'Asia/Shanghai', name: 'D' });
    at('2026-04-01T04:00:00Z');
  });

  it('D: 1,704,546 fen; A, B, C: 9,431,818 each; the parts sum to ¥300,000', async () => {
    const entries = await marchBoard(org.managerToken, sales);
    const d = entries.find((e) => e.member.id === D.id);
    expect(d?.target).toBe(1_704_546);
    const others = entries.filter((e) => e.member.id !== D.id).map((e) => e.target);
    expect(others).toEqual([9_431_818, 9_431_818, 9_431_818]);
    expect(entries.reduce((s, e) => s + e.target, 0)).toBe(30_000_000);
    const a = entries.find((e) => e.member.id === A.id);
    expect(a?.tier).toBe('base');
    expect(a?.percent).toBeCloseTo((9_000_000 / 9_431_818) * 100, 6);
  });

  it("each rep's own March progress reads the same shares as the board", async () => {
    const month = async (token: string) => {
      const res = await call('GET', '/me/progress?period=month&date=2026-03-15', { token });
      expect(res.status).toBe(200);
      return res.body as {
        metrics: { metric: string; target: number; percent: number | null }[];
        tier: { current: string | null };
      };
    };
    const revenueOf = (p: Awaited<ReturnType<typeof month>>) =>
      p.metrics.find((m) => m.metric === 'revenue');
    const d = await month(D.token);
    expect(revenueOf(d)?.target).toBe(1_704_546);
    const a = await month(A.token);
    expect(revenueOf(a)?.target).toBe(9_431_818);
    // 9,000,000 / 9,431,818 = 95.42 %: Base (80 %), short of Sprint (100 %).
    expect(revenueOf(a)?.percent).toBeCloseTo(95.4218, 3);
    expect(a.tier.current).toBe('base');
    // B and C through the board (their tokens are not kept): with D's and A's, 30,000,000.
    const entries = await marchBoard(org.managerToken, sales);
    const rest = entries
      .filter((e) => e.member.id !== A.id && e.member.id !== D.id)
      .reduce((s, e) => s + e.target, 0);
    expect(rest + 9_431_818 + 1_704_546).toBe(30_000_000);
  });

  it("D's share covers the 25th–31st only: their March 24 is 0, their 25th a quarter of the day", async () => {
    const day = async (date: string) => {
      const res = await call('GET', `/me/progress?period=day&date=${date}`, { token: D.token });
      expect(res.status).toBe(200);
      return res.body.metrics.find((m: { metric: string }) => m.metric === 'revenue')
        .target as number;
    };
    expect(await day('2026-03-24')).toBe(0);
    // Workday 18 carries 1,363,636 fen over four reps: 340,909 each.
    expect(await day('2026-03-25')).toBe(340_909);
  });

  it("the editor's history of who was on the team splits a draft as the API splits the target", async () => {
    const res = await call('GET', `/targets/membership?team=${sales}&kind=month&start=2026-03-01`, {
      token: org.managerToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ kind: 'month', start: '2026-03-01', end: '2026-03-31' });
    const froms = Object.fromEntries(
      res.body.stretches.map((p: { memberId: string; from: string }) => [p.memberId, p.from]),
    );
    expect(froms[D.id]).toBe('2026-03-25');
    expect(Object.keys(froms)).toHaveLength(4);
    expect(res.body.members.map((m: { name: string }) => m.name)).toEqual(['A', 'B', 'C', 'D']);
    // The shared rule over that history gives the shares the API gives the stored target.
    const settings = (await call('GET', '/me', { token: org.managerToken })).body.org.settings;
    const daily = spreadTarget(
      { period: { kind: 'month', start: '2026-03-01' }, value: 30_000_000 },
      settings.calendar,
    );
    const draft = splitDaily(daily, repsOnTeams(res.body.stretches, new Set([sales])));
    const stored = (
      await call('GET', `/targets?team=${sales}&metric=revenue`, { token: org.managerToken })
    ).body.targets.find((t: { teamId: string }) => t.teamId === sales);
    expect(draft.allocation.shares).toEqual(
      [...stored.allocation.shares].sort((a: { memberId: string }, b: { memberId: string }) =>
        a.memberId.localeCompare(b.memberId),
      ),
    );
    expect(draft.allocation.shares.find((x) => x.memberId === D.id)?.value).toBe(1_704_546);
  });

  it("only the team's managers read who shares its targets; a period start is checked", async () => {
    const path = `/targets/membership?team=${sales}&kind=month`;
    expect((await call('GET', `${path}&start=2026-03-01`, { token: A.token })).status).toBe(403);
    const bad = await call('GET', `${path}&start=2026-03-02`, { token: org.managerToken });
    expect(bad.status).toBe(400);
    const other = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
    const foreign = await call('GET', `${path}&start=2026-03-01`, { token: other.managerToken });
    expect([403, 404]).toContain(foreign.status);
  });

  it("the API's allocation of the target adds up exactly", async () => {
    const res = await call('GET', `/targets?team=${sales}&metric=revenue`, {
      token: org.managerToken,
    });
    const target = res.body.targets.find((t: { teamId: string }) => t.teamId === sales);
    expect(target.allocation).toMatchObject({ allocated: 30_000_000, unallocated: 0 });
    expect(target.allocation.shares).toHaveLength(4);
  });
});

describe('closed periods are locked and every change is kept', () => {
  it('refuses edits to an ended month until a manager reopens it; history keeps who, old → new, why', async () => {
    const { org, sales } = await salesOrg();
    at('2026-04-02T04:00:00Z');
    const body = {
      scope: 'team',
      teamId: sales,
      metric: 'revenue',
      period: march,
      value: 33_000_000,
      reason: 'price list changed',
    };
    const refused = await call('PUT', '/targets', { token: org.managerToken, body });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('period_closed');

    const reopen = await call('POST', '/targets/reopenings', {
      token: org.managerToken,
      body: { teamId: sales, start: '2026-03-01', end: '2026-03-31', reason: 'Q1 adjustment' },
    });
    expect(reopen.status).toBe(201);
    const saved = await call('PUT', '/targets', { token: org.managerToken, body });
    expect(saved.status).toBe(200);

    const history = await call('GET', `/targets/${saved.body.target.id}/changes`, {
      token: org.managerToken,
    });
    expect(history.status).toBe(200);
    expect(
      history.body.changes.map((c: { old: number | null; new: number; reason: string | null }) => [
        c.old,
        c.new,
        c.reason,
      ]),
    ).toEqual([
      [30_000_000, 33_000_000, 'price list changed'],
      [null, 30_000_000, null],
    ]);
    expect(history.body.changes[0].by.id).toBe(org.managerId);

    const close = await call('POST', `/targets/reopenings/${reopen.body.reopening.id}/close`, {
      token: org.managerToken,
    });
    expect(close.status).toBe(200);
    expect((await call('PUT', '/targets', { token: org.managerToken, body })).status).toBe(409);
    const list = await call('GET', '/targets/reopenings', { token: org.managerToken });
    expect(list.body.reopenings[0]).toMatchObject({
      reason: 'Q1 adjustment',
      openedBy: org.managerId,
      closedBy: org.managerId,
    });
  });
});

describe('level-by-level allocation', () => {
  it('a region allocates to its branches, each branch to its reps; every level shows allocated vs target', async () => {
    at('2026-05-01T02:00:00Z');
    const org = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
    const north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const beijing = await addTeam(org.managerToken, north, 'Beijing');
    const tianjin = await addTeam(org.managerToken, north, 'Tianjin');
    const bj = await addMember(org.managerToken, beijing, { timezone: 'Asia/Shanghai' });
    const tj1 = await addMember(org.managerToken, tianjin, { timezone: 'Asia/Shanghai' });
    await addMember(org.managerToken, tianjin, { timezone: 'Asia/Shanghai' });
    const june = { kind: 'month', start: '2026-06-01' };
    // North 900,000 by weights 2 : 1 → Beijing 600,000, Tianjin 300,000 (150,000 per rep).
    await put(org.managerToken, {
      scope: 'team',
      teamId: north,
      metric: 'revenue',
      period: june,
      value: 900_000,
      split: { mode: 'weights', over: 'teams', weights: { [beijing]: 2, [tianjin]: 1 } },
    });
    const tree = await call(
      'GET',
      `/targets/allocation?team=${north}&metric=revenue&kind=month&start=2026-06-01`,
      { token: org.managerToken },
    );
    expect(tree.status).toBe(200);
    expect(tree.body.tree).toMatchObject({ target: 900_000, allocated: 900_000, status: 'exact' });
    const tjLevel = tree.body.tree.children.find((c: { teamId: string }) => c.teamId === tianjin);
    expect(tjLevel).toMatchObject({ target: 300_000, source: 'allocated', allocated: 300_000 });
    expect(tjLevel.reps.map((r: { value: number }) => r.value)).toEqual([150_000, 150_000]);

    at('2026-06-10T04:00:00Z');
    const progress = async (token: string) =>
      (await call('GET', '/me/progress?period=month', { token })).body.metrics.find(
        (m: { metric: string }) => m.metric === 'revenue',
      ).target;
    expect(await progress(bj.token)).toBe(600_000);
    expect(await progress(tj1.token)).toBe(150_000);

    // Beijing sets its own 700,000: North is now over-allocated by 100,000, and Beijing's rep
    // is measured against the nearest allocation (Beijing's own).
    await put(org.managerToken, {
      scope: 'team',
      teamId: beijing,
      metric: 'revenue',
      period: june,
      value: 700_000,
    });
    const after = await call(
      'GET',
      `/targets/allocation?team=${north}&metric=revenue&kind=month&start=2026-06-01`,
      { token: org.managerToken },
    );
    expect(after.body.tree).toMatchObject({ allocated: 1_000_000, gap: -100_000, status: 'over' });
    expect(await progress(bj.token)).toBe(700_000);
  });

  it('a month set inside a year shows the year mismatch; re-spreading the remaining months makes it exact', async () => {
    at('2026-02-10T02:00:00Z');
    const org = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
    const year = { kind: 'year', start: '2026-01-01' };
    // 2026 has 261 workdays: 2,610,000 is 10,000 a workday; March (22 workdays) 220,000 of it.
    await put(org.managerToken, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'revenue',
      period: year,
      value: 2_610_000,
    });
    await put(org.managerToken, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'revenue',
      period: march,
      value: 300_000,
    });
    const path = `/targets/mismatch?team=${org.rootTeamId}&metric=revenue&kind=year&start=2026-01-01`;
    const before = await call('GET', path, { token: org.managerToken });
    expect(before.status).toBe(200);
    expect(before.body.mismatch).toMatchObject({
      target: 2_610_000,
      total: 2_690_000,
      gap: -80_000,
    });
    const respread = await call('POST', '/targets/respread', {
      token: org.managerToken,
      body: { teamId: org.rootTeamId, metric: 'revenue', period: year },
    });
    expect(respread.status).toBe(200);
    expect(respread.body.mismatch).toMatchObject({ total: 2_610_000, gap: 0 });
    // January has ended: it keeps the year's 220,000 (22 workdays) and gets no month target.
    const jan = respread.body.mismatch.months[0];
    expect(jan).toMatchObject({ start: '2026-01-01', own: false, locked: true, value: 220_000 });
  });
});
