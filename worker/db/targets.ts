/** Explicit targets as managers set them; daily targets are derived by shared/domain/targets.ts. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgs } from './orgs.ts';

export const targets = sqliteTable(
  'targets',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    scope: text('scope', { enum: ['member', 'team'] }).notNull(),
    /** The member id or team id the target is for (by `scope`). */
    subjectId: text('subject_id').notNull(),
    metric: text('metric').notNull(),
    periodKind: text('period_kind', {
      enum: ['day', 'week', 'month', 'quarter', 'year'],
    }).notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    value: integer('value').notNull(),
    /** PacingCurve JSON or null. */
    curve: text('curve'),
    /** TeamSplit JSON or null (team targets only). */
    split: text('split'),
    /** TargetBreakdown JSON or null (revenue and deal targets only). */
    breakdown: text('breakdown'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // PUT is an upsert on this key: one target per subject, metric and period.
    uniqueIndex('targets_key').on(
      t.orgId,
      t.scope,
      t.subjectId,
      t.metric,
      t.periodKind,
      t.periodStart,
    ),
    index('targets_range').on(t.orgId, t.periodStart),
  ],
);
