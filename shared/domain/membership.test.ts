import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD } from '../../test/support/arbitraries.ts';
import type { TeamSplit } from '../api/index.ts';
import { addDays, eachDay } from './dates.ts';
import { type MembershipPeriod, repsOnTeams, splitDaily, standingIn } from './membership.ts';
import { spreadTarget } from './targets.ts';

const rep = (memberId: string, from: string, until: string | null = null, teamId = 'sales') =>
  ({ memberId, teamId, role: 'rep', from, until }) as MembershipPeriod;

const sales = new Set(['sales']);
const march = spreadTarget(
  { period: { kind: 'month', start: '2026-03-01' }, value: 300_000 },
  STANDARD,
);
const sumOf = (m: ReadonlyMap<string, number> | undefined) =>
  [...(m?.values() ?? [])].reduce((s, v) => s + v, 0);

describe('splitDaily: a team target shared by the reps of each day', () => {
  // March 2026, Mon–Fri: 22 workdays; 300,000 = 22 × 13,636 + 8, the 8 extra units on workdays
  // 3, 6, 9, 11, 14, 17, 20, 22 (where the running pace crosses a whole unit).
  it('three reps all month carry exactly 100,000 each, whoever leaves later', () => {
    const history = [
      rep('a', '2026-01-05'),
      rep('b', '2026-01-05'),
      rep('c', '2026-01-05', '2026-07-15'),
    ];
    const { allocation } = splitDaily(march, repsOnTeams(history, sales));
    expect(allocation.shares).toEqual([
      { memberId: 'a', value: 100_000 },
      { memberId: 'b', value: 100_000 },
      { memberId: 'c', value: 100_000 },
    ]);
    expect(allocation.unallocated).toBe(0);
  });

  it('a rep joining on the 25th carries only the 25th–31st', () => {
    // Workdays 25, 26, 27, 30, 31 March carry 13,636 + 13,636 + 13,637 + 13,636 + 13,637 = 68,182;
    // 1–24 March carry 231,818. A, B, C: 231,818 / 3 + 68,182 / 4 = 94,318.17 each;
    // D: 68,182 / 4 = 17,045.5. Floors 3 × 94,318 + 17,045 = 299,999; the unit left goes to the
    // largest remainder (D's .5), so D = 17,046.
    const history = [
      rep('a', '2026-01-05'),
      rep('b', '2026-01-05'),
      rep('c', '2026-01-05'),
      rep('d', '2026-03-25'),
    ];
    const { allocation, byMember } = splitDaily(march, repsOnTeams(history, sales));
    expect(allocation.shares.map((s) => s.value)).toEqual([94_318, 94_318, 94_318, 17_046]);
    expect(allocation.allocated).toBe(300_000);
    const dDays = [...(byMember.get('d') ?? new Map()).entries()].filter(([, v]) => v > 0);
    expect(dDays.map(([d]) => d)).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-03-31',
    ]);
    for (const day of eachDay('2026-03-01', '2026-03-31')) {
      const parts = ['a', 'b', 'c', 'd'].map((id) => byMember.get(id)?.get(day) ?? 0);
      expect(parts.reduce((s, v) => s + v, 0)).toBe(march.get(day));
    }
  });

  it('weights share each day by the weights of the reps present', () => {
    const history = [rep('a', '2026-01-05'), rep('b', '2026-01-05')];
    const split: TeamSplit = { mode: 'weights', weights: { a: 3, b: 1 } };
    const { allocation } = splitDaily(march, repsOnTeams(history, sales), split);
    expect(allocation.shares.map((s) => s.value)).toEqual([225_000, 75_000]);
  });

  it('explicit shares are spread over the days the rep is present; the rest is unallocated', () => {
    const history = [rep('a', '2026-01-05'), rep('d', '2026-03-25')];
    const split: TeamSplit = { mode: 'explicit', shares: { a: 200_000, d: 50_000 } };
    const { allocation, byMember } = splitDaily(march, repsOnTeams(history, sales), split);
    expect(allocation.shares).toEqual([
      { memberId: 'a', value: 200_000 },
      { memberId: 'd', value: 50_000 },
    ]);
    expect(allocation.unallocated).toBe(50_000);
    expect(sumOf(new Map([...(byMember.get('d') ?? [])].filter(([d]) => d < '2026-03-25')))).toBe(
      0,
    );
  });

  it('days with no rep are reported as uncovered, not handed to anyone', () => {
    const history = [rep('d', '2026-03-25')];
    const { allocation, uncovered } = splitDaily(march, repsOnTeams(history, sales));
    expect(allocation.allocated).toBe(68_182);
    expect(allocation.unallocated).toBe(231_818);
    expect(sumOf(uncovered)).toBe(231_818);
  });

  it('managers and other teams carry nothing', () => {
    const history: MembershipPeriod[] = [
      rep('a', '2026-01-05'),
      { memberId: 'm', teamId: 'sales', role: 'manager', from: '2026-01-05', until: null },
      rep('x', '2026-01-05', null, 'other'),
    ];
    const { allocation } = splitDaily(march, repsOnTeams(history, sales));
    expect(allocation.shares).toEqual([{ memberId: 'a', value: 300_000 }]);
  });
});

describe('standingIn', () => {
  const span = { start: '2026-03-01', end: '2026-03-31' };
  it('says who is current, moved away or removed, and who was not a rep there then', () => {
    const history = [
      rep('a', '2026-01-05'),
      rep('moved', '2026-01-05', '2026-05-01'),
      rep('moved', '2026-05-01', null, 'other'),
      rep('gone', '2026-01-05', '2026-07-15'),
      rep('later', '2026-04-01'),
    ];
    const at = (id: string) => standingIn(id, history, sales, span, '2026-08-01');
    expect(at('a')).toBe('current');
    expect(at('moved')).toBe('moved');
    expect(at('gone')).toBe('removed');
    expect(at('later')).toBeNull();
    expect(
      standingIn('later', history, sales, { start: '2026-04-01', end: '2026-04-30' }, '2026-08-01'),
    ).toBe('current');
  });
});

// Any membership history: up to 6 reps, each with up to 3 stretches in a 90-day window.
const START = '2026-01-01';
const anyHistory = fc
  .array(
    fc.array(
      fc.record({ from: fc.integer({ min: 0, max: 89 }), len: fc.integer({ min: 1, max: 90 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    { minLength: 0, maxLength: 6 },
  )
  .map((reps) =>
    reps.flatMap((stretches, i) =>
      stretches.map((s) => rep(`m${i}`, addDays(START, s.from), addDays(START, s.from + s.len))),
    ),
  );
const anySplit: fc.Arbitrary<TeamSplit> = fc.oneof(
  fc.constant({ mode: 'equal' } as TeamSplit),
  fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }).map(
    (w) =>
      ({
        mode: 'weights',
        weights: Object.fromEntries(w.map((x, i) => [`m${i}`, x])),
      }) as TeamSplit,
  ),
);
const anyDaily = fc
  .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 90, maxLength: 90 })
  .map((values) => new Map(values.map((v, i) => [addDays(START, i), v])));

describe('splitDaily (properties)', () => {
  it("for any history and split, each day's shares sum to the day's value (or it is uncovered)", () => {
    fc.assert(
      fc.property(anyDaily, anyHistory, anySplit, (daily, history, split) => {
        const { byMember, uncovered, allocation } = splitDaily(
          daily,
          repsOnTeams(history, sales),
          split,
        );
        let total = 0;
        for (const [day, value] of daily) {
          let parts = 0;
          for (const row of byMember.values()) parts += row.get(day) ?? 0;
          expect(parts + (uncovered.get(day) ?? 0)).toBe(value);
          total += value;
        }
        expect(allocation.allocated + allocation.unallocated).toBe(total);
        expect(allocation.unallocated).toBe(sumOf(uncovered));
        // Each member's total is within a unit of their exact proportional share.
        const exact = new Map<string, number>();
        for (const [day, value] of daily) {
          const here = repsOnTeams(history, sales)(day);
          const w = here.map((id) => (split.mode === 'weights' ? (split.weights[id] ?? 0) : 1));
          const sum = w.reduce((s, x) => s + x, 0);
          here.forEach((id, k) => {
            const share = sum > 0 ? (value * (w[k] ?? 0)) / sum : value / here.length;
            exact.set(id, (exact.get(id) ?? 0) + share);
          });
        }
        for (const s of allocation.shares) {
          expect(Math.abs(s.value - (exact.get(s.memberId) ?? 0))).toBeLessThan(1 + 1e-6);
        }
      }),
    );
  });

  it('a closed span never changes when people join, move or leave after it', () => {
    fc.assert(
      fc.property(
        anyDaily,
        anyHistory,
        anySplit,
        fc.integer({ min: 30, max: 89 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
        (daily, history, split, closeAt, changes) => {
          const closed = new Map([...daily].filter(([d]) => d < addDays(START, closeAt)));
          const before = splitDaily(closed, repsOnTeams(history, sales), split);
          // Later comings and goings: every change takes effect on a day after the closed span.
          const later = history.map((p) =>
            changes.includes(Number(p.memberId.slice(1))) &&
            (p.until === null || p.until > addDays(START, closeAt))
              ? { ...p, until: addDays(START, closeAt + 1) }
              : p,
          );
          later.push(rep('newcomer', addDays(START, closeAt + 2)));
          const after = splitDaily(closed, repsOnTeams(later, sales), split);
          expect(after.allocation).toEqual(before.allocation);
        },
      ),
    );
  });
});
