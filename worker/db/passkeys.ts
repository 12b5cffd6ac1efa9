/**
 * Passkeys (WebAuthn credentials) of members, and the challenges handed out for them. A passkey
 * stands on a token of its own, made when it is registered and never shown to anyone: whatever
 * revokes a member's tokens (removal, `DELETE /members/:id/tokens`) ends their passkeys and the
 * sessions they opened, through the same checks as every other page credential.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tokens } from './auth.ts';
import { members, orgs } from './orgs.ts';

export const passkeys = sqliteTable(
  'passkeys',
  {
    /** The credential id (base64url) the authenticator chose; unique across organisations. */
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** The authenticator's signature counter (0 for authenticators that keep none). */
    counter: integer('counter').notNull().default(0),
    /** JSON array of transports the browser reported (hints for the next sign-in). */
    transports: text('transports'),
    /** The token this passkey stands on; its sessions live only while that token does. */
    tokenHash: text('token_hash')
      .notNull()
      .references(() => tokens.hash),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('passkeys_member').on(t.memberId)],
);

export const webauthnChallenges = sqliteTable(
  'webauthn_challenges',
  {
    /** The challenge (base64url, 32 random bytes) as sent to the browser. */
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: ['register', 'signin'] }).notNull(),
    /** For registration: the member it was issued to (nobody else can spend it). */
    memberId: text('member_id'),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('webauthn_challenges_expiry').on(t.expiresAt)],
);

export type PasskeyRow = typeof passkeys.$inferSelect;
