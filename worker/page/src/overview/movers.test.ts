import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../../../shared/api/index.ts';
import { periodJustBegun, tiedAtZero } from './movers.ts';

const row = (id: string, rank: number, value: number): LeaderboardEntry => ({
  rank,
  member: { id, name: id },
  value,
  achieved: value,
  target: 100,
  percent: value,
  tier: null,
  streak: 0,
  points: 0,
});

// The 1st of a month: one rep has logged, fifteen tie at #2 with 0 %.
const firstOfMonth = [row('a', 1, 10), ...Array.from({ length: 15 }, (_, i) => row(`z${i}`, 2, 0))];
const month = { kind: 'month', start: '2026-12-01', end: '2026-12-31' };

describe('movers', () => {
  it('a row tied with others at zero has no rank worth showing; a lone zero keeps its rank', () => {
    expect(tiedAtZero(firstOfMonth[1] as LeaderboardEntry, firstOfMonth)).toBe(true);
    expect(tiedAtZero(firstOfMonth[0] as LeaderboardEntry, firstOfMonth)).toBe(false);
    const lone = [row('a', 1, 5), row('b', 2, 0)];
    expect(tiedAtZero(lone[1] as LeaderboardEntry, lone)).toBe(false);
  });

  it('the period has just begun in its first days while most of the team is at zero', () => {
    expect(periodJustBegun(month, '2026-12-01', firstOfMonth)).toBe(true);
    expect(periodJustBegun(month, '2026-12-03', firstOfMonth)).toBe(true);
    expect(periodJustBegun(month, '2026-12-04', firstOfMonth)).toBe(false);
    expect(periodJustBegun(month, '2026-11-30', firstOfMonth)).toBe(false);
    const moving = firstOfMonth.map((e, i) => (i < 9 ? { ...e, value: 1, rank: 1 } : e));
    expect(periodJustBegun(month, '2026-12-01', moving)).toBe(false);
    expect(
      periodJustBegun({ ...month, kind: 'day', end: '2026-12-01' }, '2026-12-01', firstOfMonth),
    ).toBe(false);
  });
});
