/**
 * Membership history (who was on which team, as what, on which days) and the audit of targets:
 * every target change and every reopening of a closed period. The rules that read them are in
 * shared/domain/membership.ts and worker/targets/.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members, orgs } from './orgs.ts';

/**
 * One stretch of a member on a team in a role, `from` inclusive, `until` exclusive (null while
 * it lasts). Joining opens one; a move or a role change closes it and opens the next; removal
 * closes it; restoring opens a new one. Dates are the member's local dates.
 */
export const memberPeriods = sqliteTable(
  'member_periods',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    teamId: text('team_id').notNull(),
    role: text('role', { enum: ['rep', 'manager'] }).notNull(),
    from: text('from_date').notNull(),
    until: text('until_date'),
  },
  (t) => [
    // Org-wide and per-team reads (a board's subtree, the teams a target is split over).
    index('member_periods_team').on(t.orgId, t.teamId),
    index('member_periods_member').on(t.memberId),
  ],
);

/** Every target write: who, when, old → new, why. Kept when the target itself is deleted. */
export const targetChanges = sqliteTable(
  'target_changes',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    targetId: text('target_id').notNull(),
    scope: text('scope', { enum: ['member', 'team'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    metric: text('metric').notNull(),
    periodKind: text('period_kind', {
      enum: ['day', 'week', 'month', 'quarter', 'year'],
    }).notNull(),
    periodStart: text('period_start').notNull(),
    /** Null when the target was created. */
    oldValue: integer('old_value'),
    /** Null when the target was deleted. */
    newValue: integer('new_value'),
    /** `{ curve, split }` JSON before and after (null on create / delete). */
    oldDetail: text('old_detail'),
    newDetail: text('new_detail'),
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [
    index('target_changes_target').on(t.orgId, t.targetId),
    index('target_changes_subject').on(t.orgId, t.subjectId),
  ],
);

/**
 * A closed span a manager has opened again for target edits on a team's subtree, until it is
 * closed again (`closedAt`). Both actions are kept, with who and why.
 */
export const targetReopenings = sqliteTable(
  'target_reopenings',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    teamId: text('team_id').notNull(),
    start: text('start_date').notNull(),
    end: text('end_date').notNull(),
    reason: text('reason').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
  },
  (t) => [index('target_reopenings_org').on(t.orgId)],
);
