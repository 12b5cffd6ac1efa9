/** A member's recent logs, as the sidebar's undo list and the board's evidence view show them. */
import { desc, eq } from 'drizzle-orm';
import type { EventView } from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';

type EventRow = typeof events.$inferSelect;

export function eventView(row: EventRow): EventView {
  const details = JSON.parse(row.details) as Pick<
    EventView,
    'source' | 'contact' | 'note' | 'deal'
  >;
  return {
    id: row.id,
    memberId: row.memberId,
    metric: row.metric,
    quantity: row.quantity,
    ...(row.amount !== null && row.amount > 0 ? { amount: row.amount } : {}),
    occurredAt: row.occurredAt,
    localDate: row.localDate,
    voided: row.voided,
    evidence: row.evidence,
    ...(details.source ? { source: details.source } : {}),
    ...(details.contact ? { contact: details.contact } : {}),
    ...(details.note !== undefined ? { note: details.note } : {}),
    ...(details.deal ? { deal: details.deal } : {}),
    ...(row.category !== null ? { category: row.category } : {}),
  };
}

/**
 * Newest first, with their undo state and evidence.
 * Cost: reads `limit` rows of the (member_id, created_at) index.
 */
export async function recentEvents(db: Db, memberId: string, limit: number): Promise<EventView[]> {
  const rows = await db
    .select()
    .from(events)
    .where(eq(events.memberId, memberId))
    .orderBy(desc(events.createdAt), desc(events.occurredAt))
    .limit(limit)
    .all();
  return rows.map(eventView);
}
