/**
 * Collections (回款) and ratio KPIs on a constructed quarter, hand-checked: average order value
 * (客单价 = revenue / deals) and collection rate (回款率 = collections / revenue) are the period's
 * parts divided once, per rep and pooled per team (never an average of averages), targeted as a
 * ratio (never spread or split), ranked with ratio values, exported to CSV. A collection may name
 * the deal log it pays. The quarter is the one holding the day 100 days ago: wholly past and
 * within the 400 days logs may reach back, on any date.
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
  reopenAll,
  uuid,
} from './helpers.ts';

const inQuarter = addDays(localDateOf(new Date(), 'UTC'), -100);

async function post(rep: MemberFixture, events: Record<string, unknown>[]) {
  const res = await call('POST', '/events', { token: rep.token, body: { events } });
  expect(res.status).toBe(200);
  return res.body.results as { id: string; status: string; error?: { code: string } }[];
}

/** The CSV's rows as header-keyed records (the names and codes written here hold no commas). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const keys = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? '']));
  });
}

describe('collections and ratio KPIs over a quarter', () => {
  let org: OrgFixture;
  let north: string;
  let ada: MemberFixture;
  let bo: MemberFixture;
  let cy: MemberFixture;
  let quarter: { start: string; end: string };
  const at = (n: number) => `${addDays(quarter.start, n)}T12:00:00.000Z`;
  const adaDeal1 = uuid();
  const adaDeal2 = uuid();

  const board = async (by: string, extra = '') => {
    const res = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=quarter&date=${inQuarter}&by=${by}${extra}`,
      { token: org.managerToken },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  // biome-ignore lint/suspicious/noExplicitAny: tests read replies loosely and assert on them
  const entry = (body: { entries: any[] }, id: string) =>
    body.entries.find((e) => e.member.id === id);

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const since = '2020-01-01';
    ada = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Ada', since });
    bo = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Bo', since });
    cy = await addMember(org.managerToken, south, { timezone: 'UTC', name: 'Cy', since });
    quarter = (await board('attainment')).period;

    // Ada: two won deals, each a deals log and a revenue log; the collections name the revenue
    // log they pay. Deals 2, revenue ¥3,000 + ¥5,000 = ¥8,000, collected ¥3,000 + ¥2,000 = ¥5,000.
    const adaLogs = await post(ada, [
      event({ metric: 'deals', quantity: 1, occurredAt: at(5) }),
      event({ id: adaDeal1, metric: 'revenue', quantity: 300_000, occurredAt: at(5) }),
      event({ metric: 'deals', quantity: 1, occurredAt: at(40) }),
      event({ id: adaDeal2, metric: 'revenue', quantity: 500_000, occurredAt: at(40) }),
      event({ metric: 'collections', quantity: 300_000, occurredAt: at(20), deal: adaDeal1 }),
      event({ metric: 'collections', quantity: 200_000, occurredAt: at(50), deal: adaDeal2 }),
    ]);
    expect(adaLogs.map((r) => r.status)).toEqual(Array(6).fill('created'));
    // Bo: 3 won deals of ¥2,000, each one log (a deal with an amount counts a deal and its
    // revenue), all of it collected at once without naming the deals.
    const boLogs = await post(bo, [
      event({ metric: 'deals', quantity: 1, amount: 200_000, occurredAt: at(10) }),
      event({ metric: 'deals', quantity: 1, amount: 200_000, occurredAt: at(11) }),
      event({ metric: 'deals', quantity: 1, amount: 200_000, occurredAt: at(12) }),
      event({ metric: 'collections', quantity: 600_000, occurredAt: at(30) }),
    ]);
    expect(boLogs.map((r) => r.status)).toEqual(Array(4).fill('created'));
    // Cy: calls only, no deal: no average order value.
    await post(cy, [event({ metric: 'calls', quantity: 4, occurredAt: at(12) })]);
  });

  it('collections is an amount metric: ranked by its total, without points', async () => {
    const body = await board('collections');
    expect(entry(body, ada.id)).toMatchObject({ value: 500_000, achieved: 500_000 });
    expect(entry(body, bo.id)).toMatchObject({ rank: 1, value: 600_000 });
    // Points: deals earn 10 each, amounts none: Ada 2 deals = 20, Bo 3 deals = 30.
    expect(entry(body, ada.id)).toMatchObject({ points: 20 });
    expect(entry(body, bo.id)).toMatchObject({ points: 30 });
  });

  it('average order value per rep: the quarter’s revenue over its deals; none without deals', async () => {
    const body = await board('avg_order_value');
    // Ada ¥8,000 / 2 = ¥4,000 (400,000 fen); Bo ¥6,000 / 3 = ¥2,000; Cy has no deal: last, null.
    expect(body.entries.map((e: { member: { id: string } }) => e.member.id)).toEqual([
      ada.id,
      bo.id,
      cy.id,
    ]);
    expect(entry(body, ada.id)).toMatchObject({
      rank: 1,
      value: 400_000,
      parts: { numerator: 800_000, denominator: 2 },
    });
    expect(entry(body, bo.id)).toMatchObject({ rank: 2, value: 200_000 });
    expect(entry(body, cy.id)).toMatchObject({ rank: 3, value: null, pace: null });
  });

  it('a team’s ratio pools its reps’ parts: not the mean of their ratios', async () => {
    const body = await board('avg_order_value', '&group=teams');
    const byName = (name: string) =>
      body.entries.find((e: { member: { name: string } }) => e.member.name === name);
    // North: (¥8,000 + ¥6,000) / (2 + 3) = ¥2,800, not (¥4,000 + ¥2,000) / 2 = ¥3,000.
    expect(byName('North')).toMatchObject({
      value: 280_000,
      parts: { numerator: 1_400_000, denominator: 5 },
    });
    expect(byName('South')).toMatchObject({ value: null });
    // Collection rate: North collected ¥11,000 of ¥14,000 billed = 78.571… %.
    const rate = await board('collection_rate', '&group=teams');
    const northRate = rate.entries.find((e: { member: { id: string } }) => e.member.id === north);
    expect(northRate.value).toBeCloseTo((100 * 11) / 14, 9);
  });

  it('ratio targets are compared as ratios: own before team, the team’s unsplit', async () => {
    await reopenAll(org.managerToken, org.rootTeamId);
    const put = (body: Record<string, unknown>) =>
      call('PUT', '/targets', { token: org.managerToken, body });
    const period = { kind: 'quarter', start: quarter.start };
    // North's target ¥3,500 per deal applies to each of its reps as is.
    const team = await put({
      scope: 'team',
      teamId: north,
      metric: 'avg_order_value',
      period,
      value: 350_000,
    });
    expect(team.status, JSON.stringify(team.body)).toBe(200);
    expect(team.body.allocation).toBeUndefined();
    // Bo's own ¥2,500 wins over the team's.
    const own = await put({
      scope: 'member',
      memberId: bo.id,
      metric: 'avg_order_value',
      period,
      value: 250_000,
    });
    expect(own.status).toBe(200);
    const body = await board('avg_order_value');
    // Ada ¥4,000 of ¥3,500 = 114.2857 %; Bo ¥2,000 of ¥2,500 = 80 %.
    expect(entry(body, ada.id)).toMatchObject({ achieved: 400_000, target: 350_000 });
    expect(entry(body, ada.id).percent).toBeCloseTo(400 / 3.5, 9);
    expect(entry(body, bo.id)).toMatchObject({ achieved: 200_000, target: 250_000, percent: 80 });
    // A month inside the quarter is measured against the quarter's ratio, not a third of it:
    // the month of day 40 (always the quarter's second: its first has 28–31 days, the first two
    // 59–62) holds Ada's second deal alone, ¥5,000 → 5,000 / 3,500 = 142.857 %.
    const month = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=month&date=${addDays(quarter.start, 40)}&by=avg_order_value`,
      { token: org.managerToken },
    );
    expect(month.status).toBe(200);
    expect(entry(month.body, ada.id)).toMatchObject({ achieved: 500_000, target: 350_000 });
    expect(entry(month.body, ada.id).percent).toBeCloseTo(500 / 3.5, 9);
    // A ratio target is neither split nor paced.
    const split = await put({
      scope: 'team',
      teamId: north,
      metric: 'avg_order_value',
      period,
      value: 350_000,
      split: { mode: 'equal' },
    });
    expect(split.status).toBe(400);
    expect(split.body.error.message).toMatch(/ratio target/);
    const listed = await call('GET', `/targets?team=${north}&metric=avg_order_value`, {
      token: org.managerToken,
    });
    expect(listed.status).toBe(200);
    expect(
      listed.body.targets.every((t: { allocation?: unknown }) => t.allocation === undefined),
    ).toBe(true);
  });

  it('CSV writes a money ratio in yuan and a percent ratio to one decimal', async () => {
    const csv = async (by: string) => {
      const res = await call(
        'GET',
        `/export/leaderboard.csv?team=${org.rootTeamId}&period=quarter&date=${inQuarter}&by=${by}`,
        { token: org.managerToken },
      );
      expect(res.status).toBe(200);
      return rows(res.body as string);
    };
    const aov = await csv('avg_order_value');
    expect(aov.find((r) => r.member_id === ada.id)).toMatchObject({
      value_avg_order_value: '4000.00',
      currency: 'CNY',
    });
    expect(aov.find((r) => r.member_id === cy.id)).toMatchObject({ value_avg_order_value: '' });
    const rate = await csv('collection_rate');
    // Ada collected ¥5,000 of ¥8,000 = 62.5 %.
    expect(rate.find((r) => r.member_id === ada.id)).toMatchObject({
      value_collection_rate: '62.5',
      currency: '',
    });
  });

  it('a collection names a deal log of the team, stored or earlier in the batch', async () => {
    const call1 = uuid();
    const sameBatchDeal = uuid();
    const results = await post(ada, [
      event({ id: call1, metric: 'calls', quantity: 1, occurredAt: at(80) }),
      event({ metric: 'collections', quantity: 100, occurredAt: at(80), deal: uuid() }),
      event({ metric: 'collections', quantity: 100, occurredAt: at(80), deal: call1 }),
      event({ metric: 'calls', quantity: 1, occurredAt: at(80), deal: adaDeal1 }),
      event({ id: sameBatchDeal, metric: 'deals', quantity: 1, occurredAt: at(80) }),
      event({ metric: 'collections', quantity: 100, occurredAt: at(80), deal: sameBatchDeal }),
    ]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual([
      'created',
      'unknown_deal',
      'unknown_deal',
      'invalid_event',
      'created',
      'created',
    ]);
    // A rep of another organisation cannot name Ada's deal: to them it does not exist.
    const other = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    const stranger = await addMember(other.managerToken, other.rootTeamId, { timezone: 'UTC' });
    const foreign = await post(stranger, [
      event({ metric: 'collections', quantity: 100, occurredAt: at(80), deal: adaDeal1 }),
    ]);
    expect(foreign[0]?.error?.code).toBe('unknown_deal');
    const recent = await call('GET', '/me/events?limit=50', { token: ada.token });
    const paid = recent.body.events.filter((e: { deal?: string }) => e.deal === adaDeal1);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ metric: 'collections', quantity: 300_000 });
  });

  it('the events CSV names the deal each collection pays', async () => {
    const res = await call(
      'GET',
      `/export/events.csv?team=${org.rootTeamId}&from=${quarter.start}&to=${quarter.end}`,
      { token: org.managerToken },
    );
    expect(res.status).toBe(200);
    const paid = rows(res.body as string).filter((r) => r.metric === 'collections');
    const dealOf = (member: string, quantity: string) =>
      paid.find((r) => r.member === member && r.quantity === quantity)?.deal_event_id;
    expect(dealOf('Ada', '3000.00')).toBe(adaDeal1);
    expect(dealOf('Ada', '2000.00')).toBe(adaDeal2);
    expect(dealOf('Bo', '6000.00')).toBe('');
  });
});
