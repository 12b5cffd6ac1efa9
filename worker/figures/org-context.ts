/** Loads what member figures depend on, once per request. */
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { loadMembershipFor } from '../members/history.ts';
import { loadQuotas } from '../quotas/queries.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import { loadTeams } from '../teams/queries.ts';
import type { OrgContext } from './member-figures.ts';

/**
 * Everything the caller's own figures depend on. Cost: the org's teams, its targets overlapping
 * [start, end], its quotas, the caller's stretches, then the stretches on the teams whose targets
 * reach them (worker/members/history.ts: loadMembershipFor).
 */
export async function loadOrgContext(
  db: Db,
  caller: Caller,
  start: string,
  end: string,
  now: Date,
): Promise<OrgContext> {
  const [teams, targets, quotas] = await Promise.all([
    loadTeams(db, caller.org.id),
    loadTargetsOverlapping(db, caller.org.id, start, end),
    loadQuotas(db, caller.org.id),
  ]);
  const membership = await loadMembershipFor(db, caller.org.id, caller.member.id, teams, targets);
  return { settings: caller.settings, teams, membership, targets, quotas, now };
}
