import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, tierStatus, unitsToReach } from './index.ts';

describe('tierStatus', () => {
  const ladder = DEFAULT_TIERS;

  it('has no tier below 80 % and says exactly what is missing for Base', () => {
    expect(tierStatus({ achieved: 79_999, target: 100_000, ladder })).toEqual({
      current: null,
      next: 'base',
      toNext: 1,
    });
    expect(tierStatus({ achieved: 0, target: 100_000, ladder })).toMatchObject({ toNext: 80_000 });
  });

  it('reaches a tier exactly at its threshold', () => {
    expect(tierStatus({ achieved: 80_000, target: 100_000, ladder })).toEqual({
      current: 'base',
      next: 'sprint',
      toNext: 20_000,
    });
    expect(tierStatus({ achieved: 100_000, target: 100_000, ladder })).toEqual({
      current: 'sprint',
      next: 'breakthrough',
      toNext: 20_000,
    });
  });

  it('has no next tier at the top', () => {
    expect(tierStatus({ achieved: 500_000, target: 100_000, ladder })).toEqual({
      current: 'breakthrough',
      next: null,
      toNext: null,
    });
  });

  it('is all null without a target', () => {
    expect(tierStatus({ achieved: 5, target: 0, ladder })).toEqual({
      current: null,
      next: null,
      toNext: null,
    });
  });

  it('rounds the distance up in the metric units (120 % of 333 = 399.6 → 400)', () => {
    expect(tierStatus({ achieved: 333, target: 333, ladder })).toMatchObject({
      next: 'breakthrough',
      toNext: 67,
    });
    expect(unitsToReach(120, 333)).toBe(400);
    expect(unitsToReach(110, 100)).toBe(110);
  });

  it('accepts an unsorted custom ladder', () => {
    const custom = [
      { id: 'gold', threshold: 150, name: { en: 'Gold', zh: '金' }, reward: 'trip' },
      { id: 'silver', threshold: 90, name: { en: 'Silver', zh: '银' }, reward: '' },
    ];
    expect(tierStatus({ achieved: 95, target: 100, ladder: custom })).toEqual({
      current: 'silver',
      next: 'gold',
      toNext: 55,
    });
  });

  it('toNext is the least whole number of units that reaches the next tier (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (achieved, target) => {
          const status = tierStatus({ achieved, target, ladder });
          if (status.toNext === null) {
            expect(status.current).toBe('breakthrough');
            return;
          }
          const next = ladder.find((t) => t.id === status.next);
          const thresholdOf = (id: string | null) =>
            ladder.find((t) => t.id === id)?.threshold ?? 0;
          expect(status.toNext).toBeGreaterThan(0);
          // toNext units reach the next tier (with a tiny target, maybe one beyond it) …
          const after = tierStatus({ achieved: achieved + status.toNext, target, ladder });
          expect(thresholdOf(after.current)).toBeGreaterThanOrEqual(next?.threshold ?? Infinity);
          // … and one unit fewer does not.
          const short = tierStatus({ achieved: achieved + status.toNext - 1, target, ladder });
          expect(short.current).toBe(status.current);
        },
      ),
    );
  });
});
