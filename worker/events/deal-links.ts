/**
 * A collection (回款) log may name the deal log it pays (`deal`). The link is kept in the log's
 * details and shown back; ingest accepts it only when the deal is a log a collection can pay
 * (shared/domain/collections.ts: `deals` or `revenue`) of the same team, stored already or
 * earlier in the same batch (the outbox sends logs in order, so a deal logged offline arrives
 * before its collection).
 */
import { inArray } from 'drizzle-orm';
import type { EventResult } from '../../shared/api/index.ts';
import { COLLECTIONS, isPayable } from '../../shared/domain/collections.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';

export { COLLECTIONS };

const IDS_PER_LOOKUP = 90;

interface Linkable {
  id: string;
  metric: string;
  deal?: string;
}

/**
 * Refuses, in place, the rows of `toInsert` whose `deal` is not a deal log of the member's team:
 * their result (the `null` at their place in `results`, which holds one entry per input and
 * `null` for each row of `toInsert`, in order) becomes `rejected` / `unknown_deal` and the row
 * leaves `toInsert`. Cost: nothing without links; else one primary-key read per distinct deal id.
 */
export async function refuseUnknownDeals(
  db: Db,
  member: Pick<MemberRow, 'orgId'>,
  toInsert: Linkable[],
  results: (EventResult | null)[],
): Promise<void> {
  const named = [...new Set(toInsert.flatMap((r) => (r.deal ? [r.deal] : [])))];
  if (named.length === 0) return;
  const stored = new Set<string>();
  for (let i = 0; i < named.length; i += IDS_PER_LOOKUP) {
    const rows = await db
      .select({ id: events.id, orgId: events.orgId, metric: events.metric })
      .from(events)
      .where(inArray(events.id, named.slice(i, i + IDS_PER_LOOKUP)))
      .all();
    for (const r of rows) if (r.orgId === member.orgId && isPayable(r.metric)) stored.add(r.id);
  }
  const earlier = new Set<string>();
  const refused = new Set<string>();
  for (const row of toInsert) {
    if (row.deal && !stored.has(row.deal) && !earlier.has(row.deal)) refused.add(row.id);
    if (isPayable(row.metric)) earlier.add(row.id);
  }
  if (refused.size === 0) return;
  let next = 0;
  for (let i = 0; i < results.length; i++) {
    if (results[i] !== null) continue;
    const row = toInsert[next++] as Linkable;
    if (refused.has(row.id)) {
      results[i] = {
        id: row.id,
        status: 'rejected',
        error: { code: 'unknown_deal', message: 'deal: no deal log of this team has this id' },
      };
    }
  }
  toInsert.splice(0, toInsert.length, ...toInsert.filter((r) => !refused.has(r.id)));
}
