/**
 * Announcements written when a qualifying moment happens (a big log at ingest, a tier or
 * milestone when progress first sees it). `key` is unique per org, so a retried ingest or a
 * second device's progress read announces nothing twice. Polled by id (`since=`).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const announcements = sqliteTable(
  'announcements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id').notNull(),
    /** e.g. `big_deal:<event id>`, `tier:<member>:<period start>:<tier>`. */
    key: text('key').notNull(),
    kind: text('kind', {
      enum: ['big_deal', 'tier_reached', 'milestone', 'streak_record', 'contest_won'],
    }).notNull(),
    memberId: text('member_id').notNull(),
    /** The member's team when it happened: boards and TVs show their own subtree's. */
    teamId: text('team_id').notNull(),
    memberName: text('member_name').notNull(),
    /** JSON of the kind's fields (metric + amount, tier, percent, days). */
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('announcements_key').on(t.orgId, t.key),
    index('announcements_org').on(t.orgId, t.id),
  ],
);
