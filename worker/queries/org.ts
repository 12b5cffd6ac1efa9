/** Organisation reads and the change counter that polling clients compare. */
import { eq, sql } from 'drizzle-orm';
import type { OrgSettings, OrgView } from '../../shared/api/index.ts';
import type { OrgRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';

export const orgView = (org: OrgRow, settings: OrgSettings): OrgView => ({
  id: org.id,
  name: org.name,
  settings,
});

/** The statement that bumps the org's change counter (include it in the write's batch). */
export const bumpVersion = (db: Db, orgId: string) =>
  db
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, orgId));

/** The org's change counter. Cost: one primary-key read. */
export async function orgVersion(db: Db, orgId: string): Promise<number> {
  const row = await db.select({ v: orgs.version }).from(orgs).where(eq(orgs.id, orgId)).get();
  return row?.v ?? 0;
}
