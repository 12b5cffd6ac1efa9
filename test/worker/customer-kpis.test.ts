/**
 * Customer KPIs on a constructed quarter P (the one holding the day 100 days ago: wholly past,
 * within the 400 days logs reach back) and the quarter Q before it, hand-checked per rep and per
 * team: new customers (first won deal in P), repeat purchase rate (existing customers who bought
 * again in P / customers whose first deal was before P) and retention rate (bought in Q and in
 * P / bought in Q). A customer is the business domain of the contact's email
 * (shared/domain/customers.ts); a purchase is a won deal linked to one. Read from the customer
 * rollups (worker/db/customer-sales.ts); undo and merges move them.
 */
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSegment } from '../../shared/api/index.ts';
import { customerSegment, firstDealRange, inDayRange } from '../../shared/domain/breakdown.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { customerPartsOf } from '../../worker/customer-kpis/queries.ts';
import * as schema from '../../worker/db/schema.ts';
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

const inP = addDays(localDateOf(new Date(), 'UTC'), -100);

describe('customer KPIs over a quarter', () => {
  let org: OrgFixture;
  let north: string;
  let ada: MemberFixture;
  let bo: MemberFixture;
  let P: { start: string; end: string };
  let Q: { start: string; end: string };
  const voidedDeal = uuid();

  const board = async (by: string, extra = '') => {
    const res = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=quarter&date=${inP}&by=${by}${extra}`,
      { token: org.managerToken },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  // biome-ignore lint/suspicious/noExplicitAny: tests read replies loosely and assert on them
  const entryOf = (body: { entries: any[] }, id: string) =>
    body.entries.find((e) => e.member.id === id);

  /** A won deal (one log: a deal and its revenue) with the customer of `domain`. */
  const deal = (domain: string, day: string, extra: Record<string, unknown> = {}) =>
    event({
      metric: 'deals',
      quantity: 1,
      amount: 100_000,
      occurredAt: `${day}T12:00:00.000Z`,
      contact: { email: `buyer@${domain}` },
      ...extra,
    });

  async function post(rep: MemberFixture, events: Record<string, unknown>[]) {
    const res = await call('POST', '/events', { token: rep.token, body: { events } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(
      events.map(() => 'created'),
    );
  }

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const since = '2020-01-01';
    ada = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Ada', since });
    bo = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Bo', since });
    P = (await board('attainment')).period;
    const q = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=quarter&date=${addDays(P.start, -1)}`,
      { token: org.managerToken },
    );
    Q = q.body.period;
    const beforeQ = addDays(Q.start, -20);
    const p = (n: number) => addDays(P.start, n);
    const q0 = (n: number) => addDays(Q.start, n);
    // Ada:
    //   a.test bought before Q and in P: existing, returning.
    //   b.test bought in Q and in P: existing, returning, previous buyer, retained.
    //   c.test bought in Q only: existing, previous buyer.
    //   d.test bought twice in P, never before: one new customer.
    //   e.test only visited in P: no purchase, counts nowhere.
    //   f.test bought in P, but the deal was undone: counts nowhere.
    await post(ada, [
      deal('a.test', beforeQ),
      deal('a.test', p(10)),
      deal('b.test', q0(5)),
      deal('b.test', p(20)),
      deal('c.test', q0(30)),
      deal('d.test', p(3)),
      deal('d.test', p(40)),
      event({
        metric: 'visits',
        occurredAt: `${p(7)}T12:00:00.000Z`,
        contact: { email: 'x@e.test' },
      }),
      deal('f.test', p(15), { id: voidedDeal }),
    ]);
    const undone = await call('POST', `/events/${voidedDeal}/void`, { token: ada.token });
    expect(undone.status).toBe(200);
    // Bo:
    //   g.test bought in Q and in P: existing, returning, previous buyer, retained.
    //   h.test, i.test first bought in P: two new customers.
    await post(bo, [
      deal('g.test', q0(50)),
      deal('g.test', p(50)),
      deal('h.test', p(1)),
      deal('i.test', p(60)),
    ]);
  });

  it('new customers: a first won deal in the period, each customer once', async () => {
    const body = await board('new_customers');
    // Ada: d.test (bought twice in P) = 1. Bo: h.test + i.test = 2.
    expect(entryOf(body, ada.id)).toMatchObject({ value: 1, rank: 2 });
    expect(entryOf(body, bo.id)).toMatchObject({ value: 2, rank: 1 });
  });

  it('repeat purchase rate: existing customers who bought again / existing customers', async () => {
    const body = await board('repeat_rate');
    // Ada: existing (first deal before P) = a, b, c = 3; of them bought in P = a, b = 2 → 66.7 %.
    expect(entryOf(body, ada.id).parts).toEqual({ numerator: 2, denominator: 3 });
    expect(entryOf(body, ada.id).value).toBeCloseTo(200 / 3, 9);
    // Bo: existing = g = 1, bought in P = 1 → 100 %.
    expect(entryOf(body, bo.id)).toMatchObject({
      value: 100,
      parts: { numerator: 1, denominator: 1 },
    });
  });

  it('retention rate: bought in the previous quarter and again in this one / bought then', async () => {
    const body = await board('retention_rate');
    // Ada: bought in Q = b, c = 2; of them again in P = b = 1 → 50 %.
    expect(entryOf(body, ada.id)).toMatchObject({
      value: 50,
      parts: { numerator: 1, denominator: 2 },
    });
    // Bo: bought in Q = g; again in P = g → 100 %.
    expect(entryOf(body, bo.id)).toMatchObject({ value: 100 });
  });

  it('a team pools its reps’ customers and divides once', async () => {
    const rates = async (by: string) =>
      (await board(by, '&group=teams')).entries.find(
        (e: { member: { id: string } }) => e.member.id === north,
      );
    // New: 1 + 2 = 3.
    expect(await rates('new_customers')).toMatchObject({ value: 3 });
    // Repeat: (2 + 1) / (3 + 1) = 75 %, not the mean of 66.7 % and 100 % (83.3 %).
    expect(await rates('repeat_rate')).toMatchObject({ value: 75 });
    // Retention: (1 + 1) / (2 + 1) = 66.7 %, not the mean of 50 % and 100 % (75 %).
    expect((await rates('retention_rate')).value).toBeCloseTo(200 / 3, 9);
  });

  it('reads rollup rows, not logs: one row per customer and day with a deal', async () => {
    // Ada's rows: a (before Q, P), b (Q, P), c (Q), d (P twice), f (P, undone: 0 deals) = 8.
    const rows = await env.DB.prepare(
      'SELECT count(*) AS n, sum(deals) AS deals FROM customer_days WHERE member_id = ?',
    )
      .bind(ada.id)
      .first<{ n: number; deals: number }>();
    expect(rows).toEqual({ n: 8, deals: 7 });
  });

  it('merging customers moves their purchases; the board reads the new figures', async () => {
    const list = await call('GET', '/customers', { token: ada.token });
    const id = (name: string) =>
      list.body.customers.find((c: { name: string }) => c.name === name).id as string;
    const merged = await call('POST', `/customers/${id('b.test')}/merge`, {
      token: ada.token,
      body: { from: [id('c.test')] },
    });
    expect(merged.status).toBe(200);
    // b.test now holds c.test's deal too: existing = a, b = 2, both bought in P → 100 %;
    // bought in Q = b = 1, again in P → 100 %; new customers unchanged (d.test).
    expect(entryOf(await board('repeat_rate'), ada.id)).toMatchObject({ value: 100 });
    expect(entryOf(await board('retention_rate'), ada.id)).toMatchObject({
      value: 100,
      parts: { numerator: 1, denominator: 1 },
    });
    expect(entryOf(await board('new_customers'), ada.id)).toMatchObject({ value: 1 });
  });
});

/**
 * The new/existing rule is stated once (shared/domain/breakdown.ts: firstDealRange); the SQL that
 * counts customers per segment is built from it. Customers first won on each day around P's
 * bounds: the SQL's counts must be the hand count and the shared rule's, day by day.
 */
describe('the customer segment rule in SQL', () => {
  it('counts new and existing customers as the shared rule classifies them', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const team = await addTeam(org.managerToken, org.rootTeamId, 'Bounds');
    const rep = await addMember(org.managerToken, team, { timezone: 'UTC', since: '2020-01-01' });
    const P = (
      await call('GET', `/leaderboard?team=${team}&period=quarter&date=${inP}`, {
        token: org.managerToken,
      })
    ).body.period as { start: string; end: string };
    const Q = { start: addDays(P.start, -92), end: addDays(P.start, -1) };
    const firstDays = [
      addDays(P.start, -400),
      addDays(P.start, -1),
      P.start,
      addDays(P.start, 1),
      addDays(P.end, -1),
      P.end,
      addDays(P.end, 1),
      addDays(P.end, 30),
    ];
    const now = new Date().toISOString();
    const statements: D1PreparedStatement[] = [];
    for (const [k, day] of firstDays.entries()) {
      const customer = uuid();
      statements.push(
        env.DB.prepare(
          `INSERT INTO customers (id, org_id, owner_id, key, name, since, created_at)
           VALUES (?, ?, ?, ?, ?, '2020-01-01', ?)`,
        ).bind(customer, org.orgId, rep.id, `domain:b${k}.test`, `b${k}.test`, now),
        env.DB.prepare(
          `INSERT INTO events (id, org_id, member_id, metric, quantity, occurred_at, local_date, evidence, details, created_at, voided, customer_id)
           VALUES (?, ?, ?, 'deals', 1, ?, ?, 1, '{"source":{"app":"test"}}', ?, 0, ?)`,
        ).bind(uuid(), org.orgId, rep.id, `${day}T12:00:00.000Z`, day, now, customer),
      );
    }
    await env.DB.batch(statements);
    const parts = (await customerPartsOf(drizzle(env.DB, { schema }), [rep.id], P, Q)).get(rep.id);
    const bySharedRule = (segment: CustomerSegment) =>
      firstDays.filter((d) => inDayRange(d, firstDealRange(segment, P))).length;
    // By hand: new = P.start, P.start + 1, P.end − 1, P.end; existing = the two before P.
    expect(parts).toMatchObject({ new_customers: 4, existing_customers: 2 });
    expect(parts).toMatchObject({
      new_customers: bySharedRule('new'),
      existing_customers: bySharedRule('existing'),
    });
    // The targets by segment classify a won deal with customerSegment: the same rule.
    const newByDeal = firstDays.filter((d) => d <= P.end && customerSegment(d, P.start) === 'new');
    expect(parts?.new_customers).toBe(newByDeal.length);
  });
});
