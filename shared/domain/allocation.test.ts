import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD } from '../../test/support/arbitraries.ts';
import type { TeamSplit } from '../api/index.ts';
import {
  allocationTree,
  type OwnTeamTarget,
  periodMismatch,
  resolveTeamTargets,
  shareOut,
  type TreeLevel,
} from './allocation.ts';

// China → North (→ Beijing, Tianjin), South.
const TEAMS = [
  { id: 'china', parentId: null },
  { id: 'north', parentId: 'china' },
  { id: 'south', parentId: 'china' },
  { id: 'beijing', parentId: 'north' },
  { id: 'tianjin', parentId: 'north' },
];
const equalOverTeams: TeamSplit = { mode: 'equal', over: 'teams' };
const noReps = () => [];

describe('resolveTeamTargets', () => {
  it('hands a target down level by level to any depth', () => {
    const resolved = resolveTeamTargets(TEAMS, [
      {
        teamId: 'china',
        value: 1_000_000,
        split: { mode: 'weights', weights: { north: 3, south: 1 }, over: 'teams' },
      },
      { teamId: 'north', value: 750_000, split: equalOverTeams },
    ]);
    expect(resolved.get('south')).toMatchObject({ value: 250_000, source: 'allocated' });
    expect(resolved.get('north')).toMatchObject({ value: 750_000, source: 'own' });
    expect(resolved.get('beijing')).toMatchObject({ value: 375_000, source: 'allocated' });
    expect(resolved.get('tianjin')).toMatchObject({ value: 375_000, source: 'allocated' });
  });

  it('a team that allocates to its reps hands nothing to sub-teams', () => {
    const resolved = resolveTeamTargets(TEAMS, [{ teamId: 'north', value: 100, split: null }]);
    expect([...resolved.keys()]).toEqual(['north']);
  });
});

describe('allocationTree', () => {
  it('shows each level over, under or exact', () => {
    const own: OwnTeamTarget[] = [
      { teamId: 'china', value: 1_000_000, split: equalOverTeams },
      // North set its own target above its 500,000 share: China is over-allocated by 100,000.
      {
        teamId: 'north',
        value: 600_000,
        split: { mode: 'explicit', shares: { beijing: 200_000 }, over: 'teams' },
      },
    ];
    const tree = allocationTree(TEAMS, 'china', resolveTeamTargets(TEAMS, own), noReps);
    expect(tree).toMatchObject({
      target: 1_000_000,
      allocated: 1_100_000,
      gap: -100_000,
      status: 'over',
    });
    const north = tree.children.find((c) => c.teamId === 'north');
    expect(north).toMatchObject({
      target: 600_000,
      allocated: 200_000,
      gap: 400_000,
      status: 'under',
    });
    const south = tree.children.find((c) => c.teamId === 'south');
    expect(south).toMatchObject({ target: 500_000, source: 'allocated', over: 'reps' });
  });

  it('at the reps level, reports what the reps carry', () => {
    const own: OwnTeamTarget[] = [{ teamId: 'south', value: 90, split: null }];
    const tree = allocationTree(TEAMS, 'south', resolveTeamTargets(TEAMS, own), () => [
      { memberId: 'a', value: 45 },
      { memberId: 'b', value: 45 },
    ]);
    expect(tree).toMatchObject({ allocated: 90, gap: 0, status: 'exact' });
  });

  it('any tree sums exactly or reports the gap (property)', () => {
    const anySplit = fc.oneof(
      fc.constant<TeamSplit | null>(null),
      fc.constant<TeamSplit | null>(equalOverTeams),
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 })
        .map<TeamSplit | null>((w) => ({
          mode: 'weights',
          over: 'teams',
          weights: { north: w[0] ?? 0, south: w[1] ?? 0, beijing: w[2] ?? 0, tianjin: w[0] ?? 0 },
        })),
      fc
        .array(fc.integer({ min: 0, max: 1_000 }), { minLength: 4, maxLength: 4 })
        .map<TeamSplit | null>((s) => ({
          mode: 'explicit',
          over: 'teams',
          shares: { north: s[0] ?? 0, south: s[1] ?? 0, beijing: s[2] ?? 0, tianjin: s[3] ?? 0 },
        })),
    );
    const anyOwn = fc.array(
      fc.record({
        teamId: fc.constantFrom(...TEAMS.map((t) => t.id)),
        value: fc.integer({ min: 0, max: 10_000 }),
        split: anySplit,
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(anyOwn, (own) => {
        const unique = [...new Map(own.map((t) => [t.teamId, t])).values()];
        const resolved = resolveTeamTargets(TEAMS, unique);
        const check = (level: TreeLevel) => {
          if (level.target === null) return;
          const handed =
            level.over === 'teams'
              ? level.children.reduce((s, c) => s + (c.target ?? 0), 0)
              : level.reps.reduce((s, r) => s + r.value, 0);
          expect(level.allocated).toBe(handed);
          expect(level.gap).toBe(level.target - handed);
          expect(level.status).toBe(level.gap === 0 ? 'exact' : level.gap > 0 ? 'under' : 'over');
          // Equal and weighted allocations to sub-teams that keep their shares are exact (a team
          // with no sub-team has nobody to hand to: its whole target is the gap).
          const keep = level.children.every((c) => c.source === 'allocated');
          const some = level.children.length > 0;
          if (level.over === 'teams' && level.split?.mode !== 'explicit' && keep && some) {
            expect(level.gap).toBe(0);
          }
          level.children.forEach(check);
        };
        check(allocationTree(TEAMS, 'china', resolved, noReps));
      }),
    );
  });
});

describe('shareOut', () => {
  it('splits equally or by weights exactly, explicit as given', () => {
    expect(shareOut(10, ['a', 'b', 'c'], null)).toEqual([4, 3, 3]);
    expect(shareOut(10, ['a', 'b'], { mode: 'weights', weights: { a: 4, b: 1 } })).toEqual([8, 2]);
    expect(shareOut(10, ['a', 'b'], { mode: 'explicit', shares: { a: 4 } })).toEqual([4, 0]);
  });
});

describe('periodMismatch', () => {
  // 2026, Mon–Fri: 261 workdays. 2,610,000 for the year is 10,000 per workday; March has 22
  // workdays (220,000 from the year), so a March target of 300,000 makes the year 2,690,000.
  const year = { kind: 'year' as const, start: '2026-01-01' };
  it('shows the gap a month target makes in its year', () => {
    const m = periodMismatch({
      period: year,
      value: 2_610_000,
      months: new Map([['2026-03-01', 300_000]]),
      today: '2026-01-15',
      cal: STANDARD,
    });
    expect(m.total).toBe(2_690_000);
    expect(m.gap).toBe(-80_000);
    expect(m.months.find((x) => x.start === '2026-03-01')).toMatchObject({
      own: true,
      value: 300_000,
    });
  });

  it('re-spreads the remaining months so the whole is exact again', () => {
    const m = periodMismatch({
      period: year,
      value: 2_610_000,
      months: new Map([['2026-03-01', 300_000]]),
      today: '2026-05-10',
      cal: STANDARD,
    });
    // January, February, April have ended: they keep the year's days (22 + 20 + 22 workdays).
    const fixed = m.months.filter((x) => x.own || x.locked).reduce((s, x) => s + x.value, 0);
    expect(fixed).toBe(220_000 + 200_000 + 300_000 + 220_000);
    const respread = m.months.filter((x) => x.respread !== null);
    expect(respread.map((x) => x.start)).toEqual([
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    expect(fixed + respread.reduce((s, x) => s + (x.respread ?? 0), 0)).toBe(2_610_000);
  });
});
