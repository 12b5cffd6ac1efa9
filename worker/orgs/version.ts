/**
 * The organisation's change counters, which polling clients compare (ETags) and the figure cache
 * is stamped with. Every writer bumps them through this one function, in the write's own batch.
 * Event writes and voids bump `orgs.version` by trigger instead
 * (worker/db/migrations/0017_won_deal_amount.sql).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';

/**
 * `config`: a target, settings, team or member write: bumps `orgs.version` and
 * `orgs.config_version` (members' cached figures are recomputed). `board`: a change to what
 * boards show that leaves figures as they are (contests, announcements): `orgs.version` only.
 */
export type Change = 'config' | 'board';

/** The statement that bumps the org's counters for `change` (add it to the write's batch, or `.run()` it). */
export const bumpVersion = (db: Db, orgId: string, change: Change) =>
  db
    .update(orgs)
    .set(
      change === 'config'
        ? { version: sql`${orgs.version} + 1`, configVersion: sql`${orgs.configVersion} + 1` }
        : { version: sql`${orgs.version} + 1` },
    )
    .where(eq(orgs.id, orgId));
