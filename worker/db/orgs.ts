/**
 * Organisations, their team tree and their members. Settings are one JSON document validated by
 * `OrgSettings` (shared/api/settings.ts) on every write, so the database never holds a document
 * the domain code cannot read.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const orgs = sqliteTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  settings: text('settings').notNull(),
  /**
   * Change counter for cheap polling: bumped by the rollup triggers (every event insert or void)
   * and by every target, settings, team or member write. Progress and leaderboard ETags embed it.
   */
  version: integer('version').notNull().default(0),
  /**
   * Bumped only by target, settings, team and member writes (not by events): with a member's own
   * `version` it makes the change token of that member's progress, so colleagues' logs do not
   * invalidate a sidebar's cached progress.
   */
  configVersion: integer('config_version').notNull().default(0),
  createdAt: text('created_at').notNull(),
});

export const teams = sqliteTable(
  'teams',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /** Null for the organisation's root team. */
    parentId: text('parent_id'),
    name: text('name').notNull(),
    /** 0 for the root; the tree is at most 4 levels deep (depth 0–3). */
    depth: integer('depth').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('teams_org').on(t.orgId, t.parentId)],
);

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['rep', 'manager'] }).notNull(),
    /** IANA zone: the day an event counts for is its instant in this zone when recorded. */
    timezone: text('timezone').notNull(),
    /** Removed members stay (their history counts in past periods) but cannot sign in. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Bumped by the rollup triggers when this member's events change (progress change token). */
    version: integer('version').notNull().default(0),
    /**
     * The longest streak ever computed for this member: streaks look back only 120 days, so a
     * run that has left the window is remembered here (raised by progress reads, never lowered).
     */
    longestStreak: integer('longest_streak').notNull().default(0),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('members_team').on(t.teamId),
    // Among active members only: a removed member's email may join again as a new member.
    uniqueIndex('members_org_email')
      .on(t.orgId, sql`lower(${t.email})`)
      .where(sql`${t.active} = 1`),
  ],
);
