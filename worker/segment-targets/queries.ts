/**
 * What members won per customer segment and per product category (rules: shared/domain/
 * breakdown.ts), read from the rollups (worker/db/customer-sales.ts), never from events. Cost,
 * per ≤ 90 members: customer segments, one range of `customer_days_member` over the span (a row
 * per customer and day with a won deal) and, per such row, one `customer_firsts` primary-key
 * lookup; categories, one primary-key range of `category_days` (a row per category and day sold).
 */
import { and, between, eq, inArray } from 'drizzle-orm';
import type { CustomerSegment, LocalDate } from '../../shared/api/index.ts';
import { categoryKey, customerSegment, wonFor } from '../../shared/domain/breakdown.ts';
import type { Db } from '../db/client.ts';
import { categoryDays, customerDays, customerFirsts } from '../db/schema.ts';

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

/** One member's won deals of one product category on one day. */
export type CategoryDay = {
  memberId: string;
  localDate: LocalDate;
  category: string;
  deals: number;
  revenue: number;
};

/** The won deals of `memberIds` with a product category in `span`. */
export async function categoryDaysOf(
  db: Db,
  memberIds: readonly string[],
  span: { start: LocalDate; end: LocalDate },
): Promise<CategoryDay[]> {
  const out: CategoryDay[] = [];
  for (let i = 0; i < memberIds.length; i += MEMBERS_PER_READ) {
    const rows = await db
      .select({
        memberId: categoryDays.memberId,
        localDate: categoryDays.localDate,
        category: categoryDays.category,
        deals: categoryDays.deals,
        revenue: categoryDays.revenue,
      })
      .from(categoryDays)
      .where(
        and(
          inArray(categoryDays.memberId, memberIds.slice(i, i + MEMBERS_PER_READ)),
          between(categoryDays.localDate, span.start, span.end),
        ),
      )
      .all();
    out.push(...rows);
  }
  return out;
}

type Kept = { memberId: string; localDate: LocalDate };

/**
 * What `metric` (deals: the count; revenue: the amounts) won per segment key, from customer
 * segment rows and category rows, keeping the rows `keep` accepts (a team's: the days each rep
 * was on it).
 */
export function achievedByKey(
  metric: string,
  segments: readonly SegmentDay[],
  categories: readonly CategoryDay[],
  keep: (row: Kept) => boolean = () => true,
): Map<string, number> {
  const sums = new Map<string, number>();
  const add = (key: string, row: { deals: number; revenue: number }) =>
    sums.set(key, (sums.get(key) ?? 0) + wonFor(metric, row));
  for (const r of segments) if (keep(r)) add(r.segment, r);
  for (const r of categories) if (keep(r)) add(categoryKey(r.category), r);
  return sums;
}

/** The day of a customer's first won deal (null: none). Cost: one primary-key row. */
export async function firstDealOf(db: Db, customerId: string): Promise<LocalDate | null> {
  const row = await db
    .select({ firstDate: customerFirsts.firstDate })
    .from(customerFirsts)
    .where(eq(customerFirsts.customerId, customerId))
    .get();
  return row?.firstDate ?? null;
}
