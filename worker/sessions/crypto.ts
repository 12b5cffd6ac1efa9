/** Random identifiers and secrets. All randomness comes from the platform CSPRNG. */

const TOKEN_PREFIX = 'pcr_';
const TOKEN_BYTES = 32;
/** Crockford-style base32 without I, L, O, U: easy to read aloud and to type. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const INVITE_CODE_LENGTH = 10;

export const newId = (): string => crypto.randomUUID();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** An API token: 32 random bytes, base64url, with a recognisable prefix (secret scanners). */
export function newToken(): string {
  return TOKEN_PREFIX + base64url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
}

/** 10 base32 characters = 50 bits; guessing is further throttled by the public rate limiter. */
export function newInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(INVITE_CODE_LENGTH));
  // 256 is a multiple of 32, so `b % 32` is unbiased.
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Invite codes are typed by people: accept lower case, spaces and dashes. */
export const normaliseInviteCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '');

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
