/** The organisation's team tree and who may act where in it. */
import { eq } from 'drizzle-orm';
import type { TeamView } from '../../shared/api/index.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema.ts';
import { forbidden, notFound } from '../lib/errors.ts';

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

/** The team, if it is in the caller's org (404 otherwise: other orgs' ids do not exist here). */
export function findTeam(all: TeamRow[], teamId: string): TeamRow {
  const team = all.find((t) => t.id === teamId);
  if (!team) throw notFound('team');
  return team;
}

/** The team, if the caller manages it. */
export function managedTeam(caller: Caller, all: TeamRow[], teamId: string): TeamRow {
  const team = findTeam(all, teamId);
  if (!managedTeamIds(caller, all).has(team.id)) {
    throw forbidden('this team is outside your part of the organisation');
  }
  return team;
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
 * A team whose board the caller may read (as the leaderboard rules it: a team they manage, or
 * their own team or one above it), with its subtree. Cost: the org's teams.
 */
export async function boardTeam(db: Db, caller: Caller, teamId: string) {
  const all = await loadTeams(db, caller.org.id);
  const team = findTeam(all, teamId);
  if (
    !managedTeamIds(caller, all).has(team.id) &&
    !ancestorIds(all, caller.member.teamId).has(team.id)
  ) {
    throw forbidden('this team is not yours');
  }
  return { team, all, below: subtreeIds(all, team.id) };
}

/** Height of the subtree under `rootId` (0 for a leaf): moves must keep depth ≤ MAX_TEAM_DEPTH. */
export function subtreeHeight(all: TeamRow[], rootId: string): number {
  const below = subtreeIds(all, rootId);
  const root = findTeam(all, rootId);
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
