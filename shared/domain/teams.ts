// The team tree: an organisation's teams nest (a region above its branches), every member
// belongs to one team, and a team's figures, targets and boards take in its whole subtree.
// These rules answer "who is below", "who is above" and "whose board may I read" for the worker
// (authoritative), the leaderboard page (target previews) and anyone else, from plain rows.

/** What the tree rules need of a team. */
export type TeamNode = { id: string; parentId: string | null };

/** What the tree rules need of a member. */
export type TeamMember = {
  id: string;
  teamId: string;
  role: 'rep' | 'manager';
  active: boolean;
};

/** The ids of `rootId` and every team below it (`rootId` alone for a leaf or an unknown id). */
export function subtreeIds(teams: readonly TeamNode[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const t of teams) {
    if (t.parentId === null) continue;
    const siblings = childrenOf.get(t.parentId);
    if (siblings) siblings.push(t.id);
    else childrenOf.set(t.parentId, [t.id]);
  }
  const ids = new Set<string>();
  const stack = [rootId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (ids.has(id)) continue; // a cycle in bad data must not loop forever
    ids.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}

/** The chain from `teamId` up to the root, nearest first (empty for an unknown id). */
export function ancestry<T extends TeamNode>(teams: readonly T[], teamId: string): T[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const chain: T[] = [];
  const seen = new Set<string>();
  for (let t = byId.get(teamId); t && !seen.has(t.id); ) {
    chain.push(t);
    seen.add(t.id);
    t = t.parentId === null ? undefined : byId.get(t.parentId);
  }
  return chain;
}

/** `teamId` and the ids of every team above it. */
export function ancestorIds(teams: readonly TeamNode[], teamId: string): Set<string> {
  return new Set(ancestry(teams, teamId).map((t) => t.id));
}

/**
 * Who shares a team's target: the active reps of the team's whole subtree, by id (sorted, so a
 * split is the same whatever order the rows came in). Managers carry no share.
 */
export function repsUnder(
  teams: readonly TeamNode[],
  teamId: string,
  members: readonly TeamMember[],
): string[] {
  const below = subtreeIds(teams, teamId);
  return members
    .filter((m) => m.active && m.role === 'rep' && below.has(m.teamId))
    .map((m) => m.id)
    .sort();
}

/** Teams a member manages: a manager's own team and everything below it; none for reps. */
export function managedTeamIds(
  viewer: Pick<TeamMember, 'role' | 'teamId'>,
  teams: readonly TeamNode[],
): Set<string> {
  return viewer.role === 'manager' ? subtreeIds(teams, viewer.teamId) : new Set<string>();
}

/**
 * How a member may read the board of `teamId` (its leaderboard, trends, activity and contests):
 * `manager` for a team they manage (everyone on it, whatever the privacy mode), `member` for
 * their own team or one above it (as the team's privacy mode allows), null for any other team.
 */
export function boardAccess(
  viewer: Pick<TeamMember, 'role' | 'teamId'>,
  teams: readonly TeamNode[],
  teamId: string,
): 'manager' | 'member' | null {
  if (managedTeamIds(viewer, teams).has(teamId)) return 'manager';
  if (ancestorIds(teams, viewer.teamId).has(teamId)) return 'member';
  return null;
}

/** Why a board that {@link boardAccess} refuses is refused, as the API says it. */
export const BOARD_REFUSED = 'this team is not yours';
