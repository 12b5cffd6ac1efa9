/**
 * Settling a round: the first standings read after the round's settlement moment (shared/domain:
 * `roundSettlement`) ranks it one last time and stores that result; every read after serves the
 * stored result. Concurrent first reads race on the unique (contest, round) key: one row is kept
 * and everyone continues from it, so the honours and "won" announcements, derived from the stored
 * row only and keyed themselves, are written once. Logs backdated into the round later still count
 * for targets and progress, but never change its results: the stored result is the round as it
 * stood at its settlement moment, however late the first read comes (`asOfSettlement`).
 */
import { and, between, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OrgSettings } from '../../shared/api/index.ts';
import { addDays } from '../../shared/domain/dates.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { contestResults, events } from '../db/schema.ts';
import type { RollupRow } from '../figures/rollups.ts';
import { honourRound } from '../honours/record.ts';
import type { ContestRow, Honouree, RankedEntry, Ranking, RoundInfo } from './standings.ts';

// What was stored is read back through zod like any other input.
const StoredRanked = z.array(
  z.object({
    rank: z.number().int().min(1),
    id: z.string(),
    name: z.string(),
    value: z.number().nullable(),
    teamId: z.string(),
  }),
);
const StoredHonourees = z.array(
  z.object({
    memberId: z.string(),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    value: z.number().nullable(),
  }),
);

type ResultRow = typeof contestResults.$inferSelect;

const MEMBERS_PER_READ = 90;
/** An event is never recorded long before it happened (no logs from the future). */
const EARLIEST_RECORDING_DAYS = 2;

/**
 * Corrections that turn the round's rollups (as of now) into the round as it stood at `at`:
 * logs recorded at or after `at` taken out (negative rows), logs recorded before it but undone
 * since put back. Only the round's days are read, summed per member, day and metric in SQL, so the
 * answer is small; it runs once per round, at its settlement.
 */
export async function rollupCorrections(
  db: Db,
  memberIds: string[],
  round: { start: string; end: string },
  at: string,
): Promise<RollupRow[]> {
  const total = sql<number>`sum(${events.quantity})`;
  const evidenceTotal = sql<number>`sum(case when ${events.evidence} then ${events.quantity} else 0 end)`;
  const columns = {
    memberId: events.memberId,
    localDate: events.localDate,
    metric: events.metric,
    total,
    evidenceTotal,
  };
  const recordedFrom = `${addDays(round.start, -EARLIEST_RECORDING_DAYS)}T00:00:00.000Z`;
  const out: RollupRow[] = [];
  for (let i = 0; i < memberIds.length; i += MEMBERS_PER_READ) {
    const part = memberIds.slice(i, i + MEMBERS_PER_READ);
    const inRound = and(
      inArray(events.memberId, part),
      between(events.localDate, round.start, round.end),
    );
    const [late, undone] = await Promise.all([
      db
        .select(columns)
        .from(events)
        .where(and(inRound, gte(events.createdAt, at), eq(events.voided, false)))
        .groupBy(events.memberId, events.localDate, events.metric)
        .all(),
      db
        .select(columns)
        .from(events)
        .where(
          and(
            inRound,
            gte(events.createdAt, recordedFrom),
            lt(events.createdAt, at),
            eq(events.voided, true),
            gte(events.voidedAt, at),
          ),
        )
        .groupBy(events.memberId, events.localDate, events.metric)
        .all(),
    ]);
    for (const r of late) out.push({ ...r, total: -r.total, evidenceTotal: -r.evidenceTotal });
    out.push(...undone);
  }
  return out;
}

async function storedResult(
  db: Db,
  contest: ContestRow,
  round: RoundInfo,
): Promise<ResultRow | undefined> {
  return db
    .select()
    .from(contestResults)
    .where(
      and(eq(contestResults.contestId, contest.id), eq(contestResults.roundStart, round.start)),
    )
    .get();
}

/**
 * Whether the round has a stored result: it settled earlier, so it stays settled even if its
 * grace or the calendar was changed since to end later.
 */
export async function isStored(db: Db, contest: ContestRow, round: RoundInfo): Promise<boolean> {
  return (await storedResult(db, contest, round)) !== undefined;
}

/**
 * The settled round's result: stored, or stored now from `rank()` (the first read after the
 * settlement moment), with its honours and announcements written if not yet.
 */
export async function settledRanking(
  db: Db,
  input: {
    contest: ContestRow;
    round: RoundInfo;
    settings: OrgSettings;
    members: MemberRow[];
  },
  rank: () => Promise<Ranking>,
  now: Date = new Date(),
): Promise<Ranking> {
  const { contest, round } = input;
  let row = await storedResult(db, contest, round);
  if (!row) {
    const ranking = await rank();
    await db
      .insert(contestResults)
      .values({
        orgId: contest.orgId,
        contestId: contest.id,
        roundStart: round.start,
        roundEnd: round.end,
        ranked: JSON.stringify(ranking.ranked),
        honourees: JSON.stringify(ranking.honourees),
        settledAt: now.toISOString(),
      })
      .onConflictDoNothing();
    // Whoever stored first, everyone goes on from the one stored row.
    row = await storedResult(db, contest, round);
    if (!row) throw new Error(`the result of contest ${contest.id} was not stored`);
  }
  const ranked: RankedEntry[] = StoredRanked.parse(JSON.parse(row.ranked));
  const honourees: Honouree[] = StoredHonourees.parse(JSON.parse(row.honourees));
  if (row.honouredAt === null) {
    // Honours and announcements are keyed (contest, round, member): a retry or a concurrent read
    // writes nothing twice, and both come from the same stored honourees.
    await honourRound(
      db,
      { settings: input.settings, contest, round, honourees, members: input.members },
      now,
    );
    await db
      .update(contestResults)
      .set({ honouredAt: now.toISOString() })
      .where(and(eq(contestResults.id, row.id), isNull(contestResults.honouredAt)));
  }
  return { ranked, honourees };
}
