import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from './index.ts';

describe('largestRemainder', () => {
  it('rounds down and gives leftovers to the largest remainders', () => {
    expect(largestRemainder(100, [0.3, 0.5, 0.2])).toEqual([30, 50, 20]);
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(10, [2, 1, 1])).toEqual([5, 3, 2]);
    expect(largestRemainder(7, [0.45, 0.45, 0.1])).toEqual([3, 3, 1]);
  });

  it('breaks equal remainders by index, deterministically', () => {
    expect(largestRemainder(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]);
    expect(largestRemainder(5, [1, 1, 1])).toEqual([2, 2, 1]);
  });

  it("with ties: 'spread', gives left-over units where the running pace crosses a whole unit", () => {
    expect(largestRemainder(2, [1, 1, 1, 1], { ties: 'spread' })).toEqual([0, 1, 0, 1]);
    expect(largestRemainder(3, [1, 1, 1, 1, 1, 1, 1, 1, 1], { ties: 'spread' })).toEqual([
      0, 0, 1, 0, 0, 1, 0, 0, 1,
    ]);
  });

  it("with ties: 'spread', large totals cross at the same places as small ones (float noise snapped)", () => {
    // 300,000 and 30,000,000 over 22 both leave 8 units, where 4k / 22 crosses a whole number:
    // the 3rd, 6th, 9th, 11th, 14th, 17th, 20th and 22nd (the 11th's running sum 15,000,000 is
    // 14,999,999.999999998 in floating point, still a crossing).
    const extras = (total: number) => {
      const parts = largestRemainder(
        total,
        Array.from({ length: 22 }, () => 1),
        { ties: 'spread' },
      );
      const floor = Math.floor(total / 22);
      return parts.flatMap((p, i) => (p > floor ? [i + 1] : []));
    };
    expect(extras(300_000)).toEqual([3, 6, 9, 11, 14, 17, 20, 22]);
    expect(extras(30_000_000)).toEqual([3, 6, 9, 11, 14, 17, 20, 22]);
    expect(extras(3_000_000_000)).toEqual([3, 6, 9, 11, 14, 17, 20, 22]);
  });

  it("with ties: 'spread', every prefix of an equal split stays within one unit of pace (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 400 }),
        (total, n) => {
          const parts = largestRemainder(
            total,
            Array.from({ length: n }, () => 1),
            { ties: 'spread' },
          );
          let running = 0;
          parts.forEach((p, i) => {
            running += p;
            expect(Math.abs(running - (total * (i + 1)) / n)).toBeLessThan(1);
          });
          expect(running).toBe(total);
        },
      ),
    );
  });

  it('splits equally when every weight is zero', () => {
    expect(largestRemainder(10, [0, 0, 0, 0])).toEqual([3, 3, 2, 2]);
  });

  it('handles a total of zero and a negative total', () => {
    expect(largestRemainder(0, [1, 2, 3])).toEqual([0, 0, 0]);
    expect(largestRemainder(0, [])).toEqual([]);
    expect(largestRemainder(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
  });

  it('rejects what cannot be split', () => {
    expect(() => largestRemainder(5, [])).toThrow(/no parts/);
    expect(() => largestRemainder(1.5, [1])).toThrow(/safe integer/);
    expect(() => largestRemainder(5, [1, -1])).toThrow(/≥ 0/);
    expect(() => largestRemainder(5, [Number.NaN])).toThrow(/finite/);
  });

  it('parts sum exactly to the total and stay within one unit of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
          const sum = weights.reduce((a, b) => a + b, 0);
          const shares =
            sum > 0
              ? weights.map((w) => (total * w) / sum)
              : weights.map(() => total / weights.length);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (shares[i] ?? 0))).toBeLessThanOrEqual(1 + total * 1e-12);
          });
        },
      ),
    );
  });
});
