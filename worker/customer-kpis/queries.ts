/**
 * The customer KPIs' parts for board members (rules: shared/domain/customer-kpis.ts), read from
 * the customer rollups (worker/db/customer-sales.ts), never from events. Cost, per member (chunks
 * of ≤ 90 members sent as one batch per read):
 * one range of `customer_days_member` over the period and the one before it (a row per customer
 * and day with a won deal), and one index-only pass over `customer_firsts_member` (a row per
 * customer the member ever sold to).
 */
import { and, between, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LocalDate } from '../../shared/api/index.ts';
import { type DayRange, firstDealRange } from '../../shared/domain/breakdown.ts';
import { type CustomerPart, customerParts } from '../../shared/domain/customer-kpis.ts';
import { readByIds } from '../db/chunked.ts';
import type { Db } from '../db/client.ts';
import { customerDays, customerFirsts } from '../db/schema.ts';

type Span = { start: LocalDate; end: LocalDate };

/** SQL: `column` within `range` (true when the range is open on both sides). */
function withinRange(column: SQLiteColumn, range: DayRange): SQL {
  const bounds = [
    range.from === null ? undefined : gte(column, range.from),
    range.until === null ? undefined : lt(column, range.until),
  ];
  return and(...bounds) ?? sql`1`;
}

/** SQL: how many of the rows read have their first won deal in `range` (the segment rule's). */
const countIn = (range: DayRange) =>
  sql<number>`coalesce(sum(${withinRange(customerFirsts.firstDate, range)}), 0)`;

export async function customerPartsOf(
  db: Db,
  memberIds: readonly string[],
  period: Span,
  previous: Span,
): Promise<Map<string, Record<CustomerPart, number>>> {
  const [days, counts] = await Promise.all([
    readByIds(db, memberIds, (part) =>
      db
        .select({
          memberId: customerDays.memberId,
          customerId: customerDays.customerId,
          localDate: customerDays.localDate,
        })
        .from(customerDays)
        .where(
          and(
            inArray(customerDays.memberId, part),
            between(customerDays.localDate, previous.start, period.end),
            gt(customerDays.deals, 0),
          ),
        ),
    ),
    readByIds(db, memberIds, (part) =>
      db
        .select({
          memberId: customerFirsts.memberId,
          newInPeriod: countIn(firstDealRange('new', period)),
          existingBefore: countIn(firstDealRange('existing', period)),
        })
        .from(customerFirsts)
        .where(inArray(customerFirsts.memberId, part))
        .groupBy(customerFirsts.memberId),
    ),
  ]);
  const purchases = new Map<string, { customerId: string; localDate: string }[]>();
  for (const d of days) {
    const list = purchases.get(d.memberId);
    if (list) list.push(d);
    else purchases.set(d.memberId, [d]);
  }
  const firsts = new Map(
    counts.map((c) => [
      c.memberId,
      { newInPeriod: Number(c.newInPeriod), existingBefore: Number(c.existingBefore) },
    ]),
  );
  return new Map(
    memberIds.map((id) => [
      id,
      customerParts({
        purchases: purchases.get(id) ?? [],
        newInPeriod: firsts.get(id)?.newInPeriod ?? 0,
        existingBefore: firsts.get(id)?.existingBefore ?? 0,
        period,
        previous,
      }),
    ]),
  );
}
