/**
 * A contest's standings for one round, from the round's rollups only (one range read per
 * ≤ 90 members: rows = members × active days × metrics, independent of the event count).
 * The rules (rounds, ranking, team totals, the viewer's standing, winners) are shared/domain's.
 */
import type {
  ContestEntry,
  ContestTakingPart,
  ContestYou,
  OrgSettings,
  StandingsVisibility,
} from '../../shared/api/index.ts';
import {
  type ContestRound,
  contestRound,
  teamTotals,
  visibleStandings,
} from '../../shared/domain/contests.ts';
import { addDays, zonedInstant } from '../../shared/domain/dates.ts';
import { periodChampions, rankEntries } from '../../shared/domain/leaderboard.ts';
import { emptyRecord } from '../../shared/domain/own.ts';
import { pointsFor, type Quantities } from '../../shared/domain/points.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { contests } from '../db/schema.ts';
import { membersRollups, type RollupRow } from '../figures/rollups.ts';
import { subtreeIds, type TeamRow } from '../teams/queries.ts';

export type ContestRow = typeof contests.$inferSelect;

/** The combined-points ranking's name; a metric id otherwise. */
export const POINTS = 'points';

export type RoundInfo = ContestRound & { endsAt: string; decided: boolean };

/** The round running on `date` (org-local), with its end instant; null when not on that day. */
export function roundOn(
  contest: ContestRow,
  date: string,
  today: string,
  settings: OrgSettings,
): RoundInfo | null {
  const round = contestRound({
    schedule: {
      start: contest.start,
      end: contest.end,
      recurrence: contest.recurrence,
    },
    date,
    cal: settings.calendar,
  });
  if (!round) return null;
  const endsAt = zonedInstant(addDays(round.end, 1), '00:00', settings.calendar.timezone);
  return { ...round, endsAt: endsAt.toISOString(), decided: round.end < today };
}

/** One member's value in the round: a metric's total, or points with manual logs weighted. */
function roundValue(rows: RollupRow[], metric: string, settings: OrgSettings): number {
  if (metric !== POINTS) {
    return rows.filter((r) => r.metric === metric).reduce((sum, r) => sum + r.total, 0);
  }
  const quantities = emptyRecord<number>();
  const manual = emptyRecord<number>();
  for (const r of rows) {
    quantities[r.metric] = (quantities[r.metric] ?? 0) + r.total;
    manual[r.metric] = (manual[r.metric] ?? 0) + (r.total - r.evidenceTotal);
  }
  return pointsFor(quantities as Quantities, settings, { manualShare: manual });
}

/** A member honoured for a decided round: a winner, or a member of a winning sub-team. */
export type Honouree = {
  memberId: string;
  team: { id: string; name: string } | null;
  value: number | null;
};

export type Standings = {
  /** What the viewer may see of the ranking (the leaderboards' privacy rules). */
  entries: ContestEntry[];
  visibility: StandingsVisibility;
  you: ContestYou | null;
  takingPart: ContestTakingPart;
  /** Public whatever the privacy mode (winners are honoured and announced). */
  winners: ContestEntry[];
  /** Empty until the round is decided. */
  honourees: Honouree[];
};

/**
 * Ranks the round. `members`: every active rep of the contest team's subtree. `teams`: the
 * team's direct sub-teams, each the sum of its subtree's reps; reps directly in the contest's
 * team belong to no sub-team and count for none (`takingPart: 'none'`). `viewer` is the caller;
 * in team mode their standing is their sub-team's. Entries and the one ahead are filtered for
 * the viewer by `visibleStandings` (shared/domain: the leaderboards' privacy rules);
 * `managedTeams`: the teams the caller manages (`managedTeamIds`): all of the contest's team is
 * theirs to see, or, from a team below it, their own reps.
 */
export async function standingsOf(
  db: Db,
  input: {
    contest: ContestRow;
    round: RoundInfo;
    settings: OrgSettings;
    teams: TeamRow[];
    members: MemberRow[];
    viewer: MemberRow;
    managedTeams: ReadonlySet<string>;
  },
): Promise<Standings> {
  const { contest, round, settings, teams } = input;
  const below = subtreeIds(teams, contest.teamId);
  const reps = input.members.filter((m) => m.role === 'rep' && below.has(m.teamId));
  const rows = await membersRollups(
    db,
    reps.map((m) => m.id),
    round.start,
    round.end,
  );
  const rowsOf = new Map<string, RollupRow[]>();
  for (const r of rows) rowsOf.set(r.memberId, [...(rowsOf.get(r.memberId) ?? []), r]);
  const scored = reps.map((m) => ({
    id: m.id,
    name: m.name,
    teamId: m.teamId,
    value: roundValue(rowsOf.get(m.id) ?? [], contest.metric, settings),
  }));
  let contenders: { id: string; name: string; value: number | null }[] = scored;
  let viewerId = input.viewer.id;
  const childOf = new Map<string, string>();
  if (contest.mode === 'teams') {
    const children = teams.filter((t) => t.parentId === contest.teamId);
    for (const child of children)
      for (const id of subtreeIds(teams, child.id)) childOf.set(id, child.id);
    contenders = teamTotals(
      scored.flatMap((s) => {
        const teamId = childOf.get(s.teamId);
        return teamId ? [{ teamId, value: s.value }] : [];
      }),
      children,
    );
    viewerId = childOf.get(input.viewer.teamId) ?? '';
  }
  const ranked = rankEntries(contenders);
  const entryOf = (e: (typeof ranked)[number]): ContestEntry => ({
    rank: e.rank,
    id: e.id,
    name: e.name,
    value: e.value,
  });
  const winners = round.decided ? periodChampions(ranked).map(entryOf) : [];
  // Team against team honours each rep of the winning sub-team: honours are a member's history.
  const honourees: Honouree[] =
    contest.mode === 'teams'
      ? winners.flatMap((w) =>
          reps
            .filter((m) => childOf.get(m.teamId) === w.id)
            .map((m) => ({ memberId: m.id, team: { id: w.id, name: w.name }, value: w.value })),
        )
      : winners.map((w) => ({ memberId: w.id, team: null, value: w.value }));
  const { managedTeams } = input;
  const seen = visibleStandings({
    ranked,
    viewerId,
    contenders: contest.mode,
    privacy: settings.privacy,
    viewerIsManager: managedTeams.has(contest.teamId),
    // A manager of a sub-team sees their own reps in a contest of a team above, as on leaderboards.
    managed: new Set(reps.filter((m) => managedTeams.has(m.teamId)).map((m) => m.id)),
  });
  return {
    entries: seen.entries.map(entryOf),
    visibility: seen.visibility,
    you: seen.you,
    takingPart: seen.you === null ? 'none' : contest.mode === 'teams' ? 'team' : 'member',
    winners,
    honourees,
  };
}
