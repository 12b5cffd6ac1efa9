/**
 * The customer KPIs' parts kept per member × period (`customer_kpi_parts`, worker/db/
 * customer-sales.ts): after every kind of write that changes a rep's purchases (a deal logged,
 * undone, merged into another customer, split off, linked by the backfill) and after writes that
 * do not (a deal's category edited, a rep moved to another team), the org board and the team
 * board, cold (the org's configuration moved, so every cached board figure is stale) and warm,
 * show exactly the parts computed from the customer rollups (customerPartsOf), and those
 * match the hand count where one is written down. A cold board reads the kept row of a rep whose
 * purchases did not change instead of their rollups.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerPart } from '../../shared/domain/customer-kpis.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { findRatio } from '../../shared/domain/ratios.ts';
import { customerPartsOf, spanOf } from '../../worker/customer-kpis/queries.ts';
import { backfillCustomers } from '../../worker/customers/backfill.ts';
import { getDb } from '../../worker/db/client.ts';
import type { Env } from '../../worker/env.ts';
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

const workerEnv = env as unknown as Env;
const db = () => getDb(workerEnv);
// A wholly past quarter, within the 400 days logs reach back.
const inP = addDays(localDateOf(new Date(), 'UTC'), -100);
const KPIS = ['new_customers', 'repeat_rate', 'retention_rate'] as const;
type Span = { start: string; end: string };
type Parts = Record<CustomerPart, number>;

describe('customer KPI parts kept per member × period', () => {
  let org: OrgFixture;
  let north: string;
  let south: string;
  let ada: MemberFixture;
  let bo: MemberFixture;
  let cy: MemberFixture;
  let P: Span;
  let Q: Span;
  const p = (n: number) => addDays(P.start, n);
  const q = (n: number) => addDays(Q.start, n);

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
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const r of res.body.results) expect(r.status).toBe('created');
  }

  const board = async (by: string, team: string, extra = '') => {
    const res = await call(
      'GET',
      `/leaderboard?team=${team}&period=quarter&date=${inP}&by=${by}${extra}`,
      { token: org.managerToken },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      period: Span;
      entries: { member: { id: string }; parts?: { numerator: number; denominator: number } }[];
    };
  };

  /** What the rollups say, read fresh (the rule's own computation, no kept rows). */
  const fromRollups = async () =>
    customerPartsOf(db(), [ada.id, bo.id, cy.id], P, Q) as Promise<Map<string, Parts>>;

  const ratioParts = (by: string, parts: Parts | undefined) => {
    const def = findRatio(by);
    if (!def || !parts) throw new Error(`no parts for ${by}`);
    const pick = (part: string | null) => (part === null ? 0 : parts[part as CustomerPart]);
    return { numerator: pick(def.numerator), denominator: pick(def.denominator) };
  };

  const keptRows = async () => {
    const rows = await env.DB.prepare(
      `SELECT k.member_id AS memberId, k.version AS kept, m.version AS current,
              k.new_customers, k.existing_customers, k.returning_customers, k.previous_buyers,
              k.retained_customers
       FROM customer_kpi_parts k JOIN members m ON m.id = k.member_id WHERE k.span = ?`,
    )
      .bind(spanOf(P, Q))
      .all<Parts & { memberId: string; kept: number; current: number }>();
    return new Map(rows.results.map((r) => [r.memberId, r]));
  };

  const makeCold = () =>
    env.DB.prepare('UPDATE orgs SET config_version = config_version + 1 WHERE id = ?')
      .bind(org.orgId)
      .run();

  /** Org board and team boards, cold then warm, for every customer KPI: the rollups' parts. */
  async function expectExact() {
    const truth = await fromRollups();
    for (const temperature of ['cold', 'warm']) {
      if (temperature === 'cold') await makeCold();
      for (const by of KPIS) {
        const body = await board(by, org.rootTeamId);
        for (const rep of [ada, bo, cy]) {
          const entry = body.entries.find((e) => e.member.id === rep.id);
          expect(entry?.parts, `${temperature} ${by} ${rep.id}`).toEqual(
            ratioParts(by, truth.get(rep.id)),
          );
        }
        // A team pools its current reps' parts.
        const teams = await board(by, org.rootTeamId, '&group=teams');
        for (const team of [north, south]) {
          const pooled = [ada, bo, cy]
            .filter((r) => teamOf.get(r.id) === team)
            .map((r) => ratioParts(by, truth.get(r.id)))
            .reduce(
              (a, b) => ({
                numerator: a.numerator + b.numerator,
                denominator: a.denominator + b.denominator,
              }),
              { numerator: 0, denominator: 0 },
            );
          expect(teams.entries.find((e) => e.member.id === team)?.parts).toEqual(pooled);
        }
      }
    }
    // The kept rows are the rollups' figures, stamped with each rep's current change counter.
    const kept = await keptRows();
    for (const rep of [ada, bo, cy]) {
      const row = kept.get(rep.id);
      expect(row?.kept).toBe(row?.current);
      expect(row).toMatchObject(truth.get(rep.id) ?? {});
    }
    return truth;
  }

  /** Each rep's team now (the team boards pool current reps). */
  const teamOf = new Map<string, string>();

  const customerId = async (rep: MemberFixture, name: string) => {
    const list = await call('GET', '/customers', { token: rep.token });
    return list.body.customers.find((c: { name: string }) => c.name === name).id as string;
  };

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const since = '2020-01-01';
    ada = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Ada', since });
    bo = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Bo', since });
    cy = await addMember(org.managerToken, south, { timezone: 'UTC', name: 'Cy', since });
    for (const rep of [ada, bo, cy]) teamOf.set(rep.id, rep.teamId);
    const patched = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        productCategories: [
          { id: 'software', name: 'Software' },
          { id: 'service', name: 'Service' },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    P = (await board('attainment', org.rootTeamId)).period;
    Q = (
      await call(
        'GET',
        `/leaderboard?team=${org.rootTeamId}&period=quarter&date=${addDays(P.start, -1)}`,
        { token: org.managerToken },
      )
    ).body.period;
    // Ada: a.test before Q and in P; b.test in Q and P; c.test in Q only; d.test new in P.
    await post(ada, [
      deal('a.test', addDays(Q.start, -20)),
      deal('a.test', p(10)),
      deal('b.test', q(5)),
      deal('b.test', p(20)),
      deal('c.test', q(30)),
      deal('d.test', p(3)),
    ]);
    // Bo: g.test in Q and P; h.test new in P.
    await post(bo, [deal('g.test', q(50)), deal('g.test', p(50)), deal('h.test', p(1))]);
    // Cy: k.test in Q only.
    await post(cy, [deal('k.test', q(2))]);
  });

  it('starts exact, and as counted by hand', async () => {
    const truth = await expectExact();
    expect(truth.get(ada.id)).toEqual({
      new_customers: 1,
      existing_customers: 3,
      returning_customers: 2,
      previous_buyers: 2,
      retained_customers: 1,
    });
    expect(truth.get(bo.id)).toEqual({
      new_customers: 1,
      existing_customers: 1,
      returning_customers: 1,
      previous_buyers: 1,
      retained_customers: 1,
    });
    expect(truth.get(cy.id)).toMatchObject({ existing_customers: 1, returning_customers: 0 });
  });

  it('a cold board reads the kept row of a rep whose purchases did not change', async () => {
    await expectExact();
    const span = spanOf(P, Q);
    // Mark Cy's kept row (still stamped with Cy's counter): a cold board must show the mark,
    // so it read the row, not the rollups; then put it back.
    const mark = (n: number) =>
      env.DB.prepare(
        'UPDATE customer_kpi_parts SET retained_customers = ? WHERE member_id = ? AND span = ?',
      )
        .bind(n, cy.id, span)
        .run();
    await mark(7);
    await makeCold();
    const marked = (await board('retention_rate', org.rootTeamId)).entries.find(
      (e) => e.member.id === cy.id,
    );
    expect(marked?.parts).toEqual({ numerator: 7, denominator: 1 });
    await mark(0);
    // A rep whose counter moved is worked out again: Cy logs a call (no purchase).
    await post(cy, [event({ occurredAt: `${p(5)}T12:00:00.000Z` })]);
    await mark(7);
    await makeCold();
    const recomputed = (await board('retention_rate', org.rootTeamId)).entries.find(
      (e) => e.member.id === cy.id,
    );
    expect(recomputed?.parts).toEqual({ numerator: 0, denominator: 1 });
  });

  it('a deal logged: a new customer, a returning one', async () => {
    const before = (await fromRollups()).get(cy.id);
    await post(cy, [deal('k.test', p(30)), deal('m.test', p(31))]);
    const after = (await expectExact()).get(cy.id);
    expect(after?.new_customers).toBe((before?.new_customers ?? 0) + 1);
    expect(after).toMatchObject({ returning_customers: 1, retained_customers: 1 });
  });

  it('a deal undone', async () => {
    const id = uuid();
    await post(ada, [deal('n.test', p(12), { id })]);
    expect((await expectExact()).get(ada.id)?.new_customers).toBe(2);
    expect((await call('POST', `/events/${id}/void`, { token: ada.token })).status).toBe(200);
    expect((await expectExact()).get(ada.id)?.new_customers).toBe(1);
  });

  it('customers merged, then a log split off again', async () => {
    const b = await customerId(ada, 'b.test');
    const merged = await call('POST', `/customers/${b}/merge`, {
      token: ada.token,
      body: { from: [await customerId(ada, 'c.test')] },
    });
    expect(merged.status).toBe(200);
    // b.test holds c.test's deal: existing a, b; both again in P; bought in Q: b, again in P.
    expect((await expectExact()).get(ada.id)).toMatchObject({
      existing_customers: 2,
      returning_customers: 2,
      previous_buyers: 1,
      retained_customers: 1,
    });
    const logs = await call('GET', `/customers/${b}/logs`, { token: ada.token });
    expect(logs.status, JSON.stringify(logs.body)).toBe(200);
    const inQ = (logs.body.logs as { id: string; localDate: string }[])
      .filter((l) => l.localDate === q(30))
      .map((l) => l.id);
    expect(inQ).toHaveLength(1);
    const split = await call('POST', `/customers/${b}/split`, {
      token: ada.token,
      body: { events: inQ, name: 'C again' },
    });
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    expect((await expectExact()).get(ada.id)).toMatchObject({
      existing_customers: 3,
      previous_buyers: 2,
    });
  });

  it('old logs linked by the backfill', async () => {
    // Bo's won deal with p.test, stored the old way (no customer): counted nowhere yet.
    const old = uuid();
    await env.DB.prepare(
      `INSERT INTO events (id, org_id, member_id, metric, quantity, amount, amount_metric,
                           occurred_at, local_date, evidence, details, created_at, voided)
       VALUES (?1, ?2, ?3, 'deals', 1, 100000, 'revenue', ?4, ?5, 1, ?6, ?7, 0)`,
    )
      .bind(
        old,
        org.orgId,
        bo.id,
        `${p(40)}T12:00:00.000Z`,
        p(40),
        JSON.stringify({ source: { app: 'sidebar' }, contact: { email: 'buyer@p.test' } }),
        new Date().toISOString(),
      )
      .run();
    const before = (await expectExact()).get(bo.id);
    await env.DB.prepare("DELETE FROM backfills WHERE name = 'customers'").run();
    for (;;) if ((await backfillCustomers(db(), workerEnv.DB)).done) break;
    const linked = await env.DB.prepare('SELECT customer_id FROM events WHERE id = ?')
      .bind(old)
      .first<{ customer_id: string | null }>();
    expect(linked?.customer_id).not.toBeNull();
    expect((await expectExact()).get(bo.id)?.new_customers).toBe((before?.new_customers ?? 0) + 1);
  });

  it('a deal’s category edited and a rep moved to another team change no parts', async () => {
    const id = uuid();
    await post(bo, [deal('g.test', p(60), { id, category: 'software' })]);
    const before = await expectExact();
    const edited = await call('PATCH', `/events/${id}/category`, {
      token: bo.token,
      body: { category: 'service' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await expectExact()).toEqual(before);
    const moved = await call('PATCH', `/members/${bo.id}`, {
      token: org.managerToken,
      body: { teamId: south },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    teamOf.set(bo.id, south);
    // The team boards pool Bo's parts in South now (expectExact reads each rep's team).
    expect(await expectExact()).toEqual(before);
  });
});
