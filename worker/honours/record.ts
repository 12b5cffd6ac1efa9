/**
 * Records the honours of a settled round from its stored result (worker/contests/settlement.ts:
 * the first standings read after the round settled), and the unique (contest, round, member) key
 * makes every retry or concurrent read add nothing. Returns the honours this call recorded first.
 */

import type { OrgSettings } from '../../shared/api/index.ts';
import { announcementRulesOf } from '../../shared/domain/announcements.ts';
import { announce, type Moment } from '../announcements/announce.ts';
import type { Honouree, RoundInfo } from '../contests/standings.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { contests } from '../db/schema.ts';
import { honours } from '../db/schema.ts';

/** D1 allows 100 bound parameters per statement; an honour row binds 11. */
const ROWS_PER_INSERT = 9;

export async function recordHonours(
  db: Db,
  contest: typeof contests.$inferSelect,
  round: RoundInfo,
  honourees: Honouree[],
  now: Date,
): Promise<Honouree[]> {
  if (round.provisional || honourees.length === 0) return [];
  const recorded = new Set<string>();
  for (let i = 0; i < honourees.length; i += ROWS_PER_INSERT) {
    const inserted = await db
      .insert(honours)
      .values(
        honourees.slice(i, i + ROWS_PER_INSERT).map((h) => ({
          orgId: contest.orgId,
          memberId: h.memberId,
          contestId: contest.id,
          contestName: contest.name,
          roundStart: round.start,
          roundEnd: round.end,
          teamId: h.team?.id ?? null,
          teamName: h.team?.name ?? null,
          value: h.value,
          createdAt: now.toISOString(),
        })),
      )
      .onConflictDoNothing()
      .returning({ memberId: honours.memberId });
    for (const row of inserted) recorded.add(row.memberId);
  }
  return honourees.filter((h) => recorded.has(h.memberId));
}

/** "Won the contest" moments for the honours just recorded, keyed by contest, round and member. */
export function wonMoments(
  settings: OrgSettings,
  contest: typeof contests.$inferSelect,
  round: RoundInfo,
  recorded: Honouree[],
): { memberId: string; moment: Moment }[] {
  if (!announcementRulesOf(settings).contestWon) return [];
  return recorded.map((h) => {
    const payload: Record<string, string> = { contest: contest.name };
    if (h.team) payload.teamName = h.team.name;
    const key = `won:${contest.id}:${round.start}:${h.memberId}`;
    return { memberId: h.memberId, moment: { key, kind: 'contest_won', payload } };
  });
}

/**
 * A settled round's honours: records them and announces the winners once. Honours
 * recorded by an earlier read announce nothing, so the news is told exactly once.
 */
export async function honourRound(
  db: Db,
  input: {
    settings: OrgSettings;
    contest: typeof contests.$inferSelect;
    round: RoundInfo;
    honourees: Honouree[];
    members: MemberRow[];
  },
  now: Date,
): Promise<void> {
  const { settings, contest, round } = input;
  const recorded = await recordHonours(db, contest, round, input.honourees, now);
  const memberOf = new Map(input.members.map((m) => [m.id, m]));
  for (const { memberId, moment } of wonMoments(settings, contest, round, recorded)) {
    const member = memberOf.get(memberId);
    if (member) await announce(db, member, [moment], now);
  }
}
