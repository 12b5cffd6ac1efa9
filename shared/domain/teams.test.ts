import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  ancestry,
  BOARD_REFUSED,
  boardAccess,
  managedTeamIds,
  repsUnder,
  subtreeIds,
  type TeamMember,
  type TeamNode,
} from './index.ts';

// China ─┬─ North ─┬─ Beijing
//        │         └─ Tianjin
//        └─ East ──── Shanghai
const TEAMS: TeamNode[] = [
  { id: 'china', parentId: null },
  { id: 'north', parentId: 'china' },
  { id: 'east', parentId: 'china' },
  { id: 'beijing', parentId: 'north' },
  { id: 'tianjin', parentId: 'north' },
  { id: 'shanghai', parentId: 'east' },
];

const member = (id: string, teamId: string, role: TeamMember['role'] = 'rep', active = true) => ({
  id,
  teamId,
  role,
  active,
});

describe('subtreeIds', () => {
  it('is the team and everything below it', () => {
    expect(subtreeIds(TEAMS, 'north')).toEqual(new Set(['north', 'beijing', 'tianjin']));
    expect(subtreeIds(TEAMS, 'china').size).toBe(6);
    expect(subtreeIds(TEAMS, 'beijing')).toEqual(new Set(['beijing']));
  });

  it('survives a cycle in bad data', () => {
    const looped = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(subtreeIds(looped, 'a')).toEqual(new Set(['a', 'b']));
    expect(ancestorIds(looped, 'a')).toEqual(new Set(['a', 'b']));
  });
});

describe('ancestry and ancestorIds', () => {
  it('walk from a team up to the root, nearest first', () => {
    expect(ancestry(TEAMS, 'tianjin').map((t) => t.id)).toEqual(['tianjin', 'north', 'china']);
    expect(ancestorIds(TEAMS, 'east')).toEqual(new Set(['east', 'china']));
    expect(ancestry(TEAMS, 'nowhere')).toEqual([]);
  });

  it('are the inverse of subtreeIds on any tree', () => {
    // A random forest: each team's parent is an earlier team or none.
    const forest = fc
      .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 })
      .map((parents) =>
        parents.map((p, i) => ({
          id: `t${i}`,
          parentId: p === null || i === 0 ? null : `t${p % i}`,
        })),
      );
    fc.assert(
      fc.property(forest, (teams) =>
        teams.every((a) =>
          teams.every(
            (b) => subtreeIds(teams, a.id).has(b.id) === ancestorIds(teams, b.id).has(a.id),
          ),
        ),
      ),
    );
  });
});

describe('repsUnder', () => {
  it('is the active reps of the whole subtree, sorted; managers and removed reps share nothing', () => {
    const members = [
      member('wang', 'tianjin'),
      member('li', 'beijing'),
      member('zhao', 'north'),
      member('boss', 'north', 'manager'),
      member('gone', 'beijing', 'rep', false),
      member('chen', 'shanghai'),
    ];
    expect(repsUnder(TEAMS, 'north', members)).toEqual(['li', 'wang', 'zhao']);
    expect(repsUnder(TEAMS, 'east', members)).toEqual(['chen']);
    expect(repsUnder(TEAMS, 'china', members)).toHaveLength(4);
  });
});

describe('managedTeamIds', () => {
  it('is a manager’s own subtree and nothing for a rep', () => {
    expect(managedTeamIds({ role: 'manager', teamId: 'north' }, TEAMS)).toEqual(
      new Set(['north', 'beijing', 'tianjin']),
    );
    expect(managedTeamIds({ role: 'rep', teamId: 'north' }, TEAMS).size).toBe(0);
  });
});

describe('boardAccess: whose board a member may read', () => {
  it('a manager reads their subtree’s boards as a manager, the teams above as a member', () => {
    const northManager = { role: 'manager' as const, teamId: 'north' };
    expect(boardAccess(northManager, TEAMS, 'north')).toBe('manager');
    expect(boardAccess(northManager, TEAMS, 'tianjin')).toBe('manager');
    expect(boardAccess(northManager, TEAMS, 'china')).toBe('member');
    expect(boardAccess(northManager, TEAMS, 'east')).toBeNull();
    expect(boardAccess(northManager, TEAMS, 'shanghai')).toBeNull();
  });

  it('a rep reads their own team and those above it, never a sibling’s or one below', () => {
    const rep = { role: 'rep' as const, teamId: 'north' };
    expect(boardAccess(rep, TEAMS, 'north')).toBe('member');
    expect(boardAccess(rep, TEAMS, 'china')).toBe('member');
    expect(boardAccess(rep, TEAMS, 'beijing')).toBeNull();
    expect(boardAccess(rep, TEAMS, 'east')).toBeNull();
    expect(boardAccess(rep, TEAMS, 'unknown')).toBeNull();
    expect(BOARD_REFUSED).toBe('this team is not yours');
  });
});
