import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyCalendar,
  anyRecentDate,
  calendar,
  SHANGHAI_ALTERNATING,
  STANDARD,
} from '../../test/support/arbitraries.ts';
import type { PacingCurve, PeriodKind } from '../api/index.ts';
import {
  type ApplicableTarget,
  addDays,
  dailyTargets,
  eachDay,
  isWorkday,
  periodContaining,
  periodTarget,
  shiftPeriod,
  splitTeamTarget,
  spreadTarget,
} from './index.ts';

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const THIRDS: PacingCurve = [
  { days: 1 / 3, weight: 0.3 },
  { days: 1 / 3, weight: 0.5 },
  { days: 1 / 3, weight: 0.2 },
];

describe('spreadTarget', () => {
  it('spreads equally over the workdays of the period, leftover units evenly in time', () => {
    // November 2026 has 21 workdays; 100,000 / 21 = 4,761.9…: 19 days get 4,762, two get 4,761.
    const spread = spreadTarget(
      { period: { kind: 'month', start: '2026-11-01' }, value: 100_000 },
      STANDARD,
    );
    expect(spread.size).toBe(30);
    expect(sum(spread.values())).toBe(100_000);
    expect(spread.get('2026-11-01')).toBe(0);
    expect(spread.get('2026-11-28')).toBe(0);
    const workdayParts = [...spread.values()].filter((v) => v > 0);
    expect(workdayParts.filter((v) => v === 4762)).toHaveLength(19);
    const short = [...spread.entries()].filter(([, v]) => v === 4761).map(([d]) => d);
    // The two short days are ten workdays apart (the 1st and the 11th), not both at the month's end.
    expect(short).toEqual(['2026-11-02', '2026-11-16']);
  });

  it('never lets a small target fall due early: every prefix stays within one unit of pace', () => {
    // 220 visits over 2026's ~250 workdays: by-index ties would make all 220 due by mid-December.
    const spread = spreadTarget(
      { period: { kind: 'year', start: '2026-01-01' }, value: 220 },
      STANDARD,
    );
    const workdays = [...spread.entries()].filter(([d]) => isWorkday(d, STANDARD));
    let running = 0;
    for (const [i, [, v]] of workdays.entries()) {
      running += v;
      const ideal = (220 * (i + 1)) / workdays.length;
      expect(Math.abs(running - ideal)).toBeLessThan(1);
    }
    expect(running).toBe(220);
  });

  it('weights a month 30 % / 50 % / 20 % over its first ten days / middle / last days', () => {
    const spread = spreadTarget(
      { period: { kind: 'month', start: '2026-11-01' }, value: 210_000, curve: THIRDS },
      STANDARD,
    );
    const part = (from: string, to: string) =>
      sum(eachDay(from, to).map((d) => spread.get(d) ?? 0));
    // 7, 8 and 6 workdays in the three ten-day parts.
    expect(part('2026-11-01', '2026-11-10')).toBe(63_000);
    expect(part('2026-11-11', '2026-11-20')).toBe(105_000);
    expect(part('2026-11-21', '2026-11-30')).toBe(42_000);
    expect(spread.get('2026-11-02')).toBe(9000);
    expect(spread.get('2026-11-30')).toBe(7000);
  });

  it('spreads over all days when the period has no workday', () => {
    const sunday = spreadTarget(
      { period: { kind: 'day', start: '2026-11-29' }, value: 5 },
      STANDARD,
    );
    expect([...sunday]).toEqual([['2026-11-29', 5]]);
    const allOff = calendar({ holidays: eachDay('2026-12-21', '2026-12-25') });
    const week = spreadTarget({ period: { kind: 'week', start: '2026-12-21' }, value: 70 }, allOff);
    expect([...week.values()]).toEqual([10, 10, 10, 10, 10, 10, 10]);
  });

  it('gives the weight of a segment with no workday to the others', () => {
    // Week of 2026-11-23: the last 2/7 of the days are the weekend.
    const curve: PacingCurve = [
      { days: 5 / 7, weight: 0.5 },
      { days: 2 / 7, weight: 0.5 },
    ];
    const spread = spreadTarget(
      { period: { kind: 'week', start: '2026-11-23' }, value: 10, curve },
      STANDARD,
    );
    expect([...spread.values()]).toEqual([2, 2, 2, 2, 2, 0, 0]);
  });

  it('hands out copies: mutating a spread does not change the next one', () => {
    const target = { period: { kind: 'week' as const, start: '2026-11-23' }, value: 5 };
    spreadTarget(target, STANDARD).set('2026-11-23', 999);
    expect(spreadTarget(target, STANDARD).get('2026-11-23')).toBe(1);
    expect(
      periodTarget({
        targets: [{ ...target, source: 'member' }],
        start: '2026-11-23',
        end: '2026-11-29',
        cal: STANDARD,
      }),
    ).toBe(5);
  });

  it('follows a calendar changed after a spread was computed', () => {
    const cal = calendar();
    const target = { period: { kind: 'week' as const, start: '2026-11-23' }, value: 5 };
    expect(spreadTarget(target, cal).get('2026-11-26')).toBe(1);
    cal.holidays = ['2026-11-26'];
    const changed = spreadTarget(target, cal);
    expect(changed.get('2026-11-26')).toBe(0);
    // 5 over the 4 workdays left: the leftover unit falls on the Friday, where the pace reaches 5.
    expect([...changed.values()]).toEqual([1, 1, 1, 0, 2, 0, 0]);
  });

  it('normalises a start inside the period', () => {
    const spread = spreadTarget(
      { period: { kind: 'week', start: '2026-11-25' }, value: 5 },
      STANDARD,
    );
    expect([...spread.keys()][0]).toBe('2026-11-23');
  });

  it('follows a six-day alternating calendar (Asia/Shanghai)', () => {
    const spread = spreadTarget(
      { period: { kind: 'week', start: '2026-01-05' }, value: 600 },
      SHANGHAI_ALTERNATING,
    );
    expect([...spread.values()]).toEqual([100, 100, 100, 100, 100, 100, 0]);
    const short = spreadTarget(
      { period: { kind: 'week', start: '2026-01-12' }, value: 600 },
      SHANGHAI_ALTERNATING,
    );
    expect([...short.values()]).toEqual([120, 120, 120, 120, 120, 0, 0]);
  });
});

const member = (kind: PeriodKind, start: string, value: number): ApplicableTarget => ({
  period: { kind, start },
  value,
  source: 'member',
});
const team = (kind: PeriodKind, start: string, value: number): ApplicableTarget => ({
  ...member(kind, start, value),
  source: 'team',
});

describe('dailyTargets', () => {
  it('takes each day from the most specific target covering it', () => {
    const targets = [
      member('month', '2026-11-01', 21_000),
      team('week', '2026-11-23', 500),
      member('day', '2026-11-25', 7),
    ];
    const days = dailyTargets({ targets, start: '2026-11-20', end: '2026-11-30', cal: STANDARD });
    expect(days.get('2026-11-20')).toBe(1000); // month: 21,000 over 21 workdays
    expect(days.get('2026-11-23')).toBe(100); // the team week share beats the month
    expect(days.get('2026-11-25')).toBe(7); // the day target beats the week
    expect(days.get('2026-11-28')).toBe(0); // week target, but a Saturday
    expect(days.get('2026-11-30')).toBe(1000); // the next week has no week target
  });

  it('prefers the member target over a team share of the same kind', () => {
    const targets = [team('month', '2026-11-01', 42_000), member('month', '2026-11-01', 21_000)];
    expect(periodTarget({ targets, start: '2026-11-01', end: '2026-11-30', cal: STANDARD })).toBe(
      21_000,
    );
    const reversed = [member('month', '2026-11-01', 21_000), team('month', '2026-11-01', 42_000)];
    expect(
      periodTarget({ targets: reversed, start: '2026-11-01', end: '2026-11-30', cal: STANDARD }),
    ).toBe(21_000);
  });

  it('is 0 on days no target covers', () => {
    const days = dailyTargets({
      targets: [member('week', '2026-11-23', 5)],
      start: '2026-11-16',
      end: '2026-11-22',
      cal: STANDARD,
    });
    expect(sum(days.values())).toBe(0);
    expect(days.size).toBe(7);
  });

  it('makes a week that spans two months right automatically', () => {
    // Week of 2026-11-30 (Mon) – 2026-12-06: one November workday, four December ones;
    // December 2026 has 23 workdays.
    const targets = [member('month', '2026-11-01', 21_000), member('month', '2026-12-01', 23_000)];
    const week = periodContaining('week', '2026-11-30', STANDARD);
    expect(periodTarget({ targets, start: week.start, end: week.end, cal: STANDARD })).toBe(
      1000 + 4 * 1000,
    );
  });
});

/** Sub-periods of `kind` covering `period`, clipped to it. */
function tiles(period: { start: string; end: string }, kind: PeriodKind, cal: typeof STANDARD) {
  const parts: { start: string; end: string }[] = [];
  let current = periodContaining(kind, period.start, cal);
  while (current.start <= period.end) {
    parts.push({
      // ISO dates sort as text: the later start and the earlier end clip the tile.
      start: [current.start, period.start].sort()[1] ?? period.start,
      end: [current.end, period.end].sort()[0] ?? period.end,
    });
    current = shiftPeriod(current, 1, cal);
  }
  return parts;
}

const anyCurve: fc.Arbitrary<PacingCurve> = fc
  .array(
    fc.record({ days: fc.integer({ min: 1, max: 10 }), weight: fc.integer({ min: 0, max: 10 }) }),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .filter((segments) => segments.some((s) => s.weight > 0))
  .map((segments) => {
    const days = sum(segments.map((s) => s.days));
    const weight = sum(segments.map((s) => s.weight));
    return segments.map((s) => ({ days: s.days / days, weight: s.weight / weight }));
  });

describe('decomposition invariants (properties)', () => {
  const largerKinds = ['week', 'month', 'quarter', 'year'] as const;
  const smaller: Record<(typeof largerKinds)[number], PeriodKind[]> = {
    week: ['day'],
    month: ['week', 'day'],
    quarter: ['month', 'week'],
    year: ['quarter', 'month', 'week'],
  };

  it('a spread target sums exactly to its value, only on workdays when there are any', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.constantFrom<PeriodKind>('day', 'week', 'month', 'quarter', 'year'),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.option(anyCurve, { nil: undefined }),
        (cal, date, kind, value, curve) => {
          const spread = spreadTarget({ period: { kind, start: date }, value, curve }, cal);
          expect(sum(spread.values())).toBe(value);
          const days = [...spread.keys()];
          if (days.some((d) => isWorkday(d, cal))) {
            for (const [day, v] of spread) if (!isWorkday(day, cal)) expect(v).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the target of any period is the sum of its sub-periods (weeks across months, fiscal quarters)', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.constantFrom(...largerKinds),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(anyCurve, { nil: undefined }),
        (cal, date, kind, value, curve) => {
          const period = periodContaining(kind, date, cal);
          const targets = [{ ...member(kind, period.start, value), curve }];
          const whole = periodTarget({ targets, start: period.start, end: period.end, cal });
          expect(whole).toBe(value);
          for (const subKind of smaller[kind]) {
            const parts = tiles(period, subKind, cal);
            expect(sum(parts.map((p) => periodTarget({ targets, ...p, cal })))).toBe(value);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('team → members → days: every level adds up exactly to the team target', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.constantFrom<PeriodKind>('week', 'month', 'quarter'),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.option(anyCurve, { nil: undefined }),
        (cal, date, kind, value, weights, curve) => {
          const period = periodContaining(kind, date, cal);
          const ids = weights.map((_, i) => `m${i}`);
          const split = {
            mode: 'weights' as const,
            weights: Object.fromEntries(ids.map((id, i) => [id, weights[i] ?? 0])),
          };
          const allocation = splitTeamTarget(value, ids, split);
          let total = 0;
          for (const share of allocation.shares) {
            const targets = [
              {
                period: { kind, start: period.start },
                value: share.value,
                curve,
                source: 'team' as const,
              },
            ];
            const days = dailyTargets({ targets, start: period.start, end: period.end, cal });
            expect(sum(days.values())).toBe(share.value);
            total += sum(days.values());
          }
          expect(total).toBe(value);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('mixed member and team targets: any range sums to its days, split anywhere', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom<PeriodKind>('day', 'week', 'month', 'quarter', 'year'),
            offset: fc.integer({ min: 0, max: 120 }),
            value: fc.integer({ min: 0, max: 1_000_000 }),
            source: fc.constantFrom<'member' | 'team'>('member', 'team'),
          }),
          { maxLength: 6 },
        ),
        (cal, start, length, cut, specs) => {
          const end = addDays(start, length);
          const middle = addDays(start, Math.min(cut, length));
          const targets = specs.map((s) => ({
            period: { kind: s.kind, start: addDays(start, s.offset) },
            value: s.value,
            source: s.source,
          }));
          const daily = dailyTargets({ targets, start, end, cal });
          const whole = periodTarget({ targets, start, end, cal });
          expect(whole).toBe(sum(daily.values()));
          const left = periodTarget({ targets, start, end: middle, cal });
          const right = periodTarget({ targets, start: addDays(middle, 1), end, cal });
          expect(left + right).toBe(whole);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('splitTeamTarget', () => {
  it('splits equally by default with sum-preserving rounding', () => {
    expect(splitTeamTarget(100, ['a', 'b', 'c'])).toEqual({
      shares: [
        { memberId: 'a', value: 34 },
        { memberId: 'b', value: 33 },
        { memberId: 'c', value: 33 },
      ],
      allocated: 100,
      unallocated: 0,
    });
  });

  it('splits by weights; members without a weight get nothing', () => {
    const allocation = splitTeamTarget(1000, ['a', 'b', 'c'], {
      mode: 'weights',
      weights: { a: 3, b: 1 },
    });
    expect(allocation.shares.map((s) => s.value)).toEqual([750, 250, 0]);
    expect(allocation.unallocated).toBe(0);
  });

  it('splits equally when all weights are zero', () => {
    const allocation = splitTeamTarget(9, ['a', 'b', 'c'], { mode: 'weights', weights: {} });
    expect(allocation.shares.map((s) => s.value)).toEqual([3, 3, 3]);
  });

  it('reports explicit under- and over-allocation instead of hiding it', () => {
    const under = splitTeamTarget(100, ['a', 'b'], { mode: 'explicit', shares: { a: 40, b: 30 } });
    expect(under).toMatchObject({ allocated: 70, unallocated: 30 });
    const over = splitTeamTarget(100, ['a', 'b'], {
      mode: 'explicit',
      shares: { a: 80, b: 30, x: 5 },
    });
    expect(over).toMatchObject({ allocated: 110, unallocated: -10 });
    expect(over.shares).toEqual([
      { memberId: 'a', value: 80 },
      { memberId: 'b', value: 30 },
    ]);
  });

  it('leaves everything unallocated with no members and counts duplicates once', () => {
    expect(splitTeamTarget(50, [])).toEqual({ shares: [], allocated: 0, unallocated: 50 });
    expect(splitTeamTarget(10, ['a', 'a', 'b']).shares.map((s) => s.value)).toEqual([5, 5]);
  });

  it('rejects a non-integer or negative target', () => {
    expect(() => splitTeamTarget(10.5, ['a'])).toThrow(RangeError);
    expect(() => splitTeamTarget(-1, ['a'])).toThrow(RangeError);
  });

  it('equal and weighted shares always add up to the team target (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 30 }),
        (value, ids, rawWeights) => {
          const weights = Object.fromEntries(ids.map((id, i) => [id, rawWeights[i] ?? 0]));
          for (const split of [{ mode: 'equal' } as const, { mode: 'weights', weights } as const]) {
            const allocation = splitTeamTarget(value, ids, split);
            expect(allocation.allocated).toBe(value);
            expect(allocation.unallocated).toBe(0);
            expect(sum(allocation.shares.map((s) => s.value))).toBe(value);
          }
        },
      ),
    );
  });
});
