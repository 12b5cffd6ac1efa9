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
  /** Key for per-credential rate limiting (the token hash for bearer tokens). */
  credentialKey: string;
}

export type AppEnv = { Bindings: Env; Variables: { db: Db; caller: Caller } };
