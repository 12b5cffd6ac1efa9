/** Issuing and revoking tokens and invites. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { invites, passkeys, sessions, signinCodes, tokens, tvLinks } from '../db/schema.ts';
import { newInviteCode, newToken, sha256Hex } from './crypto.ts';

/** A fresh token and the insert that stores only its hash (run it in the caller's batch). */
export async function issueToken(db: Db, memberId: string, orgId: string, now: string) {
  const token = newToken();
  const insert = db
    .insert(tokens)
    .values({ hash: await sha256Hex(token), memberId, orgId, createdAt: now });
  return { token, insert };
}

export function issueInvite(
  db: Db,
  input: { orgId: string; teamId: string; role: Role; createdBy: string; hours: number },
  nowMs: number,
) {
  const code = newInviteCode();
  const expiresAt = new Date(nowMs + input.hours * 3_600_000).toISOString();
  const insert = db.insert(invites).values({
    code,
    orgId: input.orgId,
    teamId: input.teamId,
    role: input.role,
    createdBy: input.createdBy,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt,
  });
  return { code, expiresAt, insert };
}

/**
 * The statements ending a member's page sessions, unspent sign-in links and passkeys. Revoking
 * their tokens already ends them (each stands on a token); deleting them leaves nothing that
 * could come back.
 */
export const endMemberSessions = (db: Db, memberId: string) =>
  [
    db.delete(sessions).where(eq(sessions.memberId, memberId)),
    db.delete(signinCodes).where(eq(signinCodes.memberId, memberId)),
    db.delete(passkeys).where(eq(passkeys.memberId, memberId)),
  ] as const;

/**
 * The statement revoking every live TV link a manager made: a TV shows the board as its manager
 * would, so it ends with their role (demotion, removal) and stays ended if the role comes back.
 */
export const revokeManagerTvLinks = (db: Db, memberId: string) =>
  db
    .update(tvLinks)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(tvLinks.createdBy, memberId), isNull(tvLinks.revokedAt)));

/** The statement revoking every live token of a member. Effective at once (nothing is cached). */
export const revokeMemberTokens = (db: Db, memberId: string) =>
  db
    .update(tokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(tokens.memberId, memberId), isNull(tokens.revokedAt)))
    .returning({ hash: tokens.hash });

/** The statement revoking one token by its hash. */
export const revokeToken = (db: Db, hash: string) =>
  db
    .update(tokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(tokens.hash, hash), isNull(tokens.revokedAt)))
    .returning({ hash: tokens.hash });
