/**
 * The customer KPIs' parts for board members (rules: shared/domain/customer-kpis.ts), read from
 * the customer rollups (worker/db/customer-sales.ts), never from events, and kept per member ×
 * period in `customer_kpi_parts` as of the member's change counter, so a board reads one short
 * row per member whose purchases have not changed since (`membersCustomerParts`).
 */
import { and, between, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LocalDate } from '../../shared/api/index.ts';
import { type DayRange, firstDealRange } from '../../shared/domain/breakdown.ts';
import {
  CUSTOMER_PARTS,
  type CustomerPart,
  customerParts,
} from '../../shared/domain/customer-kpis.ts';
import { readByIds } from '../db/chunked.ts';
import type { Db } from '../db/client.ts';
import { customerDays, customerFirsts, customerKpiParts } from '../db/schema.ts';

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

/**
 * The parts computed from the rollups. Cost, per member (chunks of ≤ 90 members sent as one batch
 * per read): one range of `customer_days_member` over the period and the one before it (a row per
 * customer and day with a won deal), and one index-only pass over `customer_firsts_member` (a row
 * per customer the member ever sold to).
 */
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

/** The column of `customer_kpi_parts` each part is kept in. */
const STORED = {
  new_customers: 'newCustomers',
  existing_customers: 'existingCustomers',
  returning_customers: 'returningCustomers',
  previous_buyers: 'previousBuyers',
  retained_customers: 'retainedCustomers',
} as const satisfies Record<CustomerPart, keyof typeof customerKpiParts.$inferSelect>;

/** The key of a (period, previous period) pair in `customer_kpi_parts`. */
export const spanOf = (period: Span, previous: Span) =>
  `${period.start}:${period.end}:${previous.start}:${previous.end}`;

/**
 * {@link customerPartsOf} for members as of their change counter (`version`, read with them):
 * a stored row with the member's own version is exact (worker/db/customer-sales.ts says why) and
 * is used as it is; the others are computed from the rollups and stored. Cost: one primary-key
 * read per member (one batch); for members whose counter moved since, {@link customerPartsOf} and
 * one batch of writes.
 */
export async function membersCustomerParts(
  db: Db,
  members: readonly { id: string; version: number }[],
  period: Span,
  previous: Span,
): Promise<Map<string, Record<CustomerPart, number>>> {
  const span = spanOf(period, previous);
  const stored = await readByIds(
    db,
    members.map((m) => m.id),
    (part) =>
      db
        .select()
        .from(customerKpiParts)
        .where(and(inArray(customerKpiParts.memberId, part), eq(customerKpiParts.span, span))),
  );
  const versions = new Map(members.map((m) => [m.id, m.version]));
  const result = new Map<string, Record<CustomerPart, number>>();
  for (const row of stored) {
    if (row.version !== versions.get(row.memberId)) continue;
    result.set(
      row.memberId,
      Object.fromEntries(CUSTOMER_PARTS.map((part) => [part, row[STORED[part]]])) as Record<
        CustomerPart,
        number
      >,
    );
  }
  const stale = members.filter((m) => !result.has(m.id));
  if (stale.length === 0) return result;
  const computed = await customerPartsOf(
    db,
    stale.map((m) => m.id),
    period,
    previous,
  );
  const writes = stale.map((m) => {
    const parts = computed.get(m.id) as Record<CustomerPart, number>;
    result.set(m.id, parts);
    const row = {
      ...(Object.fromEntries(CUSTOMER_PARTS.map((part) => [STORED[part], parts[part]])) as Record<
        (typeof STORED)[CustomerPart],
        number
      >),
      version: m.version,
    };
    return db
      .insert(customerKpiParts)
      .values({ ...row, memberId: m.id, span })
      .onConflictDoUpdate({ target: [customerKpiParts.memberId, customerKpiParts.span], set: row });
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return result;
}
