/**
 * Review reads and writes: reflections, the contest rounds settled in a period, and the rollups
 * a review reads (never raw events, so a review's cost does not grow with what was logged).
 */
import { and, between, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Period, ReflectionView, ReviewPeriodKind } from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { contestResults, contests, reflections, rollups } from '../db/schema.ts';
import type { RollupRow } from '../figures/rollups.ts';

const MEMBERS_PER_READ = 90;

/** The metrics a review reads: the funnel's, and the ones a caller adds (primary, activities). */
export const FUNNEL_METRICS = ['revenue', 'deals', 'meetings', 'visits', 'leads'] as const;

/**
 * Rollups of `memberIds` in [start, end] for `metrics` only, in reads of ≤ 90 members (D1's
 * 100-parameter cap). Cost: one row per member × day × listed metric with activity in the range.
 */
export async function reviewRollups(
  db: Db,
  memberIds: readonly string[],
  metrics: readonly string[],
  start: string,
  end: string,
): Promise<RollupRow[]> {
  const out: RollupRow[] = [];
  const perRead = Math.max(1, MEMBERS_PER_READ - metrics.length);
  for (let i = 0; i < memberIds.length; i += perRead) {
    const rows = await db
      .select({
        memberId: rollups.memberId,
        localDate: rollups.localDate,
        metric: rollups.metric,
        total: rollups.total,
        evidenceTotal: rollups.evidenceTotal,
      })
      .from(rollups)
      .where(
        and(
          inArray(rollups.memberId, memberIds.slice(i, i + perRead)),
          between(rollups.localDate, start, end),
          inArray(rollups.metric, [...metrics]),
        ),
      )
      .all();
    out.push(...rows);
  }
  return out;
}

type ReflectionRow = typeof reflections.$inferSelect;

const viewOf = (r: ReflectionRow): ReflectionView => ({
  worked: r.worked,
  change: r.change,
  focus: r.focus,
  updatedAt: r.updatedAt,
});

/** A member's reflection on one period, or null. Cost: one primary-key read. */
export async function reflectionOf(
  db: Db,
  memberId: string,
  period: Pick<Period, 'kind' | 'start'>,
): Promise<ReflectionView | null> {
  const row = await db
    .select()
    .from(reflections)
    .where(
      and(
        eq(reflections.memberId, memberId),
        eq(reflections.periodKind, period.kind as ReviewPeriodKind),
        eq(reflections.periodStart, period.start),
      ),
    )
    .get();
  return row ? viewOf(row) : null;
}

/** Every reflection of the org on one period, by member. Cost: one index range (one per reflection). */
export async function reflectionsOn(
  db: Db,
  orgId: string,
  period: Pick<Period, 'kind' | 'start'>,
): Promise<Map<string, ReflectionView>> {
  const rows = await db
    .select()
    .from(reflections)
    .where(
      and(
        eq(reflections.orgId, orgId),
        eq(reflections.periodKind, period.kind as ReviewPeriodKind),
        eq(reflections.periodStart, period.start),
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.memberId, viewOf(r)]));
}

/** Writes (or replaces) a member's reflection on a period. Cost: one upsert. */
export async function saveReflection(
  db: Db,
  orgId: string,
  memberId: string,
  period: { kind: ReviewPeriodKind; start: string },
  text: { worked: string; change: string; focus: string },
  now: Date,
): Promise<ReflectionView> {
  const values = { ...text, updatedAt: now.toISOString() };
  await db
    .insert(reflections)
    .values({ orgId, memberId, periodKind: period.kind, periodStart: period.start, ...values })
    .onConflictDoUpdate({
      target: [reflections.memberId, reflections.periodKind, reflections.periodStart],
      set: values,
    })
    .run();
  return values;
}

/** What a review needs of a stored contest result (worker/contests/settlement.ts writes them). */
const Ranked = z.array(z.object({ rank: z.number().int(), id: z.string() }).loose());
const Honoured = z.array(z.object({ memberId: z.string() }).loose());

export interface SettledRound {
  contestId: string;
  name: string;
  mode: 'members' | 'teams';
  roundEnd: string;
  ranked: { rank: number; id: string }[];
  honoured: Set<string>;
}

/**
 * The contest rounds of the org that ended within [start, end] and have settled. Cost: the org's
 * settled rounds (one row each) and their contests.
 */
export async function roundsEndedIn(
  db: Db,
  orgId: string,
  start: string,
  end: string,
): Promise<SettledRound[]> {
  const rows = await db
    .select({
      contestId: contestResults.contestId,
      roundEnd: contestResults.roundEnd,
      ranked: contestResults.ranked,
      honourees: contestResults.honourees,
      name: contests.name,
      mode: contests.mode,
    })
    .from(contestResults)
    .innerJoin(contests, eq(contests.id, contestResults.contestId))
    .where(and(eq(contestResults.orgId, orgId), between(contestResults.roundEnd, start, end)))
    .all();
  return rows.map((r) => ({
    contestId: r.contestId,
    name: r.name,
    mode: r.mode,
    roundEnd: r.roundEnd,
    ranked: Ranked.parse(JSON.parse(r.ranked)),
    honoured: new Set(Honoured.parse(JSON.parse(r.honourees)).map((h) => h.memberId)),
  }));
}
