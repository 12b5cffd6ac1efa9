/** The organisation's team tree and who may act where in it. */
import { eq } from 'drizzle-orm';
import type { TeamView } from '../../shared/api/index.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema.ts';

export type TeamRow = typeof teams.$inferSelect;
export const MAX_TEAM_DEPTH = 3;

/** All teams of one org. Cost: one indexed read per team of the org (orgs have few teams). */
export function loadTeams(db: Db, orgId: string): Promise<TeamRow[]> {
  return db.select().from(teams).where(eq(teams.orgId, orgId)).all();
}

/** The ids of `rootId` and every team below it. */
export function subtreeIds(all: TeamRow[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const t of all) {
    if (t.parentId === null) continue;
    childrenOf.set(t.parentId, [...(childrenOf.get(t.parentId) ?? []), t.id]);
  }
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}

/** Teams a caller may manage: a manager's own team's subtree; nothing for reps. */
export function managedTeamIds(caller: Caller, all: TeamRow[]): Set<string> {
  return caller.member.role === 'manager'
    ? subtreeIds(all, caller.member.teamId)
    : new Set<string>();
}

/** The team, if it is in this org's list (other orgs' ids do not exist here). */
export function findTeam(all: TeamRow[], teamId: string): TeamRow | undefined {
  return all.find((t) => t.id === teamId);
}

/** `teamId` and its ancestors up to the root. */
export function ancestorIds(all: TeamRow[], teamId: string): Set<string> {
  const ids = new Set<string>();
  let current: TeamRow | undefined = all.find((t) => t.id === teamId);
  while (current && !ids.has(current.id)) {
    ids.add(current.id);
    const parentId: string | null = current.parentId;
    current = parentId === null ? undefined : all.find((t) => t.id === parentId);
  }
  return ids;
}

/**
 * Whether the caller may read `teamId`'s board (a team they manage, or their own team or one
 * above it).
 */
export function canReadBoard(caller: Caller, all: TeamRow[], teamId: string): boolean {
  return (
    managedTeamIds(caller, all).has(teamId) || ancestorIds(all, caller.member.teamId).has(teamId)
  );
}

/** Height of the subtree under `rootId` (0 for a leaf): moves must keep depth ≤ MAX_TEAM_DEPTH. */
export function subtreeHeight(all: TeamRow[], rootId: string): number {
  const below = subtreeIds(all, rootId);
  const root = findTeam(all, rootId);
  if (!root) return 0;
  let height = 0;
  for (const t of all) if (below.has(t.id)) height = Math.max(height, t.depth - root.depth);
  return height;
}

export const teamView = (t: TeamRow): TeamView => ({
  id: t.id,
  name: t.name,
  parentId: t.parentId,
  depth: t.depth,
});
