import { describe, expect, it } from 'vitest';
import { boardTotals } from './totals.ts';

describe('boardTotals', () => {
  it('adds up a metric’s achieved and target', () => {
    const rows = [
      { achieved: 300, target: 400 },
      { achieved: 100, target: 400 },
    ];
    expect(boardTotals(rows, 'revenue')).toEqual({ achieved: 400, target: 800, percent: 50 });
  });

  it('pools a ratio’s parts: ¥14,000 over 5 deals is ¥2,800, not the mean of ¥4,000 and ¥2,000', () => {
    const rows = [
      { achieved: 400_000, target: 350_000, parts: { numerator: 800_000, denominator: 2 } },
      { achieved: 200_000, target: 350_000, parts: { numerator: 600_000, denominator: 3 } },
    ];
    // 280,000 of the shared 350,000 target: 80 %.
    expect(boardTotals(rows, 'avg_order_value')).toEqual({
      achieved: 280_000,
      target: 350_000,
      percent: 80,
    });
    // Different targets per rep: the whole has none.
    const mixed = [rows[0], { ...rows[1], target: 250_000 }] as typeof rows;
    expect(boardTotals(mixed, 'avg_order_value')).toMatchObject({ target: 0, percent: null });
    expect(boardTotals([{ achieved: 0, target: 0 }], 'avg_order_value').achieved).toBeNull();
  });
});
