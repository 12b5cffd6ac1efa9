/**
 * Changing a won deal's product category after it was logged: by its rep, or a manager of the
 * rep's team. The event row's `category` is the one thing that changes; the trigger of
 * migrations/0024_deal_category_edit.sql moves the deal between the `category_days` rows in the
 * same statement, so the rollups stay the sum of the logs through any edits and undo.
 */
import { and, eq } from 'drizzle-orm';
import { DEAL_METRIC } from '../../shared/domain/breakdown.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';
import { canActOn, findMember } from '../members/queries.ts';
import { loadTeams } from '../teams/queries.ts';

export type CategoryOutcome =
  | { status: 'changed'; category: string | null }
  | { status: 'not_found' }
  | { status: 'not_a_deal' }
  | { status: 'undone' }
  | { status: 'unknown_category' };

/** Cost: the event by primary key, its member, the org's teams, one update. */
export async function setDealCategory(
  db: Db,
  caller: Caller,
  id: string,
  category: string | null,
): Promise<CategoryOutcome> {
  const row = await db
    .select({
      memberId: events.memberId,
      metric: events.metric,
      voided: events.voided,
    })
    .from(events)
    .where(and(eq(events.id, id), eq(events.orgId, caller.org.id)))
    .get();
  if (!row) return { status: 'not_found' };
  if (row.memberId !== caller.member.id) {
    // Another member's log: only their managers may see that it exists.
    const [member, teams] = await Promise.all([
      findMember(db, caller.org.id, row.memberId),
      loadTeams(db, caller.org.id),
    ]);
    if (!member || !canActOn(caller, member, teams)) return { status: 'not_found' };
  }
  if (row.metric !== DEAL_METRIC) return { status: 'not_a_deal' };
  if (row.voided) return { status: 'undone' };
  const known = new Set((caller.settings.productCategories ?? []).map((c) => c.id));
  if (category !== null && !known.has(category)) return { status: 'unknown_category' };
  await db
    .update(events)
    .set({ category })
    .where(and(eq(events.id, id), eq(events.voided, false)))
    .run();
  return { status: 'changed', category };
}
