/** What every request handler can read from the Hono context. */
import type { OrgSettings } from '../shared/api/index.ts';
import type { Db } from './db/client.ts';
import type { members, orgs } from './db/schema.ts';
import type { Env } from './env.ts';

export type MemberRow = typeof members.$inferSelect;
export type OrgRow = typeof orgs.$inferSelect;

/** The authenticated member and their organisation, as resolved from the request. */
export interface Caller {
  member: MemberRow;
  org: OrgRow;
  settings: OrgSettings;
  /**
   * What the request authenticated with: a bearer token, a page session or a TV link, by the
   * SHA-256 of its secret. `token` is the hash of the API token it stands on (a session's
   * origin; null for TV links), so whatever revokes that token ends it too.
   */
  credential: { kind: 'token' | 'session' | 'tv'; hash: string; token: string | null };
}

/**
 * A credential recognised but refused: `invalid` (unknown, expired, revoked or malformed: the
 * client failed to authenticate) or `not_allowed` (valid, but not for this request). Resolvers
 * return it; worker/http/auth.ts answers it (401 / 403).
 */
export interface Refusal {
  refused: 'invalid' | 'not_allowed';
  reason: string;
}

/** What a credential resolver finds: the caller, a refusal, or null (no credential of its kind). */
export type Resolution = Caller | Refusal | null;

export type AppEnv = { Bindings: Env; Variables: { db: Db; caller: Caller } };
