/** Loads what member figures depend on, once per request. */
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { loadMembership } from '../members/history.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import { loadTeams } from '../teams/queries.ts';
import type { OrgContext } from './member-figures.ts';

/**
 * Cost: the org's teams, its membership history, and its targets overlapping [start, end].
 */
export async function loadOrgContext(
  db: Db,
  caller: Caller,
  start: string,
  end: string,
  now: Date,
): Promise<OrgContext> {
  const [teams, membership, targets] = await Promise.all([
    loadTeams(db, caller.org.id),
    loadMembership(db, caller.org.id),
    loadTargetsOverlapping(db, caller.org.id, start, end),
  ]);
  return { settings: caller.settings, teams, membership, targets, now };
}
