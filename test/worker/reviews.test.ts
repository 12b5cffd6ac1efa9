/**
 * Reviews (worker/reviews/, shared/domain/review.ts) on a constructed November 2026 in Berlin
 * (Mon–Fri workdays: 21 of them), read on Wednesday Dec 2 with the clock pinned. Ada's figures
 * are the hand-checked month of shared/domain/review.test.ts, scaled to euro cents:
 * - history (Oct 15, inside the 90 days before Nov 1): 200 leads, 100 visits, 50 meetings,
 *   20 deals, €2,000 → usual rates 0.5, 0.5, 0.4 and an average deal of €100 (10,000 cents);
 * - plan: a revenue target of €1,000 (100,000 cents) for November → the plan needed
 *   100,000 / (10,000 × 0.5 × 0.5 × 0.4) = 100 leads;
 * - November: 80 leads, 40 visits, 10 meetings, 4 deals, €400 → visit → meeting (0.25 against
 *   0.5) explains ln 0.5 / ln 0.4 = 75.6 % of the gap, new leads the rest.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMember, call, createOrg, event, type OrgFixture, reopenAll } from './helpers.ts';

const TZ = 'Europe/Berlin';
const NOW = new Date('2026-12-02T10:00:00Z');

const at = (day: string) => `${day}T10:00:00.000Z`;

async function log(token: string, events: Record<string, unknown>[]) {
  const res = await call('POST', '/events', { token, body: { events } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
}

const funnelDay = (day: string, n: Record<string, number>) =>
  Object.entries(n).map(([metric, quantity]) => event({ metric, quantity, occurredAt: at(day) }));

interface Month {
  org: OrgFixture;
  ada: { id: string; token: string };
  bea: { id: string; token: string };
}

async function month(): Promise<Month> {
  const org = await createOrg({ timezone: TZ, currency: 'EUR' });
  const since = '2025-01-01';
  const ada = await addMember(org.managerToken, org.rootTeamId, { name: 'Ada', since });
  const bea = await addMember(org.managerToken, org.rootTeamId, { name: 'Bea', since });
  const cai = await addMember(org.managerToken, org.rootTeamId, { name: 'Cai', since });
  const dov = await addMember(org.managerToken, org.rootTeamId, { name: 'Dov', since });
  await reopenAll(org.managerToken, org.rootTeamId);
  const target = await call('PUT', '/targets', {
    token: org.managerToken,
    body: {
      scope: 'member',
      memberId: ada.id,
      metric: 'revenue',
      period: { kind: 'month', start: '2026-11-01' },
      value: 100_000,
    },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(200);
  const quota = await call('PUT', '/quotas', {
    token: org.managerToken,
    body: {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'calls',
      per: 'workday',
      value: 10,
      from: '2026-10-01',
    },
  });
  expect(quota.status, JSON.stringify(quota.body)).toBe(200);

  await log(ada.token, [
    // History: Oct 15 (also October's revenue, for "vs the previous period").
    ...funnelDay('2026-10-15', {
      leads: 200,
      visits: 100,
      meetings: 50,
      deals: 20,
      revenue: 200_000,
    }),
    // Last year's November: €500.
    event({ metric: 'revenue', quantity: 50_000, occurredAt: at('2025-11-12') }),
    // November.
    ...funnelDay('2026-11-10', { leads: 50, visits: 25, meetings: 6, deals: 3, revenue: 30_000 }),
    ...funnelDay('2026-11-20', { leads: 30, visits: 15, meetings: 4, deals: 1, revenue: 10_000 }),
    event({ metric: 'calls', quantity: 105, occurredAt: at('2026-11-16') }),
  ]);
  // The team's lead → visit rates in November: Bea 0.2, Cai 0.4, Dov 0.6 (Ada 0.5).
  await log(bea.token, funnelDay('2026-11-11', { leads: 10, visits: 2 }));
  await log(cai.token, funnelDay('2026-11-11', { leads: 10, visits: 4 }));
  await log(dov.token, funnelDay('2026-11-11', { leads: 10, visits: 6 }));
  return { org, ada, bea };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a rep’s review', () => {
  it('judges a constructed month: plan, last period, last year, quota, rates, bottleneck', async () => {
    const { ada } = await month();
    const res = await call('GET', '/reviews?period=month&date=2026-11-01', { token: ada.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const review = res.body.review;
    expect(review.period).toEqual({ kind: 'month', start: '2026-11-01', end: '2026-11-30' });
    expect(review.running).toBe(false);
    // €400 of a €1,000 plan; October €2,000 → −80 %; November 2025 €500 → −20 %.
    expect(review.attainment).toMatchObject({
      metric: 'revenue',
      achieved: 40_000,
      target: 100_000,
      plan: 100_000,
      percent: 40,
      previous: { period: { start: '2026-10-01' }, achieved: 200_000, change: -80 },
      lastYear: { period: { start: '2025-11-01' }, achieved: 50_000, change: -20 },
    });
    // 10 calls a workday × 21 workdays = 210; 105 logged = 50 %.
    expect(review.activities).toContainEqual({
      metric: 'calls',
      achieved: 105,
      quota: 210,
      percent: 50,
    });
    expect(review.funnel.counts).toEqual({
      leads: 80,
      visits: 40,
      meetings: 10,
      deals: 4,
      revenue: 40_000,
    });
    const stage = (name: string) =>
      review.funnel.stages.find((s: { stage: string }) => s.stage === name);
    // Team median of lead → visit: 0.2, 0.4, 0.5, 0.6 → (0.4 + 0.5) / 2 = 0.45.
    expect(stage('leadToVisit')).toMatchObject({ rate: 0.5, usual: 0.5, usualLearned: true });
    expect(stage('leadToVisit').teamMedian).toBeCloseTo(0.45, 10);
    // Visit → meeting: Ada 0.25, the others 0 (visits, no meetings) → median 0.
    expect(stage('visitToMeeting')).toMatchObject({ rate: 0.25, usual: 0.5, teamMedian: 0 });
    // Meeting → deal: only Ada had meetings: no median of fewer than three reps.
    expect(stage('meetingToDeal')).toMatchObject({ rate: 0.4, usual: 0.4, teamMedian: null });
    expect(review.funnel.avgDealSize).toMatchObject({ value: 10_000, usual: 10_000 });
    expect(review.bottleneck.stage).toBe('visitToMeeting');
    expect(review.bottleneck.share).toBeCloseTo(Math.log(0.5) / Math.log(0.4), 10);
    expect(review.sentence.en).toBe(
      'Bottleneck: visit → meeting — 25% against your usual 50%; it explains 76% of the gap.',
    );
    expect(review.sentence.zh).toBe('瓶颈在拜访→会议：25%，你平时为 50%；它解释了 76% 的差距。');
    expect(review.bestDay).toEqual({ date: '2026-11-10', value: 30_000 });
    expect(review.reflection).toBeNull();
  });

  it('stores the rep’s reflection, shows it to their manager and in the CSV, refuses bad input', async () => {
    const { org, ada, bea } = await month();
    const body = {
      period: { kind: 'month', start: '2026-11-01' },
      worked: 'Follow-up calls the day after a visit',
      change: 'Ask for the meeting during the visit',
      focus: '=Meetings booked on site',
    };
    const put = await call('PUT', '/reviews/reflection', { token: ada.token, body });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.reflection).toMatchObject({ worked: body.worked, focus: body.focus });

    const own = await call('GET', '/reviews?period=month&date=2026-11-15', { token: ada.token });
    expect(own.body.review.reflection).toMatchObject({ change: body.change });
    const managers = await call('GET', `/reviews?period=month&date=2026-11-15&member=${ada.id}`, {
      token: org.managerToken,
    });
    expect(managers.status).toBe(200);
    expect(managers.body.review.member).toEqual({ id: ada.id, name: 'Ada' });
    expect(managers.body.review.reflection.worked).toBe(body.worked);

    const team = await call('GET', '/reviews/team?period=month&date=2026-11-01', {
      token: org.managerToken,
    });
    expect(team.status, JSON.stringify(team.body)).toBe(200);
    expect(team.body.rows.map((r: { member: { name: string } }) => r.member.name)).toEqual([
      'Ada',
      'Bea',
      'Cai',
      'Dov',
    ]);
    const adaRow = team.body.rows[0];
    expect(adaRow).toMatchObject({
      achieved: 40_000,
      plan: 100_000,
      percent: 40,
      bottleneck: { stage: 'visitToMeeting' },
      reflection: { worked: body.worked },
    });
    // Bea has no target: nothing to explain.
    expect(team.body.rows[1].bottleneck).toBeNull();
    expect(team.body.medians.leadToVisit).toBeCloseTo(0.45, 10);

    const csv = await call('GET', '/reviews/team.csv?period=month&date=2026-11-01', {
      token: org.managerToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'member,member_id,period,period_start,period_end,metric,achieved,plan,currency,percent,bottleneck,bottleneck_share_percent,summary_en,summary_zh,what_worked,what_to_change,next_focus,reflection_updated_at',
    );
    // Euros with their cents; the formula-looking focus is neutralised with a leading quote.
    expect(lines[1]).toContain(
      `Ada,${ada.id},month,2026-11-01,2026-11-30,revenue,400.00,1000.00,EUR,40,visitToMeeting,75.6,`,
    );
    expect(lines[1]).toContain(`,"'=Meetings booked on site",`);

    // Bad input: 4xx, and the stored reflection is unchanged.
    const tooLong = await call('PUT', '/reviews/reflection', {
      token: ada.token,
      body: { ...body, worked: 'x'.repeat(501) },
    });
    expect(tooLong.status).toBe(400);
    const notAStart = await call('PUT', '/reviews/reflection', {
      token: ada.token,
      body: { ...body, period: { kind: 'month', start: '2026-11-03' } },
    });
    expect(notAStart.status).toBe(400);
    const quarter = await call('PUT', '/reviews/reflection', {
      token: ada.token,
      body: { ...body, period: { kind: 'quarter', start: '2026-10-01' } },
    });
    expect(quarter.status).toBe(400);
    const control = await call('PUT', '/reviews/reflection', {
      token: ada.token,
      body: { ...body, change: 'a\u0000b' },
    });
    expect(control.status).toBe(400);
    const after = await call('GET', '/reviews?period=month&date=2026-11-15', { token: ada.token });
    expect(after.body.review.reflection).toMatchObject({
      worked: body.worked,
      change: body.change,
    });

    // Access: a rep cannot read a colleague's review nor the team review; another org's id is 404.
    const peek = await call('GET', `/reviews?period=month&member=${ada.id}`, { token: bea.token });
    expect(peek.status).toBe(403);
    const repTeam = await call('GET', '/reviews/team?period=month', { token: bea.token });
    expect(repTeam.status).toBe(403);
    const other = await createOrg({ timezone: TZ });
    const foreign = await call('GET', `/reviews?period=month&member=${ada.id}`, {
      token: other.managerToken,
    });
    expect(foreign.status).toBe(404);
    const foreignTeam = await call('GET', `/reviews/team?team=${org.rootTeamId}`, {
      token: other.managerToken,
    });
    expect(foreignTeam.status).toBe(404);
  });
});

/**
 * The review's streak and contest rounds, on a UTC org with the default rules (Mon–Fri workdays,
 * a visit 5 points, a call 2, a daily goal of 20 points, one grace workday). Ada's November:
 * - 4 visits (20 points: a qualifying day) on Mon 2 – Sat 7 and Mon 9 – Wed 11: 5 + 1 (a
 *   qualifying Saturday adds one; Sunday 8 missed breaks nothing) + 3 = 9 days in a row, no freeze
 *   earned (one per 10); Thursday 12, a missed workday, ends that run;
 * - 9 calls on Wed 18 (18 points: not a qualifying day);
 * - 4 visits on Mon 23 – Fri 27 and Mon 30: 5 + 1 = 6 (weekend 28–29 missed, not needed).
 * → the month's streak: current 6 (the run at Nov 30), longest 9.
 * The "Sprint" contest (members, calls, Mon 16 – Fri 20 Nov) settles at midnight into Tue 24
 * after the grace Monday; Ada 9 calls, Bo 5 → Ada 1st of 2 and won, Bo 2nd of 2.
 */
describe('a rep’s review: streak and contests', () => {
  it('shows the streak within the period and the contest rounds settled in it', async () => {
    // Friday Nov 20, the round's last day: the org, the contest and the logs up to then.
    vi.setSystemTime(new Date('2026-11-20T15:00:00Z'));
    const org = await createOrg({ timezone: 'UTC' });
    const since = '2026-10-01';
    const ada = await addMember(org.managerToken, org.rootTeamId, {
      name: 'Ada',
      timezone: 'UTC',
      since,
    });
    const bo = await addMember(org.managerToken, org.rootTeamId, {
      name: 'Bo',
      timezone: 'UTC',
      since,
    });
    const created = await call('POST', '/contests', {
      token: org.managerToken,
      body: {
        name: 'Sprint',
        teamId: org.rootTeamId,
        metric: 'calls',
        start: '2026-11-16',
        end: '2026-11-20',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const contestId = created.body.contest.id as string;
    const visits = (days: string[]) =>
      days.map((d) => event({ metric: 'visits', quantity: 4, occurredAt: at(d) }));
    await log(ada.token, [
      ...visits(['02', '03', '04', '05', '06', '07', '09', '10', '11'].map((d) => `2026-11-${d}`)),
      event({ metric: 'calls', quantity: 9, occurredAt: at('2026-11-18') }),
    ]);
    await log(bo.token, [event({ metric: 'calls', quantity: 5, occurredAt: at('2026-11-19') })]);

    // Wednesday Dec 2: the rest of November logged; the first standings read settles the round.
    vi.setSystemTime(NOW);
    await log(ada.token, visits(['23', '24', '25', '26', '27', '30'].map((d) => `2026-11-${d}`)));
    const standings = await call('GET', `/contests/${contestId}/standings?date=2026-11-20`, {
      token: ada.token,
    });
    expect(standings.status, JSON.stringify(standings.body)).toBe(200);
    expect(standings.body.round).toMatchObject({ decided: true, provisional: false });

    const november = await call('GET', '/reviews?period=month&date=2026-11-01', {
      token: ada.token,
    });
    expect(november.status, JSON.stringify(november.body)).toBe(200);
    expect(november.body.review.streak).toEqual({ current: 6, longest: 9 });
    expect(november.body.review.contests).toEqual([
      { contestId, name: 'Sprint', roundEnd: '2026-11-20', rank: 1, of: 2, won: true },
    ]);

    // Bo, through the manager: second of two, not a winner.
    const bos = await call('GET', `/reviews?period=month&date=2026-11-01&member=${bo.id}`, {
      token: org.managerToken,
    });
    expect(bos.status, JSON.stringify(bos.body)).toBe(200);
    expect(bos.body.review.contests).toEqual([
      { contestId, name: 'Sprint', roundEnd: '2026-11-20', rank: 2, of: 2, won: false },
    ]);
    expect(bos.body.review.streak).toEqual({ current: 0, longest: 0 });

    // The round's week: its result, and no streak (18 points on Wed 18 miss the goal of 20).
    const roundWeek = await call('GET', '/reviews?period=week&date=2026-11-18', {
      token: ada.token,
    });
    expect(roundWeek.body.review.period).toMatchObject({ start: '2026-11-16', end: '2026-11-22' });
    expect(roundWeek.body.review.contests).toMatchObject([{ contestId, rank: 1, won: true }]);
    expect(roundWeek.body.review.streak).toEqual({ current: 0, longest: 0 });
    // The week after: no round ended in it; Mon 23 – Fri 27 qualify → 5 and 5.
    const nextWeek = await call('GET', '/reviews?period=week&date=2026-11-23', {
      token: ada.token,
    });
    expect(nextWeek.body.review.contests).toEqual([]);
    expect(nextWeek.body.review.streak).toEqual({ current: 5, longest: 5 });
  });
});
