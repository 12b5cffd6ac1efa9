import { describe, expect, it } from 'vitest';
import { isQualifyingDay, pointsByDay, pointsFor } from './index.ts';

const settings = {
  points: {},
  customMetrics: [],
  manualLogPointsPercent: 100,
  dailyPointsGoal: 20,
};

describe('pointsFor', () => {
  it('weights count metrics by their points; amounts earn nothing', () => {
    // 5 calls × 2 + 2 visits × 5 + 1 deal × 10 + 3 emails × 1 + revenue 0
    expect(
      pointsFor({ calls: 5, visits: 2, deals: 1, emails: 3, revenue: 1_000_000 }, settings),
    ).toBe(33);
    expect(pointsFor({ unknown_metric: 50 }, settings)).toBe(0);
    expect(pointsFor({}, settings)).toBe(0);
  });

  it('uses the team points settings', () => {
    expect(pointsFor({ emails: 10 }, { ...settings, points: { emails: 0 } })).toBe(0);
  });

  it('gives manual logs (no evidence) their percentage of full points, rounded down', () => {
    const half = { ...settings, manualLogPointsPercent: 50 };
    // 4 visits, 1 of them manual: 3 × 5 + floor(5 × 0.5) = 17
    expect(pointsFor({ visits: 4 }, half, { manualShare: { visits: 1 } })).toBe(17);
    expect(pointsFor({ visits: 4 }, settings, { manualShare: { visits: 4 } })).toBe(20);
    expect(
      pointsFor(
        { visits: 4 },
        { ...settings, manualLogPointsPercent: 0 },
        { manualShare: { visits: 9 } },
      ),
    ).toBe(0);
  });

  it('gives points per day and says which days qualify', () => {
    const byDay = pointsByDay(
      new Map([
        ['2026-11-23', { calls: 10 }],
        ['2026-11-24', { calls: 3, visits: 1 }],
      ]),
      { ...settings, manualLogPointsPercent: 0 },
      { manualByDay: { '2026-11-24': { visits: 1 } } },
    );
    expect([...byDay]).toEqual([
      ['2026-11-23', 20],
      ['2026-11-24', 6],
    ]);
    expect(isQualifyingDay(20, settings)).toBe(true);
    expect(isQualifyingDay(19, settings)).toBe(false);
    expect(isQualifyingDay(19, {})).toBe(false);
  });
});
