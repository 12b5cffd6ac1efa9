/**
 * The leaderboard page's routes: the session (cookie) sign-in, and the one-time sign-in link the
 * extension's "Open leaderboard" asks for with its bearer token.
 */
import { z } from 'zod';
import { Id, Instant } from './common.ts';

/** `POST /api/v1/session/codes`: a link that signs its first visitor in within 60 s, once. */
export const SigninCodeResponse = z.object({
  code: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: Instant,
});
export type SigninCodeResponse = z.infer<typeof SigninCodeResponse>;

/** `GET /api/v1/session`: the page's CSRF secret for cookie writes. */
export const SessionInfoResponse = z.object({
  csrfToken: z.string(),
  expiresAt: Instant,
  memberId: Id,
});
export type SessionInfoResponse = z.infer<typeof SessionInfoResponse>;

/** `POST /api/v1/session` (bearer → cookie). */
export const StartSessionResponse = SessionInfoResponse;
