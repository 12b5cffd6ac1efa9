/**
 * Customers (rule: shared/domain/customers.ts). A customer belongs to one rep (`owner_id`);
 * `customer_keys` maps each identity a log's evidence derives to that rep's customer (one per
 * key per owner), so a merged customer keeps catching the logs of every identity folded into it.
 * `customer_metrics` is the per-customer rollup the due list reads (one row per customer ×
 * metric, whatever the number of logs), maintained ONLY by the triggers in
 * migrations/0019_customers.sql at insert, undo and when a log moves to another customer.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members, orgs } from './orgs.ts';

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    ownerId: text('owner_id')
      .notNull()
      .references(() => members.id),
    /** The identity it was first derived from (`crm:…`, `domain:…`, `email:…`, `contact:…`, `split:…`). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** 'A' | 'B' | 'C', or null: no class, no cadence. */
    class: text('class', { enum: ['A', 'B', 'C'] }),
    /** The owner's local day of its first log. */
    since: text('since').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('customers_owner').on(t.orgId, t.ownerId)],
);

export const customerKeys = sqliteTable(
  'customer_keys',
  {
    orgId: text('org_id').notNull(),
    ownerId: text('owner_id').notNull(),
    key: text('key').notNull(),
    customerId: text('customer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ownerId, t.key] }),
    index('customer_keys_customer').on(t.customerId),
  ],
);

/** Per customer × metric: linked logs not undone, and the latest local day among them. */
export const customerMetrics = sqliteTable(
  'customer_metrics',
  {
    customerId: text('customer_id').notNull(),
    metric: text('metric').notNull(),
    logs: integer('logs').notNull().default(0),
    /** null once every log of this metric is undone or moved away. */
    lastDate: text('last_date'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.metric] })],
);

/**
 * Per customer × local day × metric: linked logs not undone. The due list counts a customer's
 * follow-up days within one cadence period from it (one primary-key range, a row per day and
 * metric whatever the number of logs); maintained ONLY by the triggers in
 * migrations/0022_customer_contacts.sql, like `customer_metrics`.
 */
export const customerContacts = sqliteTable(
  'customer_contacts',
  {
    customerId: text('customer_id').notNull(),
    localDate: text('local_date').notNull(),
    metric: text('metric').notNull(),
    /** 0 once every log of the day is undone or moved away. */
    logs: integer('logs').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.localDate, t.metric] })],
);

/**
 * One-off walks over stored events, resumable: `customers` links the logs stored before customers
 * existed (worker/customers/backfill.ts). Events are walked in id order (the primary key);
 * `cursor` is the last id looked at, `done` set once the walk reached the end.
 */
export const backfills = sqliteTable('backfills', {
  name: text('name').primaryKey(),
  cursor: text('cursor').notNull().default(''),
  /** Events looked at and logs linked so far. */
  seen: integer('seen').notNull().default(0),
  linked: integer('linked').notNull().default(0),
  done: integer('done', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});
