/**
 * Activity events and the rollups derived from them. Rollups are maintained ONLY by the SQLite
 * triggers AFTER INSERT ON events and AFTER UPDATE OF voided (live bodies in
 * migrations/0017_won_deal_amount.sql; the un-void guard in 0001_rollup_triggers.sql), so an
 * event and its rollup change always commit together, a duplicate insert (ON CONFLICT DO NOTHING)
 * never touches a rollup, and a void decrements exactly once.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members, orgs } from './orgs.ts';

export const events = sqliteTable(
  'events',
  {
    /** Client-made UUID: the idempotency key. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    metric: text('metric').notNull(),
    quantity: integer('quantity').notNull(),
    /**
     * A won deal's value, counted for `amount_metric` by the same triggers (one log, two metric
     * lines: shared/domain/lines.ts); null on every other log.
     */
    amount: integer('amount'),
    amountMetric: text('amount_metric'),
    occurredAt: text('occurred_at').notNull(),
    /** occurredAt in the member's zone at the time it was recorded, YYYY-MM-DD. */
    localDate: text('local_date').notNull(),
    /** 1 when the log carries a source URL (evidence). */
    evidence: integer('evidence', { mode: 'boolean' }).notNull(),
    /** JSON `{source?, contact?, note?}`: shown back to the client, never queried. */
    details: text('details').notNull(),
    createdAt: text('created_at').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
    voidedAt: text('voided_at'),
    /**
     * The customer its evidence names (worker/customers, set at ingest); the one column a log
     * ever changes, when a rep merges or splits customers. Null: the log names no customer.
     */
    customerId: text('customer_id'),
    /** A won deal's product category (org settings `productCategories`), or null. */
    category: text('category'),
  },
  (t) => [
    index('events_member_recent').on(t.memberId, t.createdAt),
    // The customer rollup's "latest day of this metric" after an undo or a move: one seek.
    index('events_customer')
      .on(t.customerId, t.metric, t.voided, t.localDate)
      .where(sql`customer_id IS NOT NULL`),
  ],
);

/** Per member × local day × metric totals of non-voided events. */
export const rollups = sqliteTable(
  'rollups',
  {
    orgId: text('org_id').notNull(),
    memberId: text('member_id').notNull(),
    localDate: text('local_date').notNull(),
    metric: text('metric').notNull(),
    total: integer('total').notNull().default(0),
    /** The part of `total` from events with evidence. */
    evidenceTotal: integer('evidence_total').notNull().default(0),
    /** Number of non-voided events. */
    events: integer('events').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.localDate, t.metric] }),
    index('rollups_org_date').on(t.orgId, t.localDate),
  ],
);

/** Celebrations already fired: the unique key makes each fire once across devices. */
export const milestones = sqliteTable(
  'milestones',
  {
    memberId: text('member_id').notNull(),
    periodKind: text('period_kind').notNull(),
    periodStart: text('period_start').notNull(),
    threshold: integer('threshold').notNull(),
    reachedAt: text('reached_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.periodKind, t.periodStart, t.threshold] })],
);

/**
 * Cached per-member figures, reused while `stamp` (org config counter, the member's own change
 * counter, their local day) is unchanged: leaderboard figures per board slot (period × ranking),
 * so a TV refresh reads one row per member and recomputes only those who logged since; and the
 * progress look-back (slot `look-back`: streak and funnel history, which need 120 days of rollups).
 */
export const boardFigures = sqliteTable(
  'board_figures',
  {
    memberId: text('member_id').notNull(),
    /** `<period kind>:<period start>:<tier period start>:<ranking>`, or `look-back`. */
    slot: text('slot').notNull(),
    stamp: text('stamp').notNull(),
    /** JSON of `BoardFigures` (worker/figures/figure-cache.ts). */
    figures: text('figures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.slot] })],
);
