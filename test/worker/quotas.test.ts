/**
 * Activity quotas (worker/quotas, shared/domain/quotas.ts), pace status on the board
 * (shared/domain/pace.ts), the funnel's rates, "needed today" and personal goals, with numbers
 * computed by hand on a calendar with China's 2026 National Day: Oct 1–7 off (Thu–Wed), make-up
 * workdays Sun Sep 27 and Sat Oct 10. The clock is pinned, so the test means the same on any date.
 *
 * October 2026 (Oct 1 is a Thursday): 22 weekdays − 5 weekday holidays (1, 2, 5, 6, 7) + the
 * make-up Saturday the 10th = 18 workdays.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMember, call, createOrg, event, type OrgFixture } from './helpers.ts';

const TZ = 'Asia/Shanghai';
/** Wednesday Oct 14, 12:00 in Shanghai: half of the 09:00–18:00 working day gone (≈ 0.333). */
const NOON_OCT_14 = new Date('2026-10-14T04:00:00Z');

const CALENDAR = {
  timezone: TZ,
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
};

async function chineseOrg(): Promise<OrgFixture> {
  const org = await createOrg({ timezone: TZ, currency: 'CNY' });
  const res = await call('PATCH', '/org', {
    token: org.managerToken,
    body: { calendar: CALENDAR },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return org;
}

async function putQuota(token: string, body: Record<string, unknown>) {
  return call('PUT', '/quotas', { token, body });
}

async function progress(token: string, period: string, date?: string) {
  const res = await call('GET', `/me/progress?period=${period}${date ? `&date=${date}` : ''}`, {
    token,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const targetOf = (body: { metrics: { metric: string; target: number }[] }, metric: string) =>
  body.metrics.find((m) => m.metric === metric)?.target;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOON_OCT_14);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('activity quotas', () => {
  it('derives a per-workday quota into every period through the calendar, holidays and make-up days included', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const set = await putQuota(org.managerToken, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
      from: '2026-09-01',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.quota).toMatchObject({
      teamId: org.rootTeamId,
      per: 'workday',
      value: 5,
      from: '2026-09-01',
    });

    // Today (a Wednesday workday): 5.
    const today = await progress(rep.token, 'day');
    expect(targetOf(today, 'visits')).toBe(5);
    expect(today.quotas).toEqual([{ metric: 'visits', per: 'workday', value: 5, source: 'team' }]);
    // October: 18 workdays × 5 = 90.
    expect(targetOf(await progress(rep.token, 'month'), 'visits')).toBe(90);
    // A holiday carries nothing; the make-up Saturday carries the quota.
    expect(targetOf(await progress(rep.token, 'day', '2026-10-05'), 'visits')).toBe(0);
    expect(targetOf(await progress(rep.token, 'day', '2026-10-10'), 'visits')).toBe(5);
    // The week Sep 21–27 has six workdays (the make-up Sunday): 30.
    expect(targetOf(await progress(rep.token, 'week', '2026-09-21'), 'visits')).toBe(30);
    // Q4 (Oct–Dec 2026): Oct 18 + Nov 21 + Dec 23 workdays = 62 × 5 = 310.
    expect(targetOf(await progress(rep.token, 'quarter'), 'visits')).toBe(310);
    // Other metrics have no quota.
    expect(targetOf(today, 'calls')).toBe(0);
  });

  it("spreads a weekly quota over each week's workdays; a week split by the month counts its own days", async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const set = await putQuota(org.managerToken, {
      scope: 'member',
      memberId: rep.id,
      metric: 'calls',
      per: 'week',
      value: 10,
      from: '2026-09-01',
    });
    expect(set.status).toBe(200);
    // Sep 28–Oct 4 works Mon–Wed only (all September); Oct 5–11 works Thu 8, Fri 9, Sat 10;
    // Oct 12–18, 19–25 and 26–Nov 1 work Mon–Fri, all in October: 4 weeks × 10 = 40.
    expect(targetOf(await progress(rep.token, 'month'), 'calls')).toBe(40);
    expect(targetOf(await progress(rep.token, 'week', '2026-10-05'), 'calls')).toBe(10);
    // Oct 8–10 share 10 as 3 + 3 + 4 in some order: each day 3 or 4, summing to 10.
    const days = await Promise.all(
      ['2026-10-08', '2026-10-09', '2026-10-10'].map(async (d) =>
        targetOf(await progress(rep.token, 'day', d), 'calls'),
      ),
    );
    expect(days.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(10);
    for (const d of days) expect([3, 4]).toContain(d);
    // Its own week (Oct 12–18) with five workdays: 2 a day.
    expect(targetOf(await progress(rep.token, 'day'), 'calls')).toBe(2);
  });

  it('lets an explicit target win on the days it covers, a member quota over the team quota, and a later quota from its first day', async () => {
    const org = await chineseOrg();
    const a = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const b = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const manager = org.managerToken;
    await putQuota(manager, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
      from: '2026-09-01',
    });
    // A: an explicit 30 for the week Oct 12–18 (quota would be 25): 90 − 25 + 30 = 95.
    const target = await call('PUT', '/targets', {
      token: manager,
      body: {
        scope: 'member',
        memberId: a.id,
        metric: 'visits',
        period: { kind: 'week', start: '2026-10-12' },
        value: 30,
      },
    });
    expect(target.status).toBe(200);
    expect(targetOf(await progress(a.token, 'month'), 'visits')).toBe(95);
    // B: their own 3 per workday from Oct 19. Before: Oct 8, 9, 10, 12–16 = 8 workdays × 5 = 40;
    // from the 19th: 19–23, 26–30 = 10 workdays × 3 = 30. October = 70.
    const own = await putQuota(manager, {
      scope: 'member',
      memberId: b.id,
      metric: 'visits',
      per: 'workday',
      value: 3,
      from: '2026-10-19',
    });
    expect(own.status).toBe(200);
    expect(targetOf(await progress(b.token, 'month'), 'visits')).toBe(70);
    // The team quota raised to 6 from Oct 26: A's October = 95 + 5 workdays (26–30) × 1 = 100;
    // B keeps their own quota.
    await putQuota(manager, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 6,
      from: '2026-10-26',
    });
    expect(targetOf(await progress(a.token, 'month'), 'visits')).toBe(100);
    expect(targetOf(await progress(b.token, 'month'), 'visits')).toBe(70);
    // Managers carry no team quota.
    expect(targetOf(await progress(manager, 'month'), 'visits')).toBe(0);
    // The board ranked by visits shows the quota as the target.
    const board = await call('GET', `/leaderboard?team=${org.rootTeamId}&period=month&by=visits`, {
      token: manager,
    });
    expect(board.status).toBe(200);
    const entry = (id: string) =>
      board.body.entries.find((e: { member: { id: string } }) => e.member.id === id);
    expect(entry(a.id).target).toBe(100);
    expect(entry(b.id).target).toBe(70);
  });

  it('is set and read by managers only, org-scoped and bounded', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const other = await chineseOrg();
    const ok = {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
    };
    // From defaults to the caller's today.
    const set = await putQuota(org.managerToken, ok);
    expect(set.status).toBe(200);
    expect(set.body.quota.from).toBe('2026-10-14');
    expect((await putQuota(rep.token, ok)).status).toBe(403);
    expect((await putQuota(other.managerToken, ok)).status).toBe(404);
    for (const bad of [
      { ...ok, value: -1 },
      { ...ok, value: 2.5 },
      { ...ok, per: 'month' },
      { ...ok, metric: 'revenue' },
      { ...ok, metric: 'nonsense' },
      { ...ok, from: '2026-02-30' },
      { scope: 'member', metric: 'visits', per: 'workday', value: 5 },
    ]) {
      const res = await putQuota(org.managerToken, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    // Reps read the quotas that apply to them; another org sees none of them.
    const mine = await call('GET', '/quotas', { token: rep.token });
    expect(mine.status).toBe(200);
    expect(mine.body.quotas).toHaveLength(1);
    const theirs = await call('GET', '/quotas', { token: other.managerToken });
    expect(theirs.body.quotas).toHaveLength(0);
    // Deleting: another org's manager gets 404, a rep 403, the manager 200; then it is gone.
    const id = set.body.quota.id;
    expect((await call('DELETE', `/quotas/${id}`, { token: other.managerToken })).status).toBe(404);
    expect((await call('DELETE', `/quotas/${id}`, { token: rep.token })).status).toBe(403);
    expect((await call('DELETE', `/quotas/${id}`, { token: org.managerToken })).status).toBe(200);
    expect(targetOf(await progress(rep.token, 'day'), 'visits')).toBe(0);
  });

  it('changes the progress ETag, so a client sees a new quota on its next sync', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const first = await call('GET', '/me/progress?period=day', { token: rep.token });
    const etag = first.headers.get('etag') ?? '';
    await putQuota(org.managerToken, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
    });
    const again = await call('GET', '/me/progress?period=day', {
      token: rep.token,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(200);
    expect(targetOf(again.body, 'visits')).toBe(5);
  });
});

describe('pace status on the board', () => {
  it('is on track, at risk or off track against the pace line at the start of the day', async () => {
    const org = await chineseOrg();
    const reps = await Promise.all(
      // On the team since September: September's board (below) has them too.
      [0, 1, 2].map(() =>
        addMember(org.managerToken, org.rootTeamId, { timezone: TZ, since: '2026-09-01' }),
      ),
    );
    await putQuota(org.managerToken, {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
      from: '2026-10-01',
    });
    // Expected by the start of Oct 14: workdays 8, 9, 10, 12, 13 × 5 = 25. 25 → on track;
    // 23 (8 % behind) → at risk; 22 (12 % behind) → off track.
    const counts = [25, 23, 22];
    await Promise.all(
      reps.map((rep, i) =>
        call('POST', '/events', {
          token: rep.token,
          body: {
            events: [
              event({ metric: 'visits', quantity: counts[i], occurredAt: '2026-10-13T03:00:00Z' }),
            ],
          },
        }),
      ),
    );
    const board = await call('GET', `/leaderboard?team=${org.rootTeamId}&period=month&by=visits`, {
      token: org.managerToken,
    });
    const pace = (id: string) =>
      board.body.entries.find((e: { member: { id: string } }) => e.member.id === id)?.pace;
    expect(reps.map((r) => pace(r.id))).toEqual(['on-track', 'at-risk', 'off-track']);
    // A closed period has no pace status.
    const past = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=month&by=visits&date=2026-09-15`,
      { token: org.managerToken },
    );
    expect(past.body.entries.map((e: { pace: unknown }) => e.pace)).toEqual([null, null, null]);
    // Team standings pool it: 70 of 75 expected (6.7 % behind) → at risk.
    const child = await call('POST', '/teams', {
      token: org.managerToken,
      body: { name: 'East', parentId: org.rootTeamId },
    });
    expect(child.status).toBe(201);
    for (const rep of reps) {
      await call('PATCH', `/members/${rep.id}`, {
        token: org.managerToken,
        body: { teamId: child.body.team.id },
      });
    }
    const teams = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=month&by=visits&group=teams`,
      { token: org.managerToken },
    );
    expect(teams.body.entries[0]).toMatchObject({ achieved: 70, target: 270, pace: 'at-risk' });
  });
});

describe('the funnel', () => {
  it('shows the rates it plans with and their look-back; stages with too little history say so', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'member',
        memberId: rep.id,
        metric: 'revenue',
        period: { kind: 'month', start: '2026-10-01' },
        value: 10_000_000,
      },
    });
    // History: 40 leads → 10 visits (25 %, learned); 10 visits → 2 meetings (too few visits: 10 < 20).
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [
          event({ metric: 'leads', quantity: 40, occurredAt: '2026-09-10T03:00:00Z' }),
          event({ metric: 'visits', quantity: 10, occurredAt: '2026-09-11T03:00:00Z' }),
          event({ metric: 'meetings', quantity: 2, occurredAt: '2026-09-12T03:00:00Z' }),
        ],
      },
    });
    const body = await progress(rep.token, 'month');
    expect(body.funnel.conversion).toMatchObject({
      lookBackDays: 90,
      leadToVisit: { rate: 0.25, learned: true },
      visitToMeeting: { learned: false },
      meetingToDeal: { learned: false },
      avgDealSize: { learned: false },
    });
  });
});

describe('needed per day near the end of the period', () => {
  it('is the whole shortfall below one remaining workday ("needed today"), not a division by minutes', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'member',
        memberId: rep.id,
        metric: 'revenue',
        period: { kind: 'month', start: '2026-10-01' },
        value: 1_000_000,
      },
    });
    // Friday Oct 30 (the last workday), 17:59 in Shanghai.
    vi.setSystemTime(new Date('2026-10-30T09:59:00Z'));
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [
          event({ metric: 'revenue', quantity: 990_000, occurredAt: '2026-10-30T09:00:00Z' }),
        ],
      },
    });
    const revenue = (await progress(rep.token, 'month')).metrics.find(
      (m: { metric: string }) => m.metric === 'revenue',
    );
    expect(revenue.neededPerWorkday).toBe(10_000);
    expect(revenue.remainingWorkdays).toBeLessThan(1);
  });
});

describe('personal goals', () => {
  it('sets a stretch goal at or above the assigned target; reports keep the assigned target', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'member',
        memberId: rep.id,
        metric: 'revenue',
        period: { kind: 'month', start: '2026-10-01' },
        value: 1_000_000,
      },
    });
    const period = { kind: 'month', start: '2026-10-01' };
    const low = await call('PUT', '/me/goals', {
      token: rep.token,
      body: { period, value: 999_999 },
    });
    expect(low.status).toBe(400);
    expect(
      (
        await call('PUT', '/me/goals', {
          token: rep.token,
          body: { period: { kind: 'month', start: '2026-10-02' }, value: 2_000_000 },
        })
      ).status,
    ).toBe(400);
    const set = await call('PUT', '/me/goals', {
      token: rep.token,
      body: { period, value: 1_500_000 },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.goal).toMatchObject({
      metric: 'revenue',
      value: 1_500_000,
      assigned: 1_000_000,
    });
    const body = await progress(rep.token, 'month');
    expect(body.goal).toEqual({ metric: 'revenue', value: 1_500_000 });
    expect(targetOf(body, 'revenue')).toBe(1_000_000);
    const board = await call('GET', `/leaderboard?team=${org.rootTeamId}&period=month`, {
      token: org.managerToken,
    });
    expect(board.body.entries[0].target).toBe(1_000_000);
    // Cleared with null.
    const cleared = await call('PUT', '/me/goals', {
      token: rep.token,
      body: { period, value: null },
    });
    expect(cleared.body.goal).toBeNull();
    expect((await progress(rep.token, 'month')).goal).toBeNull();
  });
});
