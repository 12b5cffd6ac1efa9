/**
 * A contest's standings for one round, from the round's rollups only (one range read per
 * ≤ 90 members: rows = members × active days × metrics, independent of the event count) while
 * the round is provisional, and from its stored result once it settled (./settlement.ts).
 * The rules (rounds, settlement, ranking, team totals, the viewer's standing, winners) are
 * shared/domain's.
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
  roundSettlement,
  teamTotals,
  visibleStandings,
} from '../../shared/domain/contests.ts';
import { addDays, zonedInstant } from '../../shared/domain/dates.ts';
import { periodChampions, rankEntries } from '../../shared/domain/leaderboard.ts';
import { emptyRecord } from '../../shared/domain/own.ts';
import { pointsFor, type Quantities } from '../../shared/domain/points.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { contests } from '../db/schema.ts';
import { membersRollups, type RollupRow } from '../figures/rollups.ts';
import type { TeamRow } from '../teams/queries.ts';
import { isStored, rollupCorrections, settledRanking } from './settlement.ts';

export type ContestRow = typeof contests.$inferSelect;

/** The combined-points ranking's name; a metric id otherwise. */
export const POINTS = 'points';

export type RoundInfo = ContestRound & {
  endsAt: string;
  /** Over: its last day is before today. */
  decided: boolean;
  settlesAt: string;
  /** Not settled yet (shared/domain: `roundSettlement`). */
  provisional: boolean;
};

/**
 * The round running on `date` (org-local), with its end and settlement instants, as of `today`;
 * null when not on that day.
 */
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
  const timeZone = settings.calendar.timezone;
  const endsAt = zonedInstant(addDays(round.end, 1), '00:00', timeZone);
  const settlement = roundSettlement({
    round,
    graceWorkdays: contest.graceWorkdays,
    cal: settings.calendar,
    timeZone,
    today,
  });
  return {
    ...round,
    endsAt: endsAt.toISOString(),
    decided: settlement.over,
    settlesAt: settlement.settlesAt.toISOString(),
    provisional: !settlement.settled,
  };
}

/**
 * The contest's latest round that is over but not settled on `today` (in its grace: standings
 * provisional), or null.
 */
export function roundInGrace(
  contest: ContestRow,
  today: string,
  settings: OrgSettings,
): RoundInfo | null {
  const current = roundOn(contest, today, today, settings);
  const lastDay = current
    ? addDays(current.start, -1)
    : contest.end !== null && contest.end < today
      ? contest.end
      : addDays(today, -1);
  const round = roundOn(contest, lastDay, today, settings);
  return round?.decided && round.provisional ? round : null;
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

/** One ranked entry as stored at settlement; `teamId` is a member's team (privacy: managers). */
export type RankedEntry = ContestEntry & { teamId: string };

/** A round's full ranking and who it honours (the winners' members). */
export type Ranking = { ranked: RankedEntry[]; honourees: Honouree[] };

export type Standings = {
  /** The round asked for; provisional false also when it was settled before a later edit. */
  round: RoundInfo;
  /** What the viewer may see of the ranking (the leaderboards' privacy rules). */
  entries: ContestEntry[];
  visibility: StandingsVisibility;
  you: ContestYou | null;
  takingPart: ContestTakingPart;
  /** Public whatever the privacy mode (winners are honoured and announced); empty until settled. */
  winners: ContestEntry[];
};

type StandingsInput = {
  contest: ContestRow;
  round: RoundInfo;
  settings: OrgSettings;
  teams: TeamRow[];
  members: MemberRow[];
  viewer: MemberRow;
  managedTeams: ReadonlySet<string>;
};

/** The contest's competing sub-teams (team against team): each team of their subtrees → it. */
function competingTeamOf(contest: ContestRow, teams: TeamRow[]): Map<string, string> {
  const childOf = new Map<string, string>();
  if (contest.mode !== 'teams') return childOf;
  for (const child of teams.filter((t) => t.parentId === contest.teamId))
    for (const id of subtreeIds(teams, child.id)) childOf.set(id, child.id);
  return childOf;
}

/**
 * Ranks the round from its rollups, as of now (or, settling it, as of its settlement moment). `members`: every active rep of the contest team's
 * subtree. `teams`: the team's direct sub-teams, each the sum of its subtree's reps; reps directly
 * in the contest's team belong to no sub-team and count for none. Honourees are the winners'
 * members (team against team, each rep of the winning sub-team: honours are a member's history).
 */
export async function rankRound(
  db: Db,
  input: Pick<StandingsInput, 'contest' | 'round' | 'settings' | 'teams' | 'members'>,
  /** Rank the round as it stood at this instant (its settlement) rather than now. */
  asOf?: string,
): Promise<Ranking> {
  const { contest, round, settings, teams } = input;
  const below = subtreeIds(teams, contest.teamId);
  const reps = input.members.filter((m) => m.role === 'rep' && below.has(m.teamId));
  const ids = reps.map((m) => m.id);
  const rows = await membersRollups(db, ids, round.start, round.end);
  if (asOf !== undefined) rows.push(...(await rollupCorrections(db, ids, round, asOf)));
  const rowsOf = new Map<string, RollupRow[]>();
  for (const r of rows) rowsOf.set(r.memberId, [...(rowsOf.get(r.memberId) ?? []), r]);
  const scored = reps.map((m) => ({
    id: m.id,
    name: m.name,
    teamId: m.teamId,
    value: roundValue(rowsOf.get(m.id) ?? [], contest.metric, settings),
  }));
  let contenders: { id: string; name: string; value: number | null; teamId: string }[] = scored;
  const childOf = competingTeamOf(contest, teams);
  if (contest.mode === 'teams') {
    contenders = teamTotals(
      scored.flatMap((s) => {
        const teamId = childOf.get(s.teamId);
        return teamId ? [{ teamId, value: s.value }] : [];
      }),
      teams.filter((t) => t.parentId === contest.teamId),
    ).map((t) => ({ ...t, teamId: t.id }));
  }
  const ranked = rankEntries(contenders).map(
    (e): RankedEntry => ({
      rank: e.rank,
      id: e.id,
      name: e.name,
      value: e.value,
      teamId: e.teamId,
    }),
  );
  const winners = periodChampions(ranked);
  const honourees: Honouree[] =
    contest.mode === 'teams'
      ? winners.flatMap((w) =>
          reps
            .filter((m) => childOf.get(m.teamId) === w.id)
            .map((m) => ({ memberId: m.id, team: { id: w.id, name: w.name }, value: w.value })),
        )
      : winners.map((w) => ({ memberId: w.id, team: null, value: w.value }));
  return { ranked, honourees };
}

/**
 * The round's standings for the viewer. A provisional round is ranked live; a settled one is
 * served from its stored result, which the first read after settlement stores, honours and
 * announces (./settlement.ts), so later logs never change it. In team mode the viewer's standing
 * is their sub-team's. Entries and the one ahead are filtered for the viewer by
 * `visibleStandings` (shared/domain: the leaderboards' privacy rules); `managedTeams`: the teams
 * the caller manages (`managedTeamIds`): all of the contest's team is theirs to see, or, from a
 * team below it, their own reps.
 */
export async function standingsOf(db: Db, input: StandingsInput): Promise<Standings> {
  const { contest, settings, teams, managedTeams } = input;
  let round = input.round;
  // Settled once, settled for good: a grace lengthened or a holiday added later changes nothing.
  if (round.decided && round.provisional && (await isStored(db, contest, round))) {
    round = { ...round, provisional: false };
  }
  const { ranked } = round.provisional
    ? await rankRound(db, { ...input, round })
    : await settledRanking(db, { ...input, round }, () =>
        rankRound(db, { ...input, round }, round.settlesAt),
      );
  const viewerId =
    contest.mode === 'teams'
      ? (competingTeamOf(contest, teams).get(input.viewer.teamId) ?? '')
      : input.viewer.id;
  const entryOf = (e: ContestEntry): ContestEntry => ({
    rank: e.rank,
    id: e.id,
    name: e.name,
    value: e.value,
  });
  const seen = visibleStandings({
    ranked,
    viewerId,
    contenders: contest.mode,
    privacy: settings.privacy,
    viewerIsManager: managedTeams.has(contest.teamId),
    // A manager of a sub-team sees their own reps in a contest of a team above, as on leaderboards.
    managed: new Set(
      contest.mode === 'members'
        ? ranked.filter((e) => managedTeams.has(e.teamId)).map((e) => e.id)
        : [],
    ),
  });
  return {
    round,
    entries: seen.entries.map(entryOf),
    visibility: seen.visibility,
    you: seen.you,
    takingPart: seen.you === null ? 'none' : contest.mode === 'teams' ? 'team' : 'member',
    winners: round.provisional ? [] : periodChampions(ranked).map(entryOf),
  };
}
