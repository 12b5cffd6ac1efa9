/**
 * Reads of customers and their rollup. Every read here costs customer rows and their
 * `customer_metrics` rows (one per metric logged with the customer), never events, except
 * `customerLogs` (one customer's logs, for choosing what to split off).
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { CustomerView, LocalDate, OrgSettings } from '../../shared/api/index.ts';
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
export type CustomerWithMetrics = { row: CustomerRow; metrics: MetricRow[] };

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
  options: { classified?: boolean } = {},
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
  return grouped(rows);
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
  return row ? (await withMetrics(db, [row]))[0] : undefined;
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

/**
 * Every identity of each customer (the one it was derived from and those merged into it), by
 * customer id. Cost: those customers' key rows (index customer_keys_customer).
 */
export async function identitiesOfCustomers(
  db: Db,
  customerIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(customerIds.map((id) => [id, []]));
  for (let i = 0; i < customerIds.length; i += IDS_PER_QUERY) {
    const rows = await db
      .select({ customerId: customerKeys.customerId, key: customerKeys.key })
      .from(customerKeys)
      .where(inArray(customerKeys.customerId, customerIds.slice(i, i + IDS_PER_QUERY)))
      .all();
    for (const r of rows) out.get(r.customerId)?.push(r.key);
  }
  for (const keys of out.values()) keys.sort();
  return out;
}

/** The customer as the API shows it, its due state computed for `today` in the team calendar. */
export function customerView(
  { row, metrics }: CustomerWithMetrics,
  today: LocalDate,
  settings: OrgSettings,
): CustomerView {
  const rules = customerSettingsOf(settings);
  return {
    id: row.id,
    ownerId: row.ownerId,
    key: row.key,
    name: row.name,
    class: row.class ?? null,
    createdAt: row.createdAt,
    since: row.since,
    logs: metrics.reduce((sum, m) => sum + m.logs, 0),
    due: customerDue({
      class: row.class ?? null,
      last: lastFollowUp(metrics, rules.followUpMetrics),
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
