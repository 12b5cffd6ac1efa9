import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyCalendar, anyRecentDate, calendar, STANDARD } from '../../test/support/arbitraries.ts';
import {
  addDays,
  computeProgress,
  dailyTargets,
  eachDay,
  periodContaining,
  spreadTarget,
} from './index.ts';

// November 2026 with Thanksgiving off: 20 workdays, so 100,000 is 5,000 a workday.
const cal = calendar({ holidays: ['2026-11-26'] });
const period = periodContaining('month', '2026-11-15', cal);
const targets = spreadTarget(
  { period: { kind: 'month', start: period.start }, value: 100_000 },
  cal,
);

describe('computeProgress', () => {
  it('works the example of docs/architecture.md: % of target, pace gap, needed per workday', () => {
    // Friday 20 Nov at 13:30 (half the working day): 14 workdays gone + 0.5 today.
    const progress = computeProgress({
      period,
      dailyTargets: targets,
      achievedByDay: { '2026-11-03': 30_000, '2026-11-18': 32_000 },
      today: '2026-11-20',
      todayElapsed: 0.5,
      cal,
    });
    expect(progress).toMatchObject({
      achieved: 62_000,
      target: 100_000,
      percent: 62,
      expectedByNow: 72_500,
      gap: -10_500,
      elapsedWorkdays: 14.5,
      remainingWorkdays: 5.5,
    });
    expect(progress.forecast).toBeCloseTo(62_000 + (62_000 / 14.5) * 5.5, 6);
    expect(progress.neededPerWorkday).toBeCloseTo(38_000 / 5.5, 6);
  });

  it('reads days from a Map as well, and ignores achievements outside the period', () => {
    const progress = computeProgress({
      period,
      dailyTargets: targets,
      achievedByDay: new Map([
        ['2026-10-31', 99],
        ['2026-11-02', 10_000],
      ]),
      today: '2026-11-03',
      todayElapsed: 0,
      cal,
    });
    expect(progress).toMatchObject({ achieved: 10_000, expectedByNow: 5000, gap: 5000 });
  });

  it('has no percent without a target', () => {
    const progress = computeProgress({
      period,
      dailyTargets: new Map(),
      achievedByDay: { '2026-11-02': 4 },
      today: '2026-11-10',
      todayElapsed: 0.2,
      cal,
    });
    expect(progress).toMatchObject({ percent: null, target: 0, neededPerWorkday: 0, gap: 4 });
  });

  it('counts a non-workday today as neither elapsed nor remaining', () => {
    const saturday = computeProgress({
      period,
      dailyTargets: targets,
      achievedByDay: {},
      today: '2026-11-21',
      todayElapsed: 0.7,
      cal,
    });
    expect(saturday).toMatchObject({
      elapsedWorkdays: 15,
      remainingWorkdays: 5,
      expectedByNow: 75_000,
    });
  });

  it('before the period: nothing expected yet, the whole period remains', () => {
    const progress = computeProgress({
      period,
      dailyTargets: targets,
      achievedByDay: {},
      today: '2026-10-20',
      todayElapsed: 0.5,
      cal,
    });
    expect(progress).toMatchObject({
      expectedByNow: 0,
      remainingWorkdays: 20,
      neededPerWorkday: 5000,
      forecast: 0,
    });
  });

  it('after the period: everything expected, the whole shortfall needed', () => {
    const progress = computeProgress({
      period,
      dailyTargets: targets,
      achievedByDay: { '2026-11-05': 90_000 },
      today: '2026-12-02',
      todayElapsed: 0.5,
      cal,
    });
    expect(progress).toMatchObject({
      expectedByNow: 100_000,
      remainingWorkdays: 0,
      neededPerWorkday: 10_000,
      forecast: 90_000,
    });
  });

  it('paces a period with no workday over all its days (a Sunday day target)', () => {
    const sunday = periodContaining('day', '2026-11-22', STANDARD);
    const progress = computeProgress({
      period: sunday,
      dailyTargets: spreadTarget(
        { period: { kind: 'day', start: sunday.start }, value: 10 },
        STANDARD,
      ),
      achievedByDay: { '2026-11-22': 4 },
      today: '2026-11-22',
      todayElapsed: 0.5,
      cal: STANDARD,
    });
    expect(progress).toMatchObject({
      expectedByNow: 5,
      remainingWorkdays: 0.5,
      // Less than one workday left: the whole shortfall is needed today (not 6 ÷ 0.5 = 12).
      neededPerWorkday: 6,
    });
  });

  it('keeps its invariants on any calendar, day and history (property)', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.integer({ min: -40, max: 130 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 50_000 })), {
          maxLength: 20,
        }),
        (anyCal, date, todayOffset, todayElapsed, value, logs) => {
          const quarter = periodContaining('quarter', date, anyCal);
          const daily = dailyTargets({
            targets: [
              { period: { kind: 'quarter', start: quarter.start }, value, source: 'member' },
            ],
            start: quarter.start,
            end: quarter.end,
            cal: anyCal,
          });
          const achievedByDay = new Map<string, number>();
          for (const [offset, amount] of logs) {
            const day = addDays(quarter.start, offset);
            achievedByDay.set(day, (achievedByDay.get(day) ?? 0) + amount);
          }
          const today = addDays(quarter.start, todayOffset);
          const p = computeProgress({
            period: quarter,
            dailyTargets: daily,
            achievedByDay,
            today,
            todayElapsed,
            cal: anyCal,
          });
          expect(p.target).toBe(value);
          expect(p.expectedByNow).toBeGreaterThanOrEqual(0);
          expect(p.expectedByNow).toBeLessThanOrEqual(value + 1e-6);
          expect(p.gap).toBeCloseTo(p.achieved - p.expectedByNow, 6);
          expect(p.forecast).toBeGreaterThanOrEqual(p.achieved);
          // Doing the needed amount on every remaining workday reaches the target.
          const reach = p.achieved + p.neededPerWorkday * Math.max(1, p.remainingWorkdays);
          expect(reach).toBeGreaterThanOrEqual(p.target - 1e-6);
          const paceDays = eachDay(quarter.start, quarter.end).length;
          expect(p.elapsedWorkdays + p.remainingWorkdays).toBeLessThanOrEqual(paceDays + 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
});
