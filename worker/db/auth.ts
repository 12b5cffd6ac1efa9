/** Credentials: API tokens (stored only as SHA-256) and invite codes. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members, orgs, teams } from './orgs.ts';

export const tokens = sqliteTable(
  'tokens',
  {
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    hash: text('hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    createdAt: text('created_at').notNull(),
    /** Set once; every request re-reads it, so revocation is effective at once. */
    revokedAt: text('revoked_at'),
  },
  (t) => [index('tokens_member').on(t.memberId)],
);

export const invites = sqliteTable(
  'invites',
  {
    /** Short typeable code (base32); it is the lookup key. */
    code: text('code').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    role: text('role', { enum: ['rep', 'manager'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    uses: integer('uses').notNull().default(0),
  },
  (t) => [index('invites_team').on(t.orgId, t.teamId)],
);
