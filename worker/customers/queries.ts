/**
 * Reads of customers and their rollups. Every read here costs customer rows, their
 * `customer_metrics` rows (one per metric logged with the customer), their identities and, for a
 * class wanting several follow-ups a period, their `customer_contacts` rows of one period — never
 * events, except `customerLogs` (one customer's logs, for choosing what to split off).
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { CustomerView, LocalDate, OrgSettings } from '../../shared/api/index.ts';
import { periodContaining } from '../../shared/domain/calendar.ts';
import { customerDue, customerSettingsOf, lastFollowUp } from '../../shared/domain/customers.ts';
import type { Db } from '../db/client.ts';
import { customerKeys, customerMetrics, customers, events } from '../db/schema.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type MetricRow = {
  customerId: string;
  metric: string;
  logs: number;
  lastDate: string | null;
};
export type CustomerWithMetrics = {
  row: CustomerRow;
  metrics: MetricRow[];
  /** Every identity it answers to (read when a view is sent to a client). */
  keys?: string[];
  /** Follow-up days in the cadence period of its last follow-up ({@link withFollowUps}). */
  followUps?: number;
};

const IDS_PER_QUERY = 90;

/** Attaches each customer's rollup rows. Cost: those rows, by primary key prefix. */
async function withMetrics(db: Db, rows: CustomerRow[]): Promise<CustomerWithMetrics[]> {
  const byCustomer = new Map<string, MetricRow[]>(rows.map((r) => [r.id, []]));
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) {
    const ids = rows.slice(i, i + IDS_PER_QUERY).map((r) => r.id);
    const found = await db
      .select()
      .from(customerMetrics)
      .where(inArray(customerMetrics.customerId, ids))
      .all();
    for (const m of found) byCustomer.get(m.customerId)?.push(m);
  }
  return rows.map((row) => ({ row, metrics: byCustomer.get(row.id) ?? [] }));
}

/** Customers joined with their rollup rows, grouped back per customer. */
function grouped(
  rows: { customer: CustomerRow; metric: MetricRow | null }[],
): CustomerWithMetrics[] {
  const byId = new Map<string, CustomerWithMetrics>();
  for (const { customer, metric } of rows) {
    let entry = byId.get(customer.id);
    if (!entry) {
      entry = { row: customer, metrics: [] };
      byId.set(customer.id, entry);
    }
    if (metric) entry.metrics.push(metric);
  }
  return [...byId.values()];
}

/**
 * The customers of `ownerIds` (all of the org's when null) with their rollup; `classified` keeps
 * those with a class only (the due list). One query. Cost: those customer rows (index
 * customers_owner) and their metric rows (primary key), whatever the number of logs.
 */
export async function customersOf(
  db: Db,
  orgId: string,
  ownerIds: string[] | null,
  options: { classified?: boolean; keys?: boolean } = {},
): Promise<CustomerWithMetrics[]> {
  const where = [eq(customers.orgId, orgId)];
  if (ownerIds !== null) {
    where.push(
      ownerIds.length === 1
        ? eq(customers.ownerId, ownerIds[0] as string)
        : sql`${customers.ownerId} IN (SELECT value FROM json_each(${JSON.stringify(ownerIds)}))`,
    );
  }
  if (options.classified) where.push(isNotNull(customers.class));
  const rows = await db
    .select({ customer: customers, metric: customerMetrics })
    .from(customers)
    .leftJoin(customerMetrics, eq(customerMetrics.customerId, customers.id))
    .where(and(...where))
    .all();
  const list = grouped(rows);
  if (options.keys && ownerIds !== null) {
    // The owners' identities: one primary-key range per owner (a row per identity).
    const byCustomer = new Map(list.map((c) => [c.row.id, c]));
    for (const ownerId of ownerIds) {
      const found = await db
        .select({ customerId: customerKeys.customerId, key: customerKeys.key })
        .from(customerKeys)
        .where(and(eq(customerKeys.orgId, orgId), eq(customerKeys.ownerId, ownerId)))
        .all();
      for (const k of found) {
        const entry = byCustomer.get(k.customerId);
        if (!entry) continue;
        if (entry.keys) entry.keys.push(k.key);
        else entry.keys = [k.key];
      }
    }
  }
  return list;
}

const CUSTOMERS_PER_COUNT = 400;

/** What {@link withFollowUps} reads of a customer. */
export type FollowUpInput = {
  row: Pick<CustomerRow, 'id' | 'class'>;
  metrics: Pick<MetricRow, 'metric' | 'lastDate'>[];
  followUps?: number;
};

/** A customer as its due state needs it (the managers' report): no names, keys or counts. */
export type DueInputRow = {
  row: Pick<CustomerRow, 'id' | 'ownerId' | 'class' | 'since'>;
  metrics: Pick<MetricRow, 'metric' | 'lastDate'>[];
  followUps?: number;
};

/**
 * The customers of `ownerIds` with what their due state needs: class and since, and for a
 * classified one its latest follow-up (the follow-up metric row with the latest day: all that
 * `lastFollowUp` would pick from; an unclassified one is only counted). One query, one row per
 * customer. Cost: those customer rows (index customers_owner) and the classified ones' follow-up
 * metric rows (primary key), whatever the number of logs.
 */
export async function dueInputsOf(
  db: Db,
  orgId: string,
  ownerIds: readonly string[],
  followUpMetrics: readonly string[],
): Promise<DueInputRow[]> {
  // SQLite takes a bare column of an aggregate query from the row max() picked.
  const rows = await db
    .select({
      id: customers.id,
      ownerId: customers.ownerId,
      class: customers.class,
      since: customers.since,
      metric: customerMetrics.metric,
      // The latest day among its follow-up metrics. Filtering them in the join would seek each
      // (customer, metric) pair, which D1 counts as rows read; its few metric rows are read instead.
      lastDate: sql<
        string | null
      >`max(CASE WHEN ${inArray(customerMetrics.metric, [...followUpMetrics])} THEN ${customerMetrics.lastDate} END)`,
    })
    .from(customers)
    .leftJoin(
      customerMetrics,
      and(eq(customerMetrics.customerId, customers.id), isNotNull(customers.class)),
    )
    .where(
      and(
        eq(customers.orgId, orgId),
        sql`${customers.ownerId} IN (SELECT value FROM json_each(${JSON.stringify(ownerIds)}))`,
      ),
    )
    .groupBy(customers.id)
    .all();
  return rows.map((r) => ({
    row: { id: r.id, ownerId: r.ownerId, class: r.class, since: r.since },
    metrics: r.metric === null ? [] : [{ metric: r.metric, lastDate: r.lastDate }],
  }));
}

/**
 * Sets `followUps` on the customers whose class wants more than one follow-up a period: the
 * days with a follow-up log in the period holding the last one, up to it. A class wanting one a
 * period needs no count (the last one is it). Cost: those customers' `customer_contacts` rows of
 * that one period (a row per day and metric), one primary-key range each.
 */
export async function withFollowUps<T extends FollowUpInput>(
  db: Db,
  list: T[],
  settings: OrgSettings,
): Promise<T[]> {
  const rules = customerSettingsOf(settings);
  const wanted: { id: string; from: string; to: string }[] = [];
  for (const c of list) {
    if (c.row.class === null) continue;
    const cadence = rules.cadence[c.row.class];
    const last = lastFollowUp(c.metrics, rules.followUpMetrics);
    if (cadence.times <= 1 || last === null) continue;
    const period = periodContaining(cadence.per, last.date, settings.calendar);
    wanted.push({ id: c.row.id, from: period.start, to: last.date });
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < wanted.length; i += CUSTOMERS_PER_COUNT) {
    const part = wanted.slice(i, i + CUSTOMERS_PER_COUNT);
    const found = await db.all<{ id: string; days: number }>(sql`
      SELECT k.customer_id AS id, count(DISTINCT k.local_date) AS days
      FROM json_each(${JSON.stringify(part)}) AS w
      JOIN customer_contacts AS k
        ON k.customer_id = json_extract(w.value, '$.id')
       AND k.local_date BETWEEN json_extract(w.value, '$.from') AND json_extract(w.value, '$.to')
      WHERE k.logs > 0 AND k.metric IN (SELECT value FROM json_each(${JSON.stringify(rules.followUpMetrics)}))
      GROUP BY k.customer_id`);
    for (const r of found) counts.set(r.id, Number(r.days));
  }
  for (const c of list) {
    const days = counts.get(c.row.id);
    if (days !== undefined) c.followUps = days;
  }
  return list;
}

/** One customer of the org with its rollup, or undefined. Cost: one row and its metric rows. */
export async function findCustomer(
  db: Db,
  orgId: string,
  id: string,
): Promise<CustomerWithMetrics | undefined> {
  const row = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.orgId, orgId)))
    .get();
  if (!row) return undefined;
  const [found] = await withMetrics(db, [row]);
  if (!found) return undefined;
  const keys = await db
    .select({ key: customerKeys.key })
    .from(customerKeys)
    .where(eq(customerKeys.customerId, id))
    .all();
  found.keys = keys.map((k) => k.key);
  return found;
}

/** The owner's customer answering to `key`, if any. Cost: one key row, one customer. */
export async function customerByKey(
  db: Db,
  orgId: string,
  ownerId: string,
  key: string,
): Promise<CustomerWithMetrics | undefined> {
  const link = await db
    .select({ customerId: customerKeys.customerId })
    .from(customerKeys)
    .where(
      and(
        eq(customerKeys.orgId, orgId),
        eq(customerKeys.ownerId, ownerId),
        eq(customerKeys.key, key),
      ),
    )
    .get();
  return link ? findCustomer(db, orgId, link.customerId) : undefined;
}

/** The customer as the API shows it, its due state computed for `today` in the team calendar. */
export function customerView(
  { row, metrics, keys, followUps }: CustomerWithMetrics,
  today: LocalDate,
  settings: OrgSettings,
): CustomerView {
  const rules = customerSettingsOf(settings);
  return {
    id: row.id,
    ownerId: row.ownerId,
    key: row.key,
    keys: keys ?? [row.key],
    name: row.name,
    class: row.class ?? null,
    createdAt: row.createdAt,
    since: row.since,
    logs: metrics.reduce((sum, m) => sum + m.logs, 0),
    due: customerDue({
      class: row.class ?? null,
      last: lastFollowUp(metrics, rules.followUpMetrics),
      followUps,
      since: row.since,
      today,
      settings: rules,
      cal: settings.calendar,
    }),
  };
}

/** A customer's latest logs, newest first. Cost: up to `limit` of its events. */
export function customerLogs(db: Db, customerId: string, limit: number) {
  return db
    .select({
      id: events.id,
      metric: events.metric,
      quantity: events.quantity,
      occurredAt: events.occurredAt,
      localDate: events.localDate,
      details: events.details,
    })
    .from(events)
    .where(and(eq(events.customerId, customerId), eq(events.voided, false)))
    .orderBy(desc(events.occurredAt))
    .limit(limit)
    .all();
}
