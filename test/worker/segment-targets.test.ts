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

  it('the board lists each rep’s progress per segment, as their own progress shows it', async () => {
    const reps = async (query: string, token = org.managerToken) =>
      call('GET', `/targets/segments/reps?${query}`, { token });
    const span = `from=${P.start}&to=${P.end}`;
    const res = await reps(`team=${north}&${span}&metric=revenue`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.period).toEqual({ start: P.start, end: P.end });
    // Ada (her own split target) and Bo (his share of the team's), by name.
    expect(res.body.reps.map((r: { member: { name: string } }) => r.member.name)).toEqual([
      'Ada',
      'Bo',
    ]);
    expect(res.body.reps[0].segments).toEqual((await progressOf(ada, 'revenue')).breakdown);
    expect(res.body.reps[1].segments).toEqual((await progressOf(bo, 'revenue')).breakdown);
    const deals = await reps(`team=${north}&${span}&metric=deals`);
    expect(deals.body.reps.map((r: { member: { id: string } }) => r.member.id)).toEqual([ada.id]);
    expect(deals.body.reps[0].segments).toEqual((await progressOf(ada, 'deals')).breakdown);
    // A metric that cannot be split has no rows; a rep may not read it; bad input is a 400.
    expect((await reps(`team=${north}&${span}&metric=calls`)).body.reps).toEqual([]);
    expect((await reps(`team=${north}&${span}&metric=revenue`, ada.token)).status).toBe(403);
    expect((await reps(`team=${north}&from=${P.end}&to=${P.start}&metric=revenue`)).status).toBe(
      400,
    );
    expect((await reps(`team=${north}&${span}`)).status).toBe(400);
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

  it('a won deal’s category changes after the fact: its rep or manager, the parts follow exactly', async () => {
    const p = (n: number) => addDays(P.start, n);
    const moved = uuid();
    const bare = uuid();
    const calls = uuid();
    const posted = await call('POST', '/events', {
      token: ada.token,
      body: {
        events: [
          deal('software', p(10), 30_000, moved),
          deal(null, p(10), 20_000, bare),
          event({ id: calls, metric: 'calls', occurredAt: `${p(10)}T12:00:00.000Z` }),
        ],
      },
    });
    expect(posted.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'created',
    ]);
    /** What was won per part, and in total, as the member's progress reads the rollups. */
    const parts = async () => {
      const res = await call('GET', `/me/progress?period=month&date=${inP}`, { token: ada.token });
      const revenue = res.body.metrics.find((m: { metric: string }) => m.metric === 'revenue');
      return {
        total: revenue.achieved,
        ...Object.fromEntries(
          revenue.breakdown.map((s: { segment: string; achieved: number }) => [
            s.segment,
            s.achieved,
          ]),
        ),
      };
    };
    const patch = (id: string, category: unknown, token = ada.token) =>
      call('PATCH', `/events/${id}/category`, { token, body: { category } });
    const start = await parts();
    // 850,000 before this test, + 50,000.
    expect(start).toEqual({
      total: 900_000,
      'category:software': 730_000,
      'category:service': 100_000,
      'category:hardware': 40_000,
      uncategorised: 30_000,
    });

    // The rep moves a deal to another category; the manager gives one without a category one.
    // A device holding the progress from before asks again and is answered anew, not 304.
    const cached = await call('GET', `/me/progress?period=month&date=${inP}`, { token: ada.token });
    const byRep = await patch(moved, 'service');
    expect(byRep.status, JSON.stringify(byRep.body)).toBe(200);
    expect(byRep.body).toEqual({ id: moved, category: 'service' });
    const again = await call('GET', `/me/progress?period=month&date=${inP}`, {
      token: ada.token,
      headers: { 'if-none-match': cached.headers.get('etag') ?? '' },
    });
    expect(cached.headers.get('etag')).toBeTruthy();
    expect(again.status).toBe(200);
    expect((await patch(bare, 'hardware', org.managerToken)).status).toBe(200);
    const after = {
      ...start,
      'category:software': 700_000,
      'category:service': 130_000,
      'category:hardware': 60_000,
      uncategorised: 10_000,
    };
    expect(await parts()).toEqual(after);
    // Back and forth, to none and back: the same parts as one move.
    for (const c of ['software', null, 'hardware', 'service']) {
      expect((await patch(moved, c)).status).toBe(200);
    }
    expect(await parts()).toEqual(after);
    // Its recent-log view and the events CSV show the category as it stands now.
    const recent = await call('GET', '/me/events', { token: ada.token });
    expect(recent.body.events.find((e: { id: string }) => e.id === moved)?.category).toBe(
      'service',
    );
    const csv = await call(
      'GET',
      `/export/events.csv?team=${org.rootTeamId}&from=${p(10)}&to=${p(10)}`,
      { token: org.managerToken },
    );
    expect(csv.status).toBe(200);
    const [header, ...lines] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = (header ?? '').split(',');
    const categoryOf = (id: string) =>
      lines.find((l) => l.startsWith(id))?.split(',')[columns.indexOf('category')];
    expect(columns).toContain('category');
    expect(categoryOf(moved)).toBe('service');
    expect(categoryOf(bare)).toBe('hardware');
    expect(categoryOf(calls)).toBe('');

    // Undo after the change takes the deal off the category it has now.
    expect((await call('POST', `/events/${moved}/void`, { token: ada.token })).status).toBe(200);
    expect(await parts()).toEqual({
      ...after,
      total: 870_000,
      'category:service': 100_000,
    });
    // Refused, changing nothing: an undone deal (409), a log that is not a won deal, a category
    // the org does not have, a malformed one (400), another rep's deal or an unknown id (404).
    expect((await patch(moved, 'software')).status).toBe(409);
    expect((await patch(calls, 'software')).status).toBe(400);
    expect((await patch(bare, 'furniture')).status).toBe(400);
    expect((await patch(bare, 'Not An Id')).status).toBe(400);
    expect(
      (await call('PATCH', `/events/${bare}/category`, { token: ada.token, body: {} })).status,
    ).toBe(400);
    const peer = await addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC' });
    expect((await patch(bare, 'software', peer.token)).status).toBe(404);
    expect((await patch(uuid(), 'software')).status).toBe(404);
    expect(await parts()).toEqual({ ...after, total: 870_000, 'category:service': 100_000 });
  });
});
