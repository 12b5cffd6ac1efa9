import { describe, expect, it } from 'vitest';
import { knownTeams, rememberTeams } from './known.ts';
import type { TeamRow } from './queries.ts';

const tree = (name: string) => [{ id: `t-${name}`, name } as TeamRow];

describe('teams known per org and config counter', () => {
  it('answers only for the counter they were read under', () => {
    rememberTeams('org-a', 3, tree('a'));
    expect(knownTeams('org-a', 3)).toEqual(tree('a'));
    expect(knownTeams('org-a', 4)).toBeUndefined();
    expect(knownTeams('org-b', 3)).toBeUndefined();
    rememberTeams('org-a', 4, tree('a2'));
    expect(knownTeams('org-a', 3)).toBeUndefined();
    expect(knownTeams('org-a', 4)).toEqual(tree('a2'));
  });

  it('forgets the least recently stored org beyond 64', () => {
    for (let k = 0; k < 64; k++) rememberTeams(`org-${k}`, 1, tree(String(k)));
    rememberTeams('org-0', 1, tree('0'));
    rememberTeams('org-64', 1, tree('64'));
    // org-0 was stored again, so org-1 is the oldest and goes.
    expect(knownTeams('org-1', 1)).toBeUndefined();
    expect(knownTeams('org-0', 1)).toEqual(tree('0'));
    expect(knownTeams('org-64', 1)).toEqual(tree('64'));
  });
});
