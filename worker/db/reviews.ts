/**
 * Reviews (worker/reviews/): a rep's own reflection on a day, week or month — what worked, what
 * to change, next period's focus. The figures of a review are computed from rollups, never stored.
 */
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgs } from './orgs.ts';

export const reflections = sqliteTable(
  'reflections',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: text('member_id').notNull(),
    periodKind: text('period_kind', { enum: ['day', 'week', 'month'] }).notNull(),
    periodStart: text('period_start').notNull(),
    worked: text('worked').notNull(),
    change: text('change').notNull(),
    focus: text('focus').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.periodKind, t.periodStart] }),
    // A team review reads one period's reflections of the org.
    index('reflections_period').on(t.orgId, t.periodKind, t.periodStart),
  ],
);
