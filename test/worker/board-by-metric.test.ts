/**
 * The board's Achieved / Target / % are the ranked metric's own (worker/figures/figure-cache.ts),
 * in the API and in the CSV export, while the tier stays the primary metric's. Numbers are
 * hand-computed from the events and targets built here, on a past Wednesday so the test means the
 * same on any date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import {
  addMember,
  call,
  createOrg,
  event,
  type MemberFixture,
  type OrgFixture,
} from './helpers.ts';

/** The latest Wednesday at least a week ago (UTC): a workday of the default calendar. */
function pastWednesday(): string {
  let day = addDays(localDateOf(new Date(), 'UTC'), -7);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 3) day = addDays(day, -1);
  return day;
}

const day = pastWednesday();

async function logged(rep: MemberFixture, revenue: number, calls: number) {
  const occurredAt = `${day}T12:00:00.000Z`;
  const res = await call('POST', '/events', {
    token: rep.token,
    body: {
      events: [
        event({ metric: 'revenue', quantity: revenue, occurredAt }),
        event({ metric: 'calls', quantity: calls, occurredAt }),
      ],
    },
  });
  expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created']);
}

async function periodStart(org: OrgFixture, kind: string): Promise<string> {
  const res = await call('GET', `/leaderboard?team=${org.rootTeamId}&period=${kind}&date=${day}`, {
    token: org.managerToken,
  });
  expect(res.status).toBe(200);
  return res.body.period.start;
}

async function setTarget(
  org: OrgFixture,
  rep: MemberFixture,
  metric: string,
  kind: string,
  value: number,
) {
  const res = await call('PUT', '/targets', {
    token: org.managerToken,
    body: {
      scope: 'member',
      memberId: rep.id,
      metric,
      period: { kind, start: await periodStart(org, kind) },
      value,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

/** The CSV's rows as header-keyed records (the exported names and codes hold no commas). */
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

describe('ranking by a metric shows that metric’s numbers', () => {
  let org: OrgFixture;
  let rep: MemberFixture;
  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    rep = await addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC', name: 'Ada' });
    // Revenue ¥900.00 of ¥1,000.00 (90 %, Base); 10 calls of 40 (25 %).
    await logged(rep, 90_000, 10);
    await setTarget(org, rep, 'revenue', 'month', 100_000);
    await setTarget(org, rep, 'calls', 'month', 40);
  });

  const entryOf = async (by: string) => {
    const res = await call(
      'GET',
      `/leaderboard?team=${org.rootTeamId}&period=month&date=${day}&by=${by}`,
      { token: org.managerToken },
    );
    expect(res.status).toBe(200);
    return res.body.entries.find((e: { member: { id: string } }) => e.member.id === rep.id);
  };

  it('API: by calls answers calls achieved, target and percent; the tier stays revenue’s', async () => {
    expect(await entryOf('calls')).toMatchObject({
      value: 10,
      achieved: 10,
      target: 40,
      percent: 25,
      tier: 'base',
    });
    for (const by of ['attainment', 'revenue', 'points']) {
      expect(await entryOf(by), by).toMatchObject({
        achieved: 90_000,
        target: 100_000,
        percent: 90,
        tier: 'base',
      });
    }
  });

  it('CSV: by calls writes counts without a currency; by revenue writes yuan', async () => {
    const csv = async (by: string) => {
      const res = await call(
        'GET',
        `/export/leaderboard.csv?team=${org.rootTeamId}&period=month&date=${day}&by=${by}`,
        { token: org.managerToken },
      );
      expect(res.status).toBe(200);
      return rows(res.body as string).find((r) => r.member_id === rep.id);
    };
    expect(await csv('calls')).toMatchObject({
      value_calls: '10',
      achieved: '10',
      target: '40',
      currency: '',
      percent: '25',
      tier: 'base',
    });
    expect(await csv('revenue')).toMatchObject({
      value_revenue: '900.00',
      achieved: '900.00',
      target: '1000.00',
      currency: 'CNY',
      percent: '90',
    });
  });
});
