/**
 * Honours kept in history: one row per winner of a decided contest round. Standings are
 * computed, never stored, so without this a round's winners would change if logs were edited
 * later; the unique (contest, round, member) key makes writing them idempotent, so the first
 * read after a round ended records them and every later read adds nothing.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const honours = sqliteTable(
  'honours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id').notNull(),
    memberId: text('member_id').notNull(),
    contestId: text('contest_id').notNull(),
    /** Copied so the honour still reads right after the contest is renamed or cancelled. */
    contestName: text('contest_name').notNull(),
    roundStart: text('round_start').notNull(),
    roundEnd: text('round_end').notNull(),
    /** Team against team: the winning sub-team the member belonged to; null for member contests. */
    teamId: text('team_id'),
    teamName: text('team_name'),
    /** The winner's value in the round (the team's total in team mode). */
    value: real('value'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('honours_key').on(t.contestId, t.roundStart, t.memberId),
    index('honours_member').on(t.orgId, t.memberId),
  ],
);
