/**
 * Contests a manager runs. Standings are never stored: they are computed from the rollups
 * of the round, so their cost does not grow with the number of events.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgs, teams } from './orgs.ts';

export const contests = sqliteTable(
  'contests',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /** Reps of this team's subtree compete (`members`), or its direct sub-teams (`teams`). */
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    /** A metric id, or `points` for all metrics combined. */
    metric: text('metric').notNull(),
    mode: text('mode', { enum: ['members', 'teams'] }).notNull(),
    recurrence: text('recurrence', { enum: ['once', 'daily', 'weekly', 'monthly'] }).notNull(),
    start: text('start').notNull(),
    /** Inclusive; null = a recurring contest without end. */
    end: text('end'),
    prize: text('prize').notNull(),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('contests_org').on(t.orgId, t.status)],
);
