/**
 * Contests a manager runs. A round's standings are computed from its rollups (their cost does
 * not grow with the number of events) until the round settles; then they are stored once in
 * `contest_results` and served from there, so later backdated logs never change them.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    /** Workdays after a round during which its standings stay provisional (shared/domain). */
    graceWorkdays: integer('grace_workdays').notNull().default(1),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('contests_org').on(t.orgId, t.status)],
);

/**
 * A settled round's final standings, written once by the first read after it settled (the unique
 * key makes concurrent reads store one); its honours and "won" announcements derive from this row
 * only, so they are written once whatever is logged later.
 */
export const contestResults = sqliteTable(
  'contest_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id').notNull(),
    contestId: text('contest_id').notNull(),
    roundStart: text('round_start').notNull(),
    roundEnd: text('round_end').notNull(),
    /** JSON: every ranked entry at settlement (`SettledEntry[]`, worker/contests/settlement.ts). */
    ranked: text('ranked').notNull(),
    /** JSON: the members honoured (`Honouree[]`). */
    honourees: text('honourees').notNull(),
    settledAt: text('settled_at').notNull(),
    /** Set once the honours and announcements of the round are written; null retries them. */
    honouredAt: text('honoured_at'),
  },
  (t) => [uniqueIndex('contest_results_round').on(t.contestId, t.roundStart)],
);
