import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossedMilestones, MILESTONE_THRESHOLDS } from './index.ts';

describe('crossedMilestones', () => {
  it('uses 25 / 50 / 75 / 100 / 120', () => {
    expect(MILESTONE_THRESHOLDS).toEqual([25, 50, 75, 100, 120]);
  });

  it('returns reached thresholds not yet fired', () => {
    expect(crossedMilestones({ percent: 60, alreadyFired: [25] })).toEqual([50]);
    expect(crossedMilestones({ percent: 130, alreadyFired: [] })).toEqual([25, 50, 75, 100, 120]);
    expect(crossedMilestones({ percent: 24.99, alreadyFired: [] })).toEqual([]);
    expect(crossedMilestones({ percent: 25, alreadyFired: [] })).toEqual([25]);
  });

  it('fires nothing without a target', () => {
    expect(crossedMilestones({ percent: null, alreadyFired: [] })).toEqual([]);
  });

  it('is idempotent: what was fired is never returned again, across any sequence of updates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 20 }),
        (percents) => {
          const fired: number[] = [];
          for (const percent of percents) {
            const now = crossedMilestones({ percent, alreadyFired: fired });
            for (const t of now) expect(fired).not.toContain(t);
            fired.push(...now);
            expect(crossedMilestones({ percent, alreadyFired: fired })).toEqual([]);
          }
          const highest = Math.max(0, ...percents);
          expect(fired.sort((a, b) => a - b)).toEqual(
            MILESTONE_THRESHOLDS.filter((t) => t <= highest),
          );
        },
      ),
    );
  });
});
