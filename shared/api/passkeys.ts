/**
 * Passkeys of the leaderboard page (WebAuthn). The browser's responses are checked here for shape
 * and size only; their signatures, challenge, origin and RP ID are verified by the worker.
 */
import { z } from 'zod';
import { Id, Instant } from './common.ts';

const B64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, 'base64url');
const Transports = z.array(z.string().max(32)).max(10);

/** `PublicKeyCredential.toJSON()` of `navigator.credentials.create()`. */
export const PasskeyRegistrationResponse = z.object({
  id: B64url.min(1).max(1024),
  rawId: B64url.min(1).max(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: B64url,
    attestationObject: B64url,
    transports: Transports.optional(),
    authenticatorData: B64url.optional(),
    publicKey: B64url.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/** `PublicKeyCredential.toJSON()` of `navigator.credentials.get()`. */
export const PasskeyAuthenticationResponse = z.object({
  id: B64url.min(1).max(1024),
  rawId: B64url.min(1).max(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: B64url,
    authenticatorData: B64url,
    signature: B64url,
    userHandle: B64url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/** `POST /api/v1/passkeys` (after `/passkeys/register/options`). */
export const RegisterPasskeyRequest = z.object({ response: PasskeyRegistrationResponse });
/** `POST /api/v1/passkeys/signin` (after `/passkeys/signin/options`). */
export const PasskeySigninRequest = z.object({ response: PasskeyAuthenticationResponse });

/**
 * The options `navigator.credentials.create()` / `.get()` take, as JSON (what
 * `@simplewebauthn/browser` expects); described loosely: the browser checks them.
 */
export const PasskeyOptionsResponse = z.object({
  options: z.looseObject({ challenge: z.string(), rpId: z.string().optional() }),
});

export const PasskeyView = z.object({
  id: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
});
export type PasskeyView = z.infer<typeof PasskeyView>;
export const PasskeyResponse = z.object({ passkey: PasskeyView });
export const PasskeysResponse = z.object({ passkeys: z.array(PasskeyView) });

/** `POST /api/v1/session/codes/{memberId}`: a manager's one-time sign-in link for a member. */
export const RecoveryCodeResponse = z.object({
  code: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: Instant,
  memberId: Id,
});
