/**
 * A board of more reps than one D1 statement binds (≤ 90 ids each: worker/db/chunked.ts): 200
 * reps, so every read by member — cached figures, rollups, the customer rollups behind a customer
 * KPI — goes in three chunks. Each rep's figures are built from a known pattern and checked, cold
 * (computed) and warm (from the cache), on the team's board and on the org's; a rep who has since
 * moved to another team stays on the past board with their figures (they are not among the reps
 * whose cache rows the board reads ahead).
 *
 * The reps are written straight into D1 (joining is rate limited per client); their customers and
 * won deals too, as events with their customer set, so the real triggers keep every rollup.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { addTeam, call, createOrg, type OrgFixture, uuid } from './helpers.ts';

const REPS = 200;
// A quarter wholly past (the one holding the day 100 days ago), as in customer-kpis.test.ts.
const inP = addDays(localDateOf(new Date(), 'UTC'), -100);

/** Rep i: i % 3 new customers in P; one customer first bought before P, again in P when i is even. */
const expected = (i: number) => ({
  newCustomers: i % 3,
  repeat: { numerator: i % 2 === 0 ? 1 : 0, denominator: 1 },
  dealsInP: (i % 3) + (i % 2 === 0 ? 1 : 0),
});

// biome-ignore lint/suspicious/noExplicitAny: tests read replies loosely and assert on them
type Entry = any;

describe('a board of 200 reps', () => {
  let org: OrgFixture;
  let north: string;
  let south: string;
  let P: { start: string; end: string };
  const reps: string[] = [];

  const board = async (
    team: string,
    by: string,
  ): Promise<{ period: { start: string; end: string }; entries: Entry[] }> => {
    const res = await call('GET', `/leaderboard?team=${team}&period=quarter&date=${inP}&by=${by}`, {
      token: org.managerToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** Every rep's figure on `body`, in the reps' order. */
  const valuesOn = (body: { entries: Entry[] }, pick: (e: Entry) => unknown) => {
    const byId = new Map(body.entries.map((e) => [e.member.id, e]));
    return reps.map((id) => (byId.has(id) ? pick(byId.get(id)) : 'missing'));
  };

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    P = (await board(north, 'attainment')).period;
    const now = new Date().toISOString();
    const before = addDays(P.start, -30);
    const statements: D1PreparedStatement[] = [];
    const deal = (member: string, customer: string, day: string) =>
      env.DB.prepare(
        `INSERT INTO events (id, org_id, member_id, metric, quantity, occurred_at, local_date, evidence, details, created_at, voided, customer_id)
         VALUES (?, ?, ?, 'deals', 1, ?, ?, 1, '{"source":{"app":"test"}}', ?, 0, ?)`,
      ).bind(uuid(), org.orgId, member, `${day}T12:00:00.000Z`, day, now, customer);
    for (let i = 0; i < REPS; i++) {
      const id = uuid();
      reps.push(id);
      statements.push(
        env.DB.prepare(
          `INSERT INTO members (id, org_id, team_id, name, email, role, timezone, active, created_at)
           VALUES (?, ?, ?, ?, ?, 'rep', 'UTC', 1, ?)`,
        ).bind(
          id,
          org.orgId,
          north,
          `Rep ${String(i).padStart(3, '0')}`,
          `rep${i}@many.example`,
          now,
        ),
        env.DB.prepare(
          `INSERT INTO member_periods (id, org_id, member_id, team_id, role, from_date, until_date)
           VALUES (?, ?, ?, ?, 'rep', '2020-01-01', NULL)`,
        ).bind(uuid(), org.orgId, id, north),
      );
      const customers = Array.from({ length: (i % 3) + 1 }, () => uuid());
      for (const [k, customer] of customers.entries()) {
        statements.push(
          env.DB.prepare(
            `INSERT INTO customers (id, org_id, owner_id, key, name, since, created_at)
             VALUES (?, ?, ?, ?, ?, '2020-01-01', ?)`,
          ).bind(customer, org.orgId, id, `domain:r${i}-${k}.test`, `r${i}-${k}.test`, now),
        );
      }
      const [old, ...fresh] = customers as [string, ...string[]];
      statements.push(deal(id, old, before));
      if (i % 2 === 0) statements.push(deal(id, old, addDays(P.start, 10)));
      for (const [k, customer] of fresh.entries()) {
        statements.push(deal(id, customer, addDays(P.start, 20 + k)));
      }
    }
    // Members changed behind the API's back: bump the change counters like a join would.
    statements.push(
      env.DB.prepare(
        'UPDATE orgs SET version = version + 1, config_version = config_version + 1 WHERE id = ?',
      ).bind(org.orgId),
    );
    await env.DB.batch(statements);
  });

  it('ranks every rep by a customer KPI, the same cold and warm', async () => {
    const want = reps.map((_, i) => expected(i).newCustomers);
    for (const team of [north, org.rootTeamId]) {
      const cold = await board(team, 'new_customers');
      expect(valuesOn(cold, (e) => e.value)).toEqual(want);
      const warm = await board(team, 'new_customers');
      expect(warm).toEqual(cold);
    }
    const repeat = await board(org.rootTeamId, 'repeat_rate');
    expect(valuesOn(repeat, (e) => e.parts)).toEqual(reps.map((_, i) => expected(i).repeat));
    expect(valuesOn(await board(org.rootTeamId, 'repeat_rate'), (e) => e.parts)).toEqual(
      reps.map((_, i) => expected(i).repeat),
    );
  });

  it('ranks every rep by a metric from the rollups, the same cold and warm', async () => {
    const want = reps.map((_, i) => expected(i).dealsInP);
    const cold = await board(org.rootTeamId, 'deals');
    expect(valuesOn(cold, (e) => e.value)).toEqual(want);
    expect(await board(org.rootTeamId, 'deals')).toEqual(cold);
  });

  it('keeps a rep who has since moved on the past board, with their figures', async () => {
    const mover = reps[4] as string;
    const moved = await call('PATCH', `/members/${mover}`, {
      token: org.managerToken,
      body: { teamId: south },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    for (let pass = 0; pass < 2; pass++) {
      const body = await board(north, 'new_customers');
      expect(body.entries).toHaveLength(REPS);
      expect(body.entries.find((e) => e.member.id === mover)).toMatchObject({
        value: expected(4).newCustomers,
        standing: 'moved',
      });
      expect(valuesOn(body, (e) => e.value)).toEqual(reps.map((_, i) => expected(i).newCustomers));
    }
  });
});
