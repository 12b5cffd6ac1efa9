/** Organisation reads and the change counter that polling clients compare. */
import { eq, sql } from 'drizzle-orm';
import type { OrgSettings, OrgView } from '../../shared/api/index.ts';
import type { OrgRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';

export const orgView = (org: Pick<OrgRow, 'id' | 'name'>, settings: OrgSettings): OrgView => ({
  id: org.id,
  name: org.name,
  settings,
});

/**
 * The statement that bumps the org's change counters after a target, settings, team or member
 * write (include it in the write's batch). Event writes bump them by trigger instead.
 */
export const bumpVersion = (db: Db, orgId: string) =>
  db
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1`, configVersion: sql`${orgs.configVersion} + 1` })
    .where(eq(orgs.id, orgId));
