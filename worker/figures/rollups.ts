/**
 * Rollup reads: what progress and leaderboards cost. They never read raw events, so their cost
 * depends on members × days × metrics with activity, not on how many events were logged.
 */
import { and, between, eq, inArray } from 'drizzle-orm';
import { readByIds } from '../db/chunked.ts';
import type { Db } from '../db/client.ts';
import { rollups } from '../db/schema.ts';

export type RollupRow = Pick<
  typeof rollups.$inferSelect,
  'memberId' | 'localDate' | 'metric' | 'total' | 'evidenceTotal'
>;

const columns = {
  memberId: rollups.memberId,
  localDate: rollups.localDate,
  metric: rollups.metric,
  total: rollups.total,
  evidenceTotal: rollups.evidenceTotal,
};

/**
 * One member's rollups in [start, end].
 * Cost: one primary-key range scan; reads one row per day × metric with activity in the range.
 */
export function memberRollups(
  db: Db,
  memberId: string,
  start: string,
  end: string,
): Promise<RollupRow[]> {
  return db
    .select(columns)
    .from(rollups)
    .where(and(eq(rollups.memberId, memberId), between(rollups.localDate, start, end)))
    .all();
}

/**
 * Rollups of several members in [start, end], in reads of ≤ 90 members (D1's 100-parameter cap)
 * sent as one batch. Cost: per member the same as {@link memberRollups}.
 */
export function membersRollups(
  db: Db,
  memberIds: readonly string[],
  start: string,
  end: string,
): Promise<RollupRow[]> {
  return readByIds(db, memberIds, (part) =>
    db
      .select(columns)
      .from(rollups)
      .where(and(inArray(rollups.memberId, part), between(rollups.localDate, start, end))),
  );
}
