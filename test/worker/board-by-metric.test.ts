/**
 * The board's Achieved / Target / % are the ranked metric's own (worker/figures/figure-cache.ts),
 * in the API and in the CSV export, while the tier stays the primary metric's, in whichever period
 * is shown. Numbers are hand-computed from the events and targets built here, on a past Wednesday
 * so the test means the same on any date.
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
  reopenAll,
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
  await reopenAll(org.managerToken, org.rootTeamId);
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
    rep = await addMember(org.managerToken, org.rootTeamId, {
      timezone: 'UTC',
      name: 'Ada',
      since: '2020-01-01',
    });
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

describe('tiers in every period', () => {
  // One org per kind, so each period's target is the only one and the tier is revenue logged ÷
  // that target. The team's incentive period is set to another period, with more revenue in it
  // or a different share of the target there, so a tier taken from it would differ.
  const sameYear = (d: string) => d.slice(0, 4) === day.slice(0, 4);
  const cases = [
    // Week: 130,000 of the 100,000 day target would be Breakthrough.
    {
      kind: 'day',
      tierPeriod: 'week',
      target: 100_000,
      revenue: 80_000,
      extra: addDays(day, 1),
      percent: 80,
      tier: 'base',
    },
    // Year: 150,000 of 100,000 would be Breakthrough.
    {
      kind: 'week',
      tierPeriod: 'year',
      target: 100_000,
      revenue: 100_000,
      extra: sameYear(addDays(day, -7)) ? addDays(day, -7) : addDays(day, 7),
      percent: 100,
      tier: 'sprint',
    },
    // The week's share of the longer targets is at most 5 of their workdays: far above 120 %.
    {
      kind: 'month',
      tierPeriod: 'week',
      target: 100_000,
      revenue: 79_999,
      extra: null,
      percent: 79.999,
      tier: null,
    },
    {
      kind: 'quarter',
      tierPeriod: 'week',
      target: 100_000,
      revenue: 85_000,
      extra: null,
      percent: 85,
      tier: 'base',
    },
    {
      kind: 'year',
      tierPeriod: 'week',
      target: 200_000,
      revenue: 199_999,
      extra: null,
      percent: 99.9995,
      tier: 'base',
    },
  ] as const;
  for (const c of cases) {
    it(`${c.kind}: ${c.revenue} of ${c.target} is ${c.percent} % → ${c.tier ?? 'no tier'}`, async () => {
      const org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
      const rep = await addMember(org.managerToken, org.rootTeamId, {
        timezone: 'UTC',
        since: '2020-01-01',
      });
      const me = await call('GET', '/me', { token: org.managerToken });
      const ladder = me.body.org.settings.tiers.ladder;
      const patched = await call('PATCH', '/org', {
        token: org.managerToken,
        body: { tiers: { period: c.tierPeriod, ladder } },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      await logged(rep, c.revenue, 1);
      if (c.extra !== null) {
        const more = await call('POST', '/events', {
          token: rep.token,
          body: {
            events: [
              event({
                metric: 'revenue',
                quantity: 50_000,
                occurredAt: `${c.extra}T12:00:00.000Z`,
              }),
            ],
          },
        });
        expect(more.body.results[0].status).toBe('created');
      }
      await setTarget(org, rep, 'revenue', c.kind, c.target);
      const res = await call(
        'GET',
        `/leaderboard?team=${org.rootTeamId}&period=${c.kind}&date=${day}`,
        { token: org.managerToken },
      );
      expect(res.status).toBe(200);
      const entry = res.body.entries.find(
        (e: { member: { id: string } }) => e.member.id === rep.id,
      );
      expect(entry).toMatchObject({ achieved: c.revenue, target: c.target, tier: c.tier });
      expect(entry.percent).toBeCloseTo(c.percent, 9);
    });
  }
});
