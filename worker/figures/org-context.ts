/** Loads what member figures depend on, once per request. */
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { loadQuotas } from '../quotas/queries.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import { loadTeams } from '../teams/queries.ts';
import type { OrgContext } from './member-figures.ts';

/**
 * Cost: the org's teams, its active members, its targets overlapping [start, end] and its quotas.
 */
export async function loadOrgContext(
  db: Db,
  caller: Caller,
  start: string,
  end: string,
  now: Date,
): Promise<OrgContext> {
  const [teams, members, targets, quotas] = await Promise.all([
    loadTeams(db, caller.org.id),
    loadActiveMembers(db, caller.org.id),
    loadTargetsOverlapping(db, caller.org.id, start, end),
    loadQuotas(db, caller.org.id),
  ]);
  return { settings: caller.settings, teams, members, targets, quotas, now };
}
