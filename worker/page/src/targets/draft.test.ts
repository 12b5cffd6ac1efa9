import { describe, expect, it } from 'vitest';
import { type OrgSettings, TargetInput, type TargetView } from '../../../../shared/api/index.ts';
import { defaultOrgSettings } from '../../../../shared/domain/index.ts';
import {
  currentTargetOf,
  existingTarget,
  initialDraft,
  planOf,
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
