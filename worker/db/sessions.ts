/**
 * Browser credentials of the leaderboard page: cookie sessions, one-time sign-in codes (the
 * extension's "Open leaderboard" link) and read-only TV links. Every secret is stored only as its
 * SHA-256; the plain value is handed out once.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tokens } from './auth.ts';
import { members, orgs, teams } from './orgs.ts';

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie value. */
    hash: text('hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /**
     * The token the session was made from (directly, or through a sign-in link it made): the
     * session lives only while that token does, so revoking it signs the page out too.
     */
    tokenHash: text('token_hash')
      .notNull()
      .references(() => tokens.hash),
    /** Double-submit CSRF secret: the page reads it from GET /session and echoes it on writes. */
    csrf: text('csrf').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_member').on(t.memberId), index('sessions_token').on(t.tokenHash)],
);

export const signinCodes = sqliteTable('signin_codes', {
  /** SHA-256 of the code. */
  hash: text('hash').primaryKey(),
  memberId: text('member_id')
    .notNull()
    .references(() => members.id),
  orgId: text('org_id')
    .notNull()
    .references(() => orgs.id),
  /** The bearer token that made the link; the session it starts inherits it (see `sessions`). */
  tokenHash: text('token_hash')
    .notNull()
    .references(() => tokens.hash),
  expiresAt: text('expires_at').notNull(),
  /** Set when exchanged: a code works once. */
  usedAt: text('used_at'),
});

export const tvLinks = sqliteTable(
  'tv_links',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the token in the TV URL. */
    hash: text('hash').notNull().unique(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** The manager whose view of the team the TV shows; the link dies with their role. */
    createdBy: text('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('tv_links_org').on(t.orgId)],
);

export type TvLinkRow = typeof tvLinks.$inferSelect;
