/** A member's honours, newest round first (one indexed read). */
import { and, desc, eq } from 'drizzle-orm';
import type { HonourView } from '../../shared/api/index.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { honours } from '../db/schema.ts';

/** Enough for any board; an older honour is still stored. */
const SHOWN = 100;

export async function honoursOf(
  db: Db,
  member: Pick<MemberRow, 'id' | 'orgId'>,
): Promise<HonourView[]> {
  const rows = await db
    .select()
    .from(honours)
    .where(and(eq(honours.orgId, member.orgId), eq(honours.memberId, member.id)))
    .orderBy(desc(honours.roundEnd), desc(honours.id))
    .limit(SHOWN)
    .all();
  return rows.map((r) => ({
    competition: { id: r.competitionId, name: r.competitionName },
    round: { start: r.roundStart, end: r.roundEnd },
    team: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
    value: r.value,
    at: r.createdAt,
  }));
}
