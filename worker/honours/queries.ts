/** A member's honours, newest round first (one indexed read, joined to the contests by key). */
import { and, desc, eq } from 'drizzle-orm';
import type { HonourView } from '../../shared/api/index.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { contests, honours } from '../db/schema.ts';

/** Enough for any board; an older honour is still stored. */
const SHOWN = 100;

export async function honoursOf(
  db: Db,
  member: Pick<MemberRow, 'id' | 'orgId'>,
): Promise<HonourView[]> {
  const rows = await db
    .select({ honour: honours, metric: contests.metric })
    .from(honours)
    .leftJoin(contests, eq(contests.id, honours.contestId))
    .where(and(eq(honours.orgId, member.orgId), eq(honours.memberId, member.id)))
    .orderBy(desc(honours.roundEnd), desc(honours.id))
    .limit(SHOWN)
    .all();
  return rows.map(({ honour: r, metric }) => ({
    contest: { id: r.contestId, name: r.contestName, metric: metric ?? null },
    round: { start: r.roundStart, end: r.roundEnd },
    team: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
    value: r.value,
    at: r.createdAt,
  }));
}
