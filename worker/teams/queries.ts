/**
 * The organisation's team tree as stored, and who may act where in it. The tree rules themselves
 * (subtree, ancestors, managed teams, board access) are shared/domain/teams.ts.
 */
import { eq } from 'drizzle-orm';
import type { TeamView } from '../../shared/api/index.ts';
import { boardAccess, managedTeamIds as managedBy, subtreeIds } from '../../shared/domain/teams.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema.ts';

export type TeamRow = typeof teams.$inferSelect;

export const MAX_TEAM_DEPTH = 3;

/** All teams of one org. Cost: one indexed read per team of the org (orgs have few teams). */
export function loadTeams(db: Db, orgId: string): Promise<TeamRow[]> {
  return db.select().from(teams).where(eq(teams.orgId, orgId)).all();
}

/** Teams a caller may manage: a manager's own team's subtree; nothing for reps. */
export const managedTeamIds = (caller: Caller, all: TeamRow[]): Set<string> =>
  managedBy(caller.member, all);

/** The team, if it is in this org's list (other orgs' ids do not exist here). */
export function findTeam(all: TeamRow[], teamId: string): TeamRow | undefined {
  return all.find((t) => t.id === teamId);
}

/** Whether the caller may read `teamId`'s board (`boardAccess`, shared/domain/teams.ts). */
export const canReadBoard = (caller: Caller, all: TeamRow[], teamId: string): boolean =>
  boardAccess(caller.member, all, teamId) !== null;

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
