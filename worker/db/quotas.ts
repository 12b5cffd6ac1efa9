/**
 * Activity quotas and personal goals as set. Quotas are recurring rules ("5 visits per
 * workday"), stored once and turned into daily targets by shared/domain/quotas.ts; a later `from`
 * for the same subject and metric supersedes an earlier one from that day on, so past periods
 * keep the quota they had. Personal goals are a rep's own stretch figure for one period, never
 * what managers' reports measure against.
 */
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { orgs } from './orgs.ts';

export const quotas = sqliteTable(
  'quotas',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    scope: text('scope', { enum: ['member', 'team'] }).notNull(),
    /** The member id or team id the quota is for (by `scope`). */
    subjectId: text('subject_id').notNull(),
    metric: text('metric').notNull(),
    per: text('per', { enum: ['workday', 'week'] }).notNull(),
    value: integer('value').notNull(),
    fromDate: text('from_date').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // PUT is an upsert on this key: one quota per subject, metric and first day.
    uniqueIndex('quotas_key').on(t.orgId, t.scope, t.subjectId, t.metric, t.fromDate),
  ],
);

export const personalGoals = sqliteTable(
  'personal_goals',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: text('member_id').notNull(),
    metric: text('metric').notNull(),
    periodKind: text('period_kind', {
      enum: ['day', 'week', 'month', 'quarter', 'year'],
    }).notNull(),
    periodStart: text('period_start').notNull(),
    value: integer('value').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.metric, t.periodKind, t.periodStart] }),
    index('personal_goals_org').on(t.orgId),
  ],
);
