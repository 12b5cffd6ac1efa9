/**
 * The customer KPIs' rollups (rules: shared/domain/customer-kpis.ts): who bought when, kept so a
 * board reads one row per customer and day with a won deal, never the logs. A purchase is a
 * `deals` log linked to a customer and not undone. Maintained ONLY by the triggers in
 * migrations/0020_customer_sales.sql, at insert, undo and when a log moves to another customer
 * (merge, split), in the statement that changes `events`.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Per customer × the seller's local day: deals won with it that day. */
export const customerDays = sqliteTable(
  'customer_days',
  {
    customerId: text('customer_id').notNull(),
    localDate: text('local_date').notNull(),
    orgId: text('org_id').notNull(),
    /** The rep who logged the deals (the customer's owner). */
    memberId: text('member_id').notNull(),
    /** 0 once every deal of the day is undone or moved away. */
    deals: integer('deals').notNull().default(0),
    /** The amounts of those deals (revenue, minor units), so revenue splits by segment too. */
    revenue: integer('revenue').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.localDate] }),
    index('customer_days_member').on(t.memberId, t.localDate),
  ],
);

/** Per customer: the day of its first won deal, so "new customer" is one indexed range count. */
export const customerFirsts = sqliteTable(
  'customer_firsts',
  {
    customerId: text('customer_id').primaryKey(),
    orgId: text('org_id').notNull(),
    memberId: text('member_id').notNull(),
    /** null once no deal with it is left. */
    firstDate: text('first_date'),
  },
  (t) => [index('customer_firsts_member').on(t.memberId, t.firstDate)],
);

/**
 * Per member × local day × product category: won deals of that category and their amounts, so a
 * target broken down by category reads one row per category and day sold (shared/domain/
 * breakdown.ts). Maintained ONLY by triggers: at insert and undo (migrations/0023_deal_categories.sql)
 * and when a won deal's category is changed (migrations/0024_deal_category_edit.sql).
 */
export const categoryDays = sqliteTable(
  'category_days',
  {
    memberId: text('member_id').notNull(),
    localDate: text('local_date').notNull(),
    category: text('category').notNull(),
    orgId: text('org_id').notNull(),
    deals: integer('deals').notNull().default(0),
    revenue: integer('revenue').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.localDate, t.category] })],
);

/**
 * Per member × (period, the period before it): the customer KPIs' parts (shared/domain/
 * customer-kpis.ts) as last computed from the two tables above, stamped with the member's change
 * counter (`members.version`). Every write that changes a member's purchases (a deal logged,
 * undone, moved to another customer by a merge, split or backfill) moves that counter in the
 * same statement (migrations/0004, 0020), and a customer's deals are all its owner's; so a row
 * whose `version` is the member's own is exactly what the rollups would give. Target, team and
 * settings changes leave it valid (a calendar change makes other spans), so a board whose cached
 * figures went stale reads one short row per member instead of their customers' days
 * (worker/customer-kpis/queries.ts).
 */
export const customerKpiParts = sqliteTable(
  'customer_kpi_parts',
  {
    memberId: text('member_id').notNull(),
    /** `<period start>:<period end>:<previous start>:<previous end>`. */
    span: text('span').notNull(),
    version: integer('version').notNull(),
    newCustomers: integer('new_customers').notNull(),
    existingCustomers: integer('existing_customers').notNull(),
    returningCustomers: integer('returning_customers').notNull(),
    previousBuyers: integer('previous_buyers').notNull(),
    retainedCustomers: integer('retained_customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.span] })],
);
