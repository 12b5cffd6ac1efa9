/**
 * What members won per customer segment (rules: shared/domain/breakdown.ts), read from the
 * customer rollups (worker/db/customer-sales.ts), never from events. Cost, per ≤ 90 members:
 * one range of `customer_days_member` over the span (a row per customer and day with a won deal)
 * and, per such row, one `customer_firsts` primary-key lookup.
 */
import { and, between, eq, inArray } from 'drizzle-orm';
import type { CustomerSegment, LocalDate } from '../../shared/api/index.ts';
import { customerSegment, wonFor } from '../../shared/domain/breakdown.ts';
import type { Db } from '../db/client.ts';
import { customerDays, customerFirsts } from '../db/schema.ts';

const MEMBERS_PER_READ = 90;

/** One member's won deals with one customer on one day, by the customer's segment. */
export type SegmentDay = {
  memberId: string;
  localDate: LocalDate;
  segment: CustomerSegment;
  deals: number;
  revenue: number;
};

/**
 * The won deals of `memberIds` with known customers in `span`, each classified for a period
 * starting `span.start` (a customer first won in it is new).
 */
export async function segmentDays(
  db: Db,
  memberIds: readonly string[],
  span: { start: LocalDate; end: LocalDate },
): Promise<SegmentDay[]> {
  const out: SegmentDay[] = [];
  for (let i = 0; i < memberIds.length; i += MEMBERS_PER_READ) {
    const rows = await db
      .select({
        memberId: customerDays.memberId,
        localDate: customerDays.localDate,
        deals: customerDays.deals,
        revenue: customerDays.revenue,
        firstDate: customerFirsts.firstDate,
      })
      .from(customerDays)
      .innerJoin(customerFirsts, eq(customerFirsts.customerId, customerDays.customerId))
      .where(
        and(
          inArray(customerDays.memberId, memberIds.slice(i, i + MEMBERS_PER_READ)),
          between(customerDays.localDate, span.start, span.end),
        ),
      )
      .all();
    for (const r of rows) {
      if (r.deals <= 0 && r.revenue <= 0) continue;
      out.push({
        memberId: r.memberId,
        localDate: r.localDate,
        // A customer with a deal in the span has a first day on or before it.
        segment: customerSegment(r.firstDate ?? r.localDate, span.start),
        deals: r.deals,
        revenue: r.revenue,
      });
    }
  }
  return out;
}

/**
 * Sums `rows` for `metric` (deals: the count; revenue: the amounts) per segment, keeping the
 * rows `keep` accepts (a team's: the days each rep was on it).
 */
export function achievedBySegment(
  rows: readonly SegmentDay[],
  metric: string,
  keep: (row: SegmentDay) => boolean = () => true,
): Record<CustomerSegment, number> {
  const sums: Record<CustomerSegment, number> = { new: 0, existing: 0 };
  for (const r of rows) {
    if (keep(r)) sums[r.segment] += wonFor(metric, r);
  }
  return sums;
}
