/**
 * Passkeys as plain functions (no HTTP): options for the browser, verification of its answers
 * through `@simplewebauthn/server`, and the challenges behind them.
 *
 * - The relying party is the configured page origin (`PUBLIC_ORIGIN`): its host is the RP ID and
 *   its origin the only one accepted, never the request's Host header.
 * - A challenge is 32 random bytes kept server-side for 5 minutes and spent once: it is deleted
 *   (a conditional DELETE … RETURNING, so two racing answers cannot both spend it) before the
 *   answer is verified, so a replayed answer finds nothing.
 * - User verification is required both ways: a passkey stands for "someone who unlocked the
 *   member's device", not "someone holding it".
 * Refusals are values (`{ ok: false, reason }`); the routes turn them into status codes.
 */
import {
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { and, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type {
  PasskeyAuthenticationResponse,
  PasskeyRegistrationResponse,
} from '../../shared/api/index.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members, orgs, passkeys, tokens, webauthnChallenges } from '../db/schema.ts';
import type { Env } from '../env.ts';
import { issueToken } from '../sessions/credentials.ts';
import { sha256Hex } from '../sessions/crypto.ts';
import { publicUrl } from '../sessions/public-origin.ts';

const CHALLENGE_SECONDS = 300;
/** ES256 and RS256: what platform authenticators and security keys use. */
const ALGORITHMS = [-7, -257];

type RegistrationJSON = z.infer<typeof PasskeyRegistrationResponse>;
type AuthenticationJSON = z.infer<typeof PasskeyAuthenticationResponse>;

export type Refusal = { ok: false; reason: string };

/** The relying party: the page's configured origin and its host name. */
export function relyingParty(env: Pick<Env, 'PUBLIC_ORIGIN'>) {
  const url = publicUrl(env, '/');
  return { rpID: url.hostname, origin: url.origin, rpName: 'Pacer' };
}

async function keepChallenge(
  db: Db,
  challenge: string,
  purpose: 'register' | 'signin',
  memberId: string | null,
) {
  const now = Date.now();
  await db.batch([
    // Challenges are handed to anyone (sign-in is public): sweep the stale ones as we go.
    db
      .delete(webauthnChallenges)
      .where(lt(webauthnChallenges.expiresAt, new Date(now).toISOString())),
    db.insert(webauthnChallenges).values({
      challenge,
      purpose,
      memberId,
      expiresAt: new Date(now + CHALLENGE_SECONDS * 1000).toISOString(),
    }),
  ]);
}

const ClientData = z.object({ challenge: z.string().min(1).max(512) });

/**
 * Spends the challenge an answer signed, once: the row is deleted if it is live, of this purpose
 * (and, for registration, issued to this member). Returns it, or null.
 */
async function spendChallenge(
  db: Db,
  clientDataJSON: string,
  purpose: 'register' | 'signin',
  memberId: string | null,
): Promise<string | null> {
  let challenge: string;
  try {
    const parsed = ClientData.safeParse(JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)));
    if (!parsed.success) return null;
    challenge = parsed.data.challenge;
  } catch {
    return null;
  }
  const conditions: SQL[] = [
    eq(webauthnChallenges.challenge, challenge),
    eq(webauthnChallenges.purpose, purpose),
    gt(webauthnChallenges.expiresAt, new Date().toISOString()),
  ];
  conditions.push(
    memberId === null
      ? isNull(webauthnChallenges.memberId)
      : eq(webauthnChallenges.memberId, memberId),
  );
  const spent = await db
    .delete(webauthnChallenges)
    .where(and(...conditions))
    .returning({ challenge: webauthnChallenges.challenge })
    .get();
  return spent?.challenge ?? null;
}

const transportsOf = (json: string | null): AuthenticatorTransport[] | undefined =>
  json === null ? undefined : (JSON.parse(json) as AuthenticatorTransport[]);

/** Options for `navigator.credentials.create()` for `member`, excluding passkeys they have. */
export async function registrationOptions(db: Db, env: Env, member: MemberRow) {
  const rp = relyingParty(env);
  const existing = await db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.memberId, member.id));
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: member.email,
    userDisplayName: member.name,
    // The user handle is the member id: sign-in checks the passkey answers for its own member.
    userID: new TextEncoder().encode(member.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  await keepChallenge(db, options.challenge, 'register', member.id);
  return options;
}

/** Verifies a registration answer and stores the passkey, standing on a token of its own. */
export async function registerPasskey(
  db: Db,
  env: Env,
  member: MemberRow,
  response: RegistrationJSON,
): Promise<{ ok: true; passkey: typeof passkeys.$inferSelect } | Refusal> {
  const challenge = await spendChallenge(
    db,
    response.response.clientDataJSON,
    'register',
    member.id,
  );
  if (!challenge) return { ok: false, reason: 'unknown, expired or already used challenge' };
  const rp = relyingParty(env);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid answer' };
  }
  if (!verified.verified) return { ok: false, reason: 'the passkey could not be verified' };
  const { credential } = verified.registrationInfo;
  const now = new Date().toISOString();
  // The token's plain value is dropped here: nobody can use it except through this passkey.
  const token = await issueToken(db, member.id, member.orgId, now);
  const row = {
    id: credential.id,
    memberId: member.id,
    orgId: member.orgId,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ? JSON.stringify(credential.transports) : null,
    tokenHash: await sha256Hex(token.token),
    createdAt: now,
    lastUsedAt: null,
  };
  try {
    await db.batch([token.insert, db.insert(passkeys).values(row)]);
  } catch (error) {
    if (String(error).includes('UNIQUE'))
      return { ok: false, reason: 'passkey already registered' };
    throw error;
  }
  return { ok: true, passkey: row };
}

/** Options for `navigator.credentials.get()`: any passkey of this site (discoverable). */
export async function signinOptions(db: Db, env: Env) {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(env).rpID,
    userVerification: 'required',
  });
  await keepChallenge(db, options.challenge, 'signin', null);
  return options;
}

/**
 * Verifies a sign-in answer: the challenge is spent first, the passkey must exist, answer for its
 * own member (user handle), belong to an active member of a live organisation and stand on an
 * unrevoked token; the signature and counter are then checked. Returns what a session needs.
 */
export async function verifySignin(
  db: Db,
  env: Env,
  response: AuthenticationJSON,
): Promise<{ ok: true; member: MemberRow; tokenHash: string } | Refusal> {
  const challenge = await spendChallenge(db, response.response.clientDataJSON, 'signin', null);
  if (!challenge) return { ok: false, reason: 'unknown, expired or already used challenge' };
  const found = await db
    .select({ passkey: passkeys, member: members })
    .from(passkeys)
    .innerJoin(members, eq(members.id, passkeys.memberId))
    .innerJoin(orgs, eq(orgs.id, passkeys.orgId))
    .innerJoin(tokens, and(eq(tokens.hash, passkeys.tokenHash), isNull(tokens.revokedAt)))
    .where(eq(passkeys.id, response.id))
    .get();
  if (!found?.member.active) return { ok: false, reason: 'unknown passkey' };
  const { passkey, member } = found;
  const handle = response.response.userHandle;
  if (handle !== undefined && isoBase64URL.toUTF8String(handle) !== member.id) {
    return { ok: false, reason: 'passkey answered for another member' };
  }
  const rp = relyingParty(env);
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: transportsOf(passkey.transports),
      },
      requireUserVerification: true,
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid answer' };
  }
  if (!verified.verified) return { ok: false, reason: 'the passkey could not be verified' };
  await db
    .update(passkeys)
    .set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: new Date().toISOString() })
    .where(eq(passkeys.id, passkey.id));
  return { ok: true, member, tokenHash: passkey.tokenHash };
}

export const passkeyView = (p: typeof passkeys.$inferSelect) => ({
  id: p.id,
  createdAt: p.createdAt,
  lastUsedAt: p.lastUsedAt,
});
