import { describe, expect, it } from 'vitest';
import { type OrgSettings, TargetInput, type TargetView } from '../../../../shared/api/index.ts';
import { defaultOrgSettings } from '../../../../shared/domain/index.ts';
import {
  boardTargetOf,
  breakdownOfDraft,
  currentTargetOf,
  existingTarget,
  initialDraft,
  planOf,
  type Roster,
  type TargetDraft,
  targetInputOf,
  timeBuckets,
  wholeOf,
} from './draft.ts';

const settings = (currency = 'CNY'): OrgSettings =>
  defaultOrgSettings({ timezone: 'Asia/Shanghai', currency });

// root ─ sales ─ east
const teams = [
  { id: 'root', parentId: null },
  { id: 'sales', parentId: 'root' },
  { id: 'east', parentId: 'sales' },
];
const member = (
  id: string,
  teamId: string,
  patch: { role?: 'rep' | 'manager'; active?: boolean } = {},
) => ({
  id,
  name: id.toUpperCase(),
  teamId,
  role: patch.role ?? 'rep',
  active: patch.active ?? true,
});
const members = [
  member('m-c', 'east'),
  member('m-a', 'sales'),
  member('m-b', 'east'),
  member('boss', 'sales', { role: 'manager' }),
  member('gone', 'sales', { active: false }),
  member('other', 'root'),
];

const draft = (patch: Partial<TargetDraft> = {}): TargetDraft => ({
  ...initialDraft('sales', 'revenue', '2026-12-15'),
  ...patch,
});

describe('target draft', () => {
  it('starts as a monthly, evenly paced, equal split of the given team and metric', () => {
    expect(initialDraft('sales', 'calls', '2026-12-15')).toEqual({
      teamId: 'sales',
      metric: 'calls',
      kind: 'month',
      date: '2026-12-15',
      valueText: '',
      mode: 'equal',
      pacing: 'even',
      weights: {},
      shares: {},
      newPercent: null,
      categoryPercents: null,
    });
  });

  it("splits a typed amount in the currency's minor units over the team's active reps", () => {
    const plan = planOf(draft({ valueText: '900' }), settings(), teams, members);
    expect(plan.period).toMatchObject({ start: '2026-12-01', end: '2026-12-31' });
    expect(plan.value).toBe(90_000);
    // Active reps of the subtree, in the worker's order; managers, removed members and other teams not.
    expect(plan.reps.map((x) => x.id)).toEqual(['m-a', 'm-b', 'm-c']);
    expect(plan.allocation.shares.map((s) => s.value)).toEqual([30_000, 30_000, 30_000]);
    expect(plan.balanced).toBe(true);
    // December 2026 has 23 weekdays; the whole value is spread over them.
    expect(plan.workdays).toBe(23);
    expect([...plan.daily.values()].reduce((a, b) => a + b, 0)).toBe(90_000);
  });

  it('keeps counts whole and a zero-decimal currency unscaled', () => {
    expect(
      planOf(draft({ metric: 'calls', valueText: '10.6' }), settings(), teams, members).value,
    ).toBe(11);
    expect(planOf(draft({ valueText: '1000' }), settings('JPY'), teams, members).value).toBe(1000);
    expect(planOf(draft({ valueText: '1' }), settings('BHD'), teams, members).value).toBe(1000);
    expect(planOf(draft({ valueText: '-5' }), settings(), teams, members).value).toBe(0);
  });

  it('reports what explicit shares leave unallocated instead of hiding it', () => {
    const plan = planOf(
      draft({ valueText: '100', mode: 'explicit', shares: { 'm-a': 50, 'm-b': 30 } }),
      settings(),
      teams,
      members,
    );
    expect(plan.split).toEqual({ mode: 'explicit', shares: { 'm-a': 5000, 'm-b': 3000 } });
    expect(plan.allocation.unallocated).toBe(2000);
    expect(plan.balanced).toBe(false);
    const weighted = planOf(
      draft({ valueText: '100', mode: 'weights', weights: { 'm-a': 2, 'm-b': 1, 'm-c': 1 } }),
      settings(),
      teams,
      members,
    );
    expect(weighted.allocation.shares.map((s) => s.value)).toEqual([5000, 2500, 2500]);
  });

  it('saves the period start, the split and a curve only when the pacing is not even', () => {
    const even = draft({ valueText: '100' });
    const input = targetInputOf(even, planOf(even, settings(), teams, members));
    expect(TargetInput.parse(input)).toEqual({
      scope: 'team',
      teamId: 'sales',
      metric: 'revenue',
      period: { kind: 'month', start: '2026-12-01' },
      value: 10_000,
      split: { mode: 'equal' },
    });
    const front = draft({ valueText: '100', pacing: 'front', kind: 'quarter' });
    const saved = TargetInput.parse(
      targetInputOf(front, planOf(front, settings(), teams, members)),
    );
    expect(saved.period).toEqual({ kind: 'quarter', start: '2026-10-01' });
    expect(saved.curve?.map((p) => p.weight)).toEqual([0.3, 0.5, 0.2]);
  });

  it('saves a breakdown by customer segment from a percentage, in parts adding up exactly', () => {
    // ¥1,000.01 at 40 % new: 40,000.4 and 60,000.6 fen → 40,000 + 60,001.
    const split = draft({ valueText: '1000.01', newPercent: 40 });
    const saved = TargetInput.parse(
      targetInputOf(split, planOf(split, settings(), teams, members)),
    );
    expect(saved.breakdown).toEqual({
      by: 'customer',
      parts: [
        { segment: 'new', value: 40_000 },
        { segment: 'existing', value: 60_001 },
      ],
    });
    // Not for a metric that is not won with a customer (calls), nor without a percentage.
    const calls = draft({ metric: 'calls', valueText: '10', newPercent: 40 });
    expect(
      targetInputOf(calls, planOf(calls, settings(), teams, members)).breakdown,
    ).toBeUndefined();
    expect(breakdownOfDraft(draft({ valueText: '10' }), 1_000)).toBeNull();
    // By category: the categories given a percentage, in their order, exactly.
    expect(
      breakdownOfDraft(
        draft({ categoryPercents: { software: 50, service: 30, hardware: 20 } }),
        1_001,
      ),
    ).toEqual({
      by: 'category',
      parts: [
        { category: 'software', value: 501 },
        { category: 'service', value: 300 },
        { category: 'hardware', value: 200 },
      ],
    });
    expect(breakdownOfDraft(draft({ categoryPercents: { software: 0 } }), 1_001)).toBeNull();
  });

  it("finds the team's stored target for the draft's period only", () => {
    const stored = (id: string, patch: Partial<TargetView>): TargetView => ({
      id,
      scope: 'team',
      memberId: null,
      teamId: 'sales',
      metric: 'revenue',
      period: { kind: 'month', start: '2026-12-01', end: '2026-12-31' },
      value: 1,
      curve: null,
      split: null,
      ...patch,
    });
    const list = [
      stored('rep', { scope: 'member', memberId: 'm-a', teamId: null }),
      stored('other team', { teamId: 'east' }),
      stored('last month', { period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' } }),
      stored('this one', {}),
    ];
    const d = draft();
    expect(existingTarget(d, planOf(d, settings(), teams, members), list)?.id).toBe('this one');
    expect(
      existingTarget(
        draft({ kind: 'quarter' }),
        planOf(draft({ kind: 'quarter' }), settings(), teams, members),
        list,
      ),
    ).toBeUndefined();
  });

  it('groups the spread into day bars for a month and month bars for a quarter', () => {
    const daily = new Map([
      ['2026-10-01', 1],
      ['2026-10-02', 2],
      ['2026-11-02', 4],
    ]);
    expect(timeBuckets(daily, 'month')).toEqual([
      ['01', 1],
      ['02', 6],
    ]);
    expect(timeBuckets(daily, 'week')).toEqual([
      ['10-01', 1],
      ['10-02', 2],
      ['11-02', 4],
    ]);
    expect(timeBuckets(daily, 'quarter')).toEqual([
      ['2026-10', 3],
      ['2026-11', 4],
    ]);
  });

  it('reads typed weights and shares as whole numbers ≥ 0', () => {
    expect([wholeOf(''), wholeOf('2.6'), wholeOf('-3'), wholeOf('7')]).toEqual([0, 3, 0, 7]);
  });
});

describe('editor details', () => {
  it('paces 上旬 / 中旬 / 下旬 as days 1–10, 11–20 and 21–end of the month', () => {
    // February 2027: 28 days, so the last block is 8 days (not calendar thirds of 9 / 10 / 9).
    const feb = draft({ date: '2027-02-15', valueText: '1000', pacing: 'front' });
    const plan = planOf(feb, settings(), teams, members);
    expect(plan.curve?.map((c) => c.days * 28)).toEqual(
      [10, 10, 8].map((d) => expect.closeTo(d, 9)),
    );
    const sum = (from: string, to: string) =>
      [...plan.daily].filter(([d]) => d >= from && d <= to).reduce((a, [, v]) => a + v, 0);
    // ¥1,000 = 100,000 fen: 30 % in days 1–10, 50 % in 11–20, 20 % in 21–28.
    expect([
      sum('2027-02-01', '2027-02-10'),
      sum('2027-02-11', '2027-02-20'),
      sum('2027-02-21', '2027-02-28'),
    ]).toEqual([30_000, 50_000, 20_000]);
    expect(TargetInput.parse(targetInputOf(feb, plan)).curve).toHaveLength(3);
  });

  it('counts every workday in the per-workday line, also those whose rounded share is 0', () => {
    // 10 visits in March 2026 (22 weekdays): ≈ 0.45 a workday, not "10 workdays · 1".
    const plan = planOf(
      draft({ metric: 'visits', date: '2026-03-10', valueText: '10' }),
      settings(),
      teams,
      members,
    );
    expect(plan.workdays).toBe(22);
    expect(plan.perWorkday).toBeCloseTo(10 / 22, 9);
  });

  it("shows the target boards use: a month's share of a quarter target when the month has none", () => {
    const quarter: TargetView = {
      id: 'q',
      scope: 'team',
      memberId: null,
      teamId: 'sales',
      metric: 'revenue',
      period: { kind: 'quarter', start: '2026-10-01', end: '2026-12-31' },
      // 66 weekdays in Q4 2026 (Oct 22, Nov 21, Dec 23): 660,000 is 10,000 a workday.
      value: 660_000,
      curve: null,
      split: null,
    };
    const d = draft();
    const plan = planOf(d, settings(), teams, members);
    expect(existingTarget(d, plan, [quarter])).toBeUndefined();
    expect(currentTargetOf(d, plan, [quarter], settings().calendar)).toEqual({
      value: 230_000,
      kinds: ['quarter'],
    });
    const month: TargetView = {
      ...quarter,
      id: 'm',
      period: { kind: 'month', start: '2026-12-01', end: '2026-12-31' },
      value: 500_000,
    };
    expect(currentTargetOf(d, plan, [quarter, month], settings().calendar)?.value).toBe(500_000);
    expect(
      currentTargetOf(d, plan, [{ ...month, teamId: 'east' }], settings().calendar),
    ).toBeNull();
  });
});

describe("the editor's current target is the one the board uses", () => {
  it("is the team's own when it has one, else the share a level above hands down, else none", () => {
    const own = { value: 500_000, kinds: ['month' as const] };
    const handed = { target: 300_000, source: 'allocated' as const };
    expect(boardTargetOf(own, handed, 'month')).toEqual({ ...own, handedDown: false });
    expect(boardTargetOf(null, handed, 'month')).toEqual({
      value: 300_000,
      kinds: ['month'],
      handedDown: true,
    });
    expect(boardTargetOf(null, { target: null, source: null }, 'month')).toBeNull();
    expect(boardTargetOf(null, null, 'month')).toBeNull();
  });
});

describe('the split preview is day by day over who is on the team each day', () => {
  // The March example, hand-computed (the worker test test/worker/effective-dating.test.ts reads
  // the same numbers from the API): March 2026 has 22 workdays; ¥300,000 = 30,000,000 fen is
  // 1,363,636 a workday with 8 fen left over. A, B and C are on Sales all month, D from the 25th:
  // workdays 25, 26, 27, 30 and 31 carry 6,818,182, the 1st–24th 23,181,818. A, B, C:
  // 23,181,818 / 3 + 6,818,182 / 4 = 9,431,818.17 each; D: 6,818,182 / 4 = 1,704,545.5; the
  // fen the floors leave goes to D's .5. Today's four reps split equally would be 7,500,000 each.
  const people = [
    member('a', 'sales'),
    member('b', 'sales'),
    member('c', 'sales'),
    member('d', 'sales'),
  ];
  const stretch = (memberId: string, from: string, until: string | null = null) => ({
    memberId,
    teamId: 'sales',
    role: 'rep' as const,
    from,
    until,
  });
  const roster = (patch: Partial<Roster> = {}): Roster => ({
    teamId: 'sales',
    period: { kind: 'month', start: '2026-03-01', end: '2026-03-31' },
    stretches: [
      stretch('a', '2026-02-20'),
      stretch('b', '2026-02-20'),
      stretch('c', '2026-02-20'),
      stretch('d', '2026-03-25'),
    ],
    members: people.map((x) => ({ id: x.id, name: x.name, active: true })),
    ...patch,
  });
  const march = draft({ date: '2026-03-10', valueText: '300000' });

  it('a rep who joins on the 25th carries only the 25th–31st; the parts sum to the whole', () => {
    const plan = planOf(march, settings(), teams, people, roster());
    expect(plan.dated).toBe(true);
    expect(plan.allocation.shares).toEqual([
      { memberId: 'a', value: 9_431_818 },
      { memberId: 'b', value: 9_431_818 },
      { memberId: 'c', value: 9_431_818 },
      { memberId: 'd', value: 1_704_546 },
    ]);
    expect(plan.allocation).toMatchObject({ allocated: 30_000_000, unallocated: 0 });
    expect(plan.balanced).toBe(true);
    // D's first day is the 25th; the others are on the team the whole month.
    expect(plan.reps).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
      { id: 'd', name: 'D', days: { from: '2026-03-25', to: '2026-03-31' } },
    ]);
    // Every day's parts add up to the day: the 25th's 1,363,636 over four, 340,909 each.
    expect(plan.byMember.get('d')?.get('2026-03-24')).toBeUndefined();
    expect(plan.byMember.get('d')?.get('2026-03-25')).toBe(340_909);
    for (const [day, v] of plan.daily) {
      let sum = 0;
      for (const row of plan.byMember.values()) sum += row.get(day) ?? 0;
      expect(sum, day).toBe(v);
    }
  });

  it("without the period's history (not loaded, or another team's or period's), today's reps stand in", () => {
    const flat = planOf(march, settings(), teams, people, null);
    expect(flat.dated).toBe(false);
    expect(flat.allocation.shares.map((x) => x.value)).toEqual([
      7_500_000, 7_500_000, 7_500_000, 7_500_000,
    ]);
    const april = roster({ period: { kind: 'month', start: '2026-04-01', end: '2026-04-30' } });
    expect(planOf(march, settings(), teams, people, april).dated).toBe(false);
    expect(planOf(march, settings(), teams, people, roster({ teamId: 'east' })).dated).toBe(false);
  });

  it('a rep who left mid-month keeps their days, named from the history', () => {
    // C leaves on the 16th (until is exclusive): C carries the 1st–15th, A and B the whole month.
    // Workdays 2–6, 9–13 (10) of the 1st–15th over three; the 12 after over two.
    const left = roster({
      stretches: [
        stretch('a', '2026-02-20'),
        stretch('b', '2026-02-20'),
        stretch('c', '2026-02-20', '2026-03-16'),
      ],
      members: [
        { id: 'a', name: 'A', active: true },
        { id: 'b', name: 'B', active: true },
        { id: 'c', name: 'Chen (left)', active: false },
      ],
    });
    const active = people.filter((x) => x.id !== 'c' && x.id !== 'd');
    const plan = planOf(march, settings(), teams, active, left);
    // The 1st–15th are workdays 1–10: 13,636,363 (workdays 3, 6 and 9 take a left-over fen),
    // the rest 16,363,637. C: 13,636,363 / 3 = 4,545,454.33; A and B: 4,545,454.33 +
    // 16,363,637 / 2 = 12,727,272.83 each. Floors leave 2 fen: A's and B's .83.
    expect(plan.allocation.shares).toEqual([
      { memberId: 'a', value: 12_727_273 },
      { memberId: 'b', value: 12_727_273 },
      { memberId: 'c', value: 4_545_454 },
    ]);
    expect(plan.allocation.allocated).toBe(30_000_000);
    expect(plan.reps.find((x) => x.id === 'c')).toEqual({
      id: 'c',
      name: 'Chen (left)',
      days: { from: '2026-03-01', to: '2026-03-15' },
    });
  });

  it('days with no rep on the team are shown as carried by nobody', () => {
    // Only D, from the 25th: the 1st–24th's 23,181,818 is nobody's.
    const alone = roster({ stretches: [stretch('d', '2026-03-25')] });
    const plan = planOf(march, settings(), teams, people, alone);
    expect(plan.allocation.shares).toEqual([{ memberId: 'd', value: 6_818_182 }]);
    expect(plan.uncovered).toBe(23_181_818);
    expect(plan.allocation.unallocated).toBe(23_181_818);
  });

  it('explicit shares of a part-period rep are spread over their days only', () => {
    const plan = planOf(
      { ...march, mode: 'explicit', shares: { a: 100_000, b: 100_000, c: 90_000, d: 10_000 } },
      settings(),
      teams,
      people,
      roster(),
    );
    expect(plan.allocation).toMatchObject({ allocated: 30_000_000, unallocated: 0 });
    let beforeJoin = 0;
    for (const [day, v] of plan.byMember.get('d') ?? []) if (day < '2026-03-25') beforeJoin += v;
    expect(beforeJoin).toBe(0);
  });
});
