/**
 * Targets by customer segment on a constructed month P (the one holding the day 40 days ago,
 * reopened for target edits), hand-checked: a rep's revenue and deal targets broken down into
 * new and existing customers, their progress per segment (new: first won deal in P; existing:
 * first won deal before P; unknown: won with no known customer), a team target's parts on the
 * board and its reps' shares, undo, and a merge moving a deal from a new customer to an
 * existing one. Read from the customer rollups (worker/db/customer-sales.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import {
  addMember,
  addTeam,
  call,
  createOrg,
  event,
  type MemberFixture,
  type OrgFixture,
  uuid,
} from './helpers.ts';

const inP = addDays(localDateOf(new Date(), 'UTC'), -40);

describe('targets by customer segment', () => {
  let org: OrgFixture;
  let north: string;
  let ada: MemberFixture;
  let bo: MemberFixture;
  let P: { start: string; end: string };
  let teamTargetId: string;
  const undone = uuid();

  /** A won deal (one log: a deal and its revenue) with the customer of `domain`, if any. */
  const deal = (domain: string | null, day: string, amount: number, id = uuid()) =>
    event({
      id,
      metric: 'deals',
      quantity: 1,
      amount,
      occurredAt: `${day}T12:00:00.000Z`,
      ...(domain ? { contact: { email: `buyer@${domain}` } } : {}),
    });

  async function post(rep: MemberFixture, events: Record<string, unknown>[]) {
    const res = await call('POST', '/events', { token: rep.token, body: { events } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(
      events.map(() => 'created'),
    );
  }

  const putTarget = (body: Record<string, unknown>) =>
    call('PUT', '/targets', {
      token: org.managerToken,
      body: { period: { kind: 'month', start: P.start }, ...body },
    });

  async function progressOf(rep: MemberFixture, metric: string) {
    const res = await call('GET', `/me/progress?period=month&date=${inP}`, { token: rep.token });
    expect(res.status).toBe(200);
    return res.body.metrics.find((m: { metric: string }) => m.metric === metric);
  }

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const since = '2020-01-01';
    ada = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Ada', since });
    bo = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Bo', since });
    const first = await call('GET', `/me/progress?period=month&date=${inP}`, { token: ada.token });
    P = first.body.period;
    const reopened = await call('POST', '/targets/reopenings', {
      token: org.managerToken,
      body: { teamId: org.rootTeamId, start: P.start, end: P.end, reason: 'segment targets' },
    });
    expect(reopened.status).toBe(201);
    const p = (n: number) => addDays(P.start, n);
    // Ada:
    //   a.test: a deal before P (100,000) and one in P (200,000): existing.
    //   d.test: first deals ever in P (50,000 + 70,000): new.
    //   no customer (30,000): unknown.
    //   f.test: new in P (90,000), undone: counts nowhere.
    await post(ada, [
      deal('a.test', addDays(P.start, -10), 100_000),
      deal('a.test', p(3), 200_000),
      deal('d.test', p(2), 50_000),
      deal('d.test', p(8), 70_000),
      deal(null, p(5), 30_000),
      deal('f.test', p(9), 90_000, undone),
    ]);
    expect((await call('POST', `/events/${undone}/void`, { token: ada.token })).status).toBe(200);
    // Bo: h.test first bought in P (60,000): new.
    await post(bo, [deal('h.test', p(4), 60_000)]);
  });

  it('refuses a breakdown that does not add up, or of a metric other than revenue and deals', async () => {
    const bad = await putTarget({
      scope: 'member',
      memberId: ada.id,
      metric: 'revenue',
      value: 1_000_000,
      breakdown: {
        by: 'customer',
        parts: [
          { segment: 'new', value: 400_000 },
          { segment: 'existing', value: 500_000 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const calls = await putTarget({
      scope: 'member',
      memberId: ada.id,
      metric: 'calls',
      value: 10,
      breakdown: { by: 'customer', parts: [{ segment: 'new', value: 10 }] },
    });
    expect(calls.status).toBe(400);
    expect(calls.body.error.message).toContain('revenue and deal');
  });

  it("shows a rep's progress per segment of their revenue and deal targets", async () => {
    const revenue = await putTarget({
      scope: 'member',
      memberId: ada.id,
      metric: 'revenue',
      value: 1_000_000,
      breakdown: {
        by: 'customer',
        parts: [
          { segment: 'new', value: 400_000 },
          { segment: 'existing', value: 600_000 },
        ],
      },
    });
    expect(revenue.status, JSON.stringify(revenue.body)).toBe(200);
    expect(revenue.body.target.breakdown.parts).toHaveLength(2);
    const deals = await putTarget({
      scope: 'member',
      memberId: ada.id,
      metric: 'deals',
      value: 10,
      breakdown: {
        by: 'customer',
        parts: [
          { segment: 'new', value: 4 },
          { segment: 'existing', value: 6 },
        ],
      },
    });
    expect(deals.status).toBe(200);
    // Revenue in P: 200,000 (a) + 120,000 (d) + 30,000 (no customer) = 350,000.
    expect(await progressOf(ada, 'revenue')).toMatchObject({
      achieved: 350_000,
      target: 1_000_000,
      breakdown: [
        { segment: 'new', achieved: 120_000, target: 400_000, percent: 30 },
        { segment: 'existing', achieved: 200_000, target: 600_000 },
        { segment: 'unknown', achieved: 30_000, target: null, percent: null },
      ],
    });
    expect((await progressOf(ada, 'deals')).breakdown).toEqual([
      { segment: 'new', achieved: 2, target: 4, percent: 50 },
      { segment: 'existing', achieved: 1, target: 6, percent: (1 / 6) * 100 },
      { segment: 'unknown', achieved: 1, target: null, percent: null },
    ]);
    // A metric without a breakdown carries none.
    expect((await progressOf(ada, 'calls')).breakdown).toBeUndefined();
  });

  it("splits a team target's parts over its reps with their shares; the board reads the team's", async () => {
    const res = await putTarget({
      scope: 'team',
      teamId: north,
      metric: 'revenue',
      value: 1_000_001,
      breakdown: {
        by: 'customer',
        parts: [
          { segment: 'new', value: 500_001 },
          { segment: 'existing', value: 500_000 },
        ],
      },
    });
    expect(res.status).toBe(200);
    teamTargetId = res.body.target.id;
    // Bo has no target of his own: his equal share of the team's (500,000 or 500,001 by the
    // rounding of the split) in the team target's proportions, adding up to it exactly.
    const bos = await progressOf(bo, 'revenue');
    const [n, e] = bos.breakdown;
    expect(n.target + e.target).toBe(bos.target);
    expect(n.target - e.target).toBeLessThanOrEqual(1);
    expect(bos.breakdown).toMatchObject([
      { segment: 'new', achieved: 60_000 },
      { segment: 'existing', achieved: 0 },
      { segment: 'unknown', achieved: 0 },
    ]);
    // The team, on the board: Ada's and Bo's won deals over the month.
    const board = await call('GET', `/targets/${teamTargetId}/segments`, {
      token: org.managerToken,
    });
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body).toMatchObject({
      metric: 'revenue',
      period: { start: P.start, end: P.end },
      segments: [
        { segment: 'new', achieved: 180_000, target: 500_001 },
        { segment: 'existing', achieved: 200_000, target: 500_000 },
        { segment: 'unknown', achieved: 30_000, target: null },
      ],
    });
    // A rep does not read the board's view; a target with no breakdown has none.
    expect(
      (await call('GET', `/targets/${teamTargetId}/segments`, { token: ada.token })).status,
    ).toBe(403);
    const plain = await putTarget({ scope: 'member', memberId: bo.id, metric: 'calls', value: 5 });
    expect(
      (
        await call('GET', `/targets/${plain.body.target.id}/segments`, {
          token: org.managerToken,
        })
      ).status,
    ).toBe(404);
  });

  it('the sidebar’s lookup gives the customer’s first won deal, for a deal’s segment before sync', async () => {
    const lookup = async (email: string) => {
      const res = await call('GET', `/customers/lookup?email=${encodeURIComponent(email)}`, {
        token: ada.token,
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    expect((await lookup('x@a.test')).firstDeal).toBe(addDays(P.start, -10));
    expect((await lookup('x@d.test')).firstDeal).toBe(addDays(P.start, 2));
    // A customer whose only deal was undone has none; one the rep does not have, none either.
    expect((await lookup('x@f.test')).firstDeal).toBeNull();
    expect(await lookup('x@nobody.test')).toMatchObject({ customer: null, firstDeal: null });
  });

  it('undo takes a deal off its segment', async () => {
    const late = uuid();
    await post(bo, [deal('h.test', addDays(P.start, 6), 5_000, late)]);
    const segments = async () =>
      (await call('GET', `/targets/${teamTargetId}/segments`, { token: org.managerToken })).body
        .segments[0].achieved;
    expect(await segments()).toBe(185_000);
    expect((await call('POST', `/events/${late}/void`, { token: bo.token })).status).toBe(200);
    expect(await segments()).toBe(180_000);
  });

  it('a merge into an existing customer moves the new customer’s deals to existing', async () => {
    const list = await call('GET', '/customers', { token: ada.token });
    const id = (name: string) =>
      list.body.customers.find((c: { name: string }) => c.name === name).id as string;
    const merged = await call('POST', `/customers/${id('a.test')}/merge`, {
      token: ada.token,
      body: { from: [id('d.test')] },
    });
    expect(merged.status).toBe(200);
    // d.test's 120,000 now belongs to a.test, first bought before P.
    expect((await progressOf(ada, 'revenue')).breakdown).toMatchObject([
      { segment: 'new', achieved: 0 },
      { segment: 'existing', achieved: 320_000 },
      { segment: 'unknown', achieved: 30_000 },
    ]);
    expect((await progressOf(ada, 'deals')).breakdown).toMatchObject([
      { segment: 'new', achieved: 0 },
      { segment: 'existing', achieved: 3 },
      { segment: 'unknown', achieved: 1 },
    ]);
  });
});

/**
 * Targets by product category on the same kind of month: the org's own categories, won deals
 * carrying one (refused for a category the org does not have, or on a log that is not a won
 * deal), a revenue target broken down 70 / 30 over two categories, progress per category, a
 * category won but not targeted, what was won with no category, and undo.
 */
describe('targets by product category', () => {
  let org: OrgFixture;
  let ada: MemberFixture;
  let P: { start: string; end: string };
  const undone = uuid();

  const deal = (category: string | null, day: string, amount: number, id = uuid()) =>
    event({
      id,
      metric: 'deals',
      quantity: 1,
      amount,
      occurredAt: `${day}T12:00:00.000Z`,
      ...(category ? { category } : {}),
    });

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    ada = await addMember(org.managerToken, org.rootTeamId, {
      timezone: 'UTC',
      name: 'Ada',
      since: '2020-01-01',
    });
    const patched = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        productCategories: [
          { id: 'software', name: '软件' },
          { id: 'service', name: 'Service' },
          { id: 'hardware', name: 'Hardware' },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const first = await call('GET', `/me/progress?period=month&date=${inP}`, { token: ada.token });
    P = first.body.period;
    const reopened = await call('POST', '/targets/reopenings', {
      token: org.managerToken,
      body: { teamId: org.rootTeamId, start: P.start, end: P.end, reason: 'category targets' },
    });
    expect(reopened.status).toBe(201);
  });

  it('a won deal carries one of the org’s categories; anything else is refused', async () => {
    const p = (n: number) => addDays(P.start, n);
    const res = await call('POST', '/events', {
      token: ada.token,
      body: {
        events: [
          deal('software', p(1), 500_000),
          deal('software', p(2), 200_000),
          deal('service', p(3), 100_000),
          deal('hardware', p(4), 40_000),
          deal(null, p(5), 10_000),
          deal('service', p(6), 90_000, undone),
          deal('furniture', p(7), 1),
          event({ metric: 'calls', category: 'software', occurredAt: `${p(7)}T12:00:00.000Z` }),
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      ...Array(6).fill('created'),
      'rejected',
      'rejected',
    ]);
    expect(res.body.results[6].error.message).toContain('furniture');
    expect((await call('POST', `/events/${undone}/void`, { token: ada.token })).status).toBe(200);
    const recent = await call('GET', '/me/events', { token: ada.token });
    expect(recent.body.events.map((e: { category?: string }) => e.category ?? null)).toContain(
      'software',
    );
  });

  it('shows progress per category: targeted, won but not targeted, and with no category', async () => {
    const bad = await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'member',
        memberId: ada.id,
        metric: 'revenue',
        period: { kind: 'month', start: P.start },
        value: 1_000_000,
        breakdown: { by: 'category', parts: [{ category: 'furniture', value: 1_000_000 }] },
      },
    });
    expect(bad.status).toBe(400);
    const put = await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'member',
        memberId: ada.id,
        metric: 'revenue',
        period: { kind: 'month', start: P.start },
        value: 1_000_000,
        breakdown: {
          by: 'category',
          parts: [
            { category: 'software', value: 700_000 },
            { category: 'service', value: 300_000 },
          ],
        },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const progress = await call('GET', `/me/progress?period=month&date=${inP}`, {
      token: ada.token,
    });
    const revenue = progress.body.metrics.find((m: { metric: string }) => m.metric === 'revenue');
    // Won in P: software 700,000, service 100,000 (90,000 undone), hardware 40,000, none 10,000.
    expect(revenue.achieved).toBe(850_000);
    expect(revenue.breakdown).toEqual([
      {
        segment: 'category:software',
        label: '软件',
        achieved: 700_000,
        target: 700_000,
        percent: 100,
      },
      {
        segment: 'category:service',
        label: 'Service',
        achieved: 100_000,
        target: 300_000,
        percent: (100_000 / 300_000) * 100,
      },
      {
        segment: 'category:hardware',
        label: 'Hardware',
        achieved: 40_000,
        target: null,
        percent: null,
      },
      { segment: 'uncategorised', achieved: 10_000, target: null, percent: null },
    ]);
    const board = await call('GET', `/targets/${put.body.target.id}/segments`, {
      token: org.managerToken,
    });
    expect(board.body.segments.map((s: { achieved: number }) => s.achieved)).toEqual([
      700_000, 100_000, 40_000, 10_000,
    ]);
  });
});
