/**
 * The leaderboard as a plain function, for the `GET /leaderboard` route and the CSV export alike:
 * the reps of a team's subtree in the board's period (those who have since moved or been removed
 * stay on it, marked as such) ranked by attainment (default), points, streak or any
 * metric's total, with the team's privacy mode applied (managers of the team see everyone). Each
 * entry's achieved, target and percent are the ranked metric's when ranking by a metric, else the
 * primary metric's; the tier is the primary metric's in the shown period, whatever its kind. Reps
 * may view their own team and the teams above it; managers any team they manage. `group=teams`
 * ranks the direct sub-teams instead (on a `top` or `private` board only those that pool enough
 * reps to hide them). What it refuses comes back as a `BoardRefusal`; the routes decide the HTTP
 * status.
 */
import type { z } from 'zod';
import {
  isRanking,
  type LeaderboardEntry,
  type LeaderboardQuery as LeaderboardQuerySchema,
  type LeaderboardResponse,
} from '../../shared/api/index.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import {
  applyPrivacy,
  pooledFiguresVisible,
  rankEntries,
} from '../../shared/domain/leaderboard.ts';
import { standingIn } from '../../shared/domain/membership.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { paceStatus } from '../../shared/domain/pace.ts';
import {
  addParts,
  findRatio,
  isRatio,
  type RatioParts,
  ratioValue,
} from '../../shared/domain/ratios.ts';
import { BOARD_REFUSED, subtreeIds } from '../../shared/domain/teams.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import {
  type BoardFigures,
  boardFiguresOf,
  readAhead,
  readAheadOnTeams,
} from '../figures/figure-cache.ts';
import { windowFor } from '../figures/member-figures.ts';
import { loadMembership, loadMembershipOn } from '../members/history.ts';
import { loadMembers } from '../members/queries.ts';
import { knownTeams, rememberTeams } from '../teams/known.ts';
import {
  canReadBoard,
  findTeam,
  loadTeams,
  managedTeamIds,
  type TeamRow,
} from '../teams/queries.ts';

/** Why a board cannot be shown: an unknown ranking, a team not in the org, a team not readable. */
export interface BoardRefusal {
  refused: 'unknown_metric' | 'no_such_team' | 'not_readable';
  message: string;
}

/** A board request checked against the org's settings, with its window fixed at `now`. */
export interface BoardPlan {
  teamId: string;
  by: string;
  group: LeaderboardQuery['group'];
  win: ReturnType<typeof windowFor>;
  now: Date;
}

/** A validated `GET /leaderboard` query. */
export type LeaderboardQuery = z.output<typeof LeaderboardQuerySchema>;

interface Scored {
  id: string;
  name: string;
  value: number | null;
  figures: BoardFigures;
}

const NO_PARTS = { numerator: 0, denominator: 0 };

/** A sub-team's standing: its reps' figures pooled. */
interface TeamEntry {
  id: string;
  name: string;
  value: number | null;
  achieved: number;
  target: number;
  percent: number | null;
  points: number;
  streak: number;
  expected?: number;
  /** Ranking by a ratio: the pooled parts. */
  parts?: RatioParts;
}

/**
 * One entry per direct sub-team of `team`, aggregated over the reps of its subtree; `shows`
 * leaves out a sub-team whose pooled figures the viewer may not see.
 */
function teamEntries(
  by: string,
  team: TeamRow,
  teams: TeamRow[],
  scored: Scored[],
  teamOf: Map<string, string>,
  shows: (child: TeamRow, repIds: string[]) => boolean,
) {
  return teams
    .filter((t) => t.parentId === team.id)
    .flatMap((child) => {
      const below = subtreeIds(teams, child.id);
      const members = scored.filter((s) => below.has(teamOf.get(s.id) ?? ''));
      if (
        !shows(
          child,
          members.map((s) => s.id),
        )
      )
        return [];
      const sum = (f: (s: Scored) => number) => members.reduce((a, s) => a + f(s), 0);
      const perRep = (f: (s: Scored) => number) =>
        members.length > 0 ? sum(f) / members.length : 0;
      const points = perRep((s) => s.figures.points);
      const streak = perRep((s) => s.figures.streak);
      const ratio = findRatio(by);
      if (ratio) {
        // A ratio is never summed or averaged over reps: their parts are, then divided once.
        const parts = addParts(members.map((s) => s.figures.parts ?? NO_PARTS));
        const value = ratioValue(ratio, parts);
        const pooled: TeamEntry = {
          id: child.id,
          name: child.name,
          value,
          achieved: value ?? 0,
          target: 0,
          percent: null,
          points,
          streak,
          parts,
        };
        return [pooled];
      }
      const achieved = sum((s) => s.figures.achieved);
      const target = sum((s) => s.figures.target);
      const expected = sum((s) => s.figures.expected ?? 0);
      const percent = target > 0 ? (achieved / target) * 100 : null;
      let value: number | null;
      if (by === 'attainment') value = percent;
      else if (by === 'points') value = points;
      else if (by === 'streak') value = streak;
      else value = sum((s) => s.figures.metricTotal ?? 0);
      const entry: TeamEntry = {
        id: child.id,
        name: child.name,
        value,
        achieved,
        target,
        percent,
        points,
        streak,
        expected,
      };
      return [entry];
    });
}

const marked = (s: 'current' | 'moved' | 'removed' | undefined) =>
  s === 'moved' || s === 'removed' ? { standing: s } : {};

/** The team of the subtree a member was last a rep of within the period (their current one if still there). */
function teamInPeriod(
  m: { id: string; teamId: string },
  membership: readonly { memberId: string; teamId: string; from: string; until: string | null }[],
  below: ReadonlySet<string>,
  period: { start: string; end: string },
): string {
  if (below.has(m.teamId)) return m.teamId;
  const last = membership
    .filter(
      (p) =>
        p.memberId === m.id &&
        below.has(p.teamId) &&
        p.from <= period.end &&
        (p.until === null || p.until > period.start),
    )
    .sort((a, b) => b.from.localeCompare(a.from))[0];
  return last?.teamId ?? m.teamId;
}

function valueBy(by: string, f: BoardFigures): number | null {
  if (by === 'attainment') return f.percent;
  if (by === 'points') return f.points;
  if (by === 'streak') return f.streak;
  // A ratio without a denominator (no deals yet) has no value and ranks last.
  if (isRatio(by)) return f.metricTotal;
  return f.metricTotal ?? 0;
}

/**
 * Checks the ranking and fixes the board's window, before anything is read: the route keys its
 * ETag on the result. The board's period is the organisation's (one board, one period for everyone).
 */
export function planBoard(
  caller: Caller,
  query: LeaderboardQuery,
  now = new Date(),
): BoardPlan | BoardRefusal {
  const { settings } = caller;
  if (!isRanking(query.by) && !isRatio(query.by) && !findMetric(query.by, settings)) {
    return { refused: 'unknown_metric', message: `cannot rank by ${query.by}: no such metric` };
  }
  return {
    teamId: query.team ?? caller.member.teamId,
    by: query.by,
    group: query.group,
    win: windowFor(settings, settings.calendar.timezone, now, query.period, query.date),
    now,
  };
}

/**
 * With the org's team tree known before anything is read (knownTeams): the board team's subtree's
 * stretches and its current members' cached figures, read alongside the members; null when the
 * board is refused (buildBoard refuses it once the members are read).
 */
function earlyReads(db: Db, teams: TeamRow[], caller: Caller, plan: BoardPlan) {
  const team = findTeam(teams, plan.teamId);
  if (!team || !canReadBoard(caller, teams, team.id)) return null;
  const below = subtreeIds(teams, team.id);
  return Promise.all([
    loadMembershipOn(db, caller.org.id, below),
    readAheadOnTeams(db, [...below], { win: plan.win, by: plan.by }),
  ]);
}

/**
 * The board a plan describes, as the caller may see it. Cost: the org's teams and members, the
 * stretches on the team's subtree, then the board cache; when this isolate already knows the
 * org's teams at its config counter (worker/teams/known.ts), the members, the stretches and the
 * cache rows are read at once (one round of reads after sign-in instead of two).
 */
export async function buildBoard(
  db: Db,
  caller: Caller,
  plan: BoardPlan,
): Promise<LeaderboardResponse | BoardRefusal> {
  const { settings, org } = caller;
  const { by, win: boardWin } = plan;
  const known = knownTeams(org.id, org.configVersion);
  const [teams, members, early] = await Promise.all([
    known ?? loadTeams(db, org.id).then((t) => rememberTeams(org.id, org.configVersion, t)),
    loadMembers(db, org.id),
    known ? earlyReads(db, known, caller, plan) : null,
  ]);
  const team = findTeam(teams, plan.teamId);
  if (!team) return { refused: 'no_such_team', message: 'team not found' };
  if (!canReadBoard(caller, teams, team.id)) {
    return { refused: 'not_readable', message: BOARD_REFUSED };
  }
  const managedTeams = managedTeamIds(caller, teams);
  const managerView = managedTeams.has(team.id);
  const below = subtreeIds(teams, team.id);
  // Whoever was a rep of the subtree on some day of the period: a past board keeps its people,
  // marked when they have since moved to a team outside it or left.
  // Meanwhile the cached figures of those on its teams today (nearly always everyone on it).
  const [membership, ahead] =
    early ??
    (await Promise.all([
      loadMembershipOn(db, org.id, below),
      readAhead(
        db,
        members.filter((m) => below.has(m.teamId)).map((m) => m.id),
        { win: boardWin, by },
      ),
    ]));
  // The plan's window is the org's: its today is the org's (orgToday in worker/targets/locks.ts).
  const asOf = boardWin.today;
  const standing = new Map<string, 'current' | 'moved' | 'removed'>();
  const stretches = new Map<string, typeof membership>();
  for (const p of membership) stretches.set(p.memberId, [...(stretches.get(p.memberId) ?? []), p]);
  for (const m of members) {
    const own = stretches.get(m.id) ?? [];
    if (standingIn(m.id, own, below, boardWin.period, asOf) === null) continue;
    standing.set(m.id, !m.active ? 'removed' : below.has(m.teamId) ? 'current' : 'moved');
  }
  const board = members.filter((m) => standing.has(m.id));
  const figures = await boardFiguresOf(db, {
    orgId: org.id,
    configVersion: org.configVersion,
    settings,
    teams,
    membership: () => loadMembership(db, org.id),
    board,
    ahead,
    // Members' own days may run up to a day either side of the org's.
    win: { ...boardWin, start: addDays(boardWin.start, -1), end: addDays(boardWin.end, 1) },
    by,
    now: plan.now,
  });
  // Pace is for the running period only: a closed or future period has nothing to keep pace with.
  const today = localDateOf(plan.now, settings.calendar.timezone);
  const running = boardWin.period.start <= today && today <= boardWin.period.end;
  const paceOf = (f: { achieved: number; target: number; expected?: number }) =>
    running && f.expected !== undefined
      ? paceStatus({ achieved: f.achieved, target: f.target, expectedByNow: f.expected })
      : null;
  const scored: Scored[] = board.map((m) => {
    const f = figures.get(m.id) as BoardFigures;
    return { id: m.id, name: m.name, value: valueBy(by, f), figures: f };
  });
  const header = {
    period: boardWin.period,
    by,
    team: { id: team.id, name: team.name },
    privacy: settings.privacy,
  };
  if (plan.group === 'teams') {
    // Team standings pool their reps; a sub-team too small to hide them is left out of a
    // `top` or `private` board (shared/domain/leaderboard.ts: pooledFiguresVisible).
    const teamOf = new Map(
      board.map((m) => [m.id, teamInPeriod(m, membership, below, boardWin.period)]),
    );
    const shows = (child: TeamRow, repIds: string[]) =>
      pooledFiguresVisible({
        repIds,
        viewerId: caller.member.id,
        mode: settings.privacy,
        viewerSeesAll: managerView || managedTeams.has(child.id),
      });
    const ranked = rankEntries(teamEntries(by, team, teams, scored, teamOf, shows));
    const entries: LeaderboardEntry[] = ranked.map((e) => ({
      rank: e.rank,
      member: { id: e.id, name: e.name },
      value: e.value,
      achieved: e.achieved,
      target: e.target,
      percent: e.percent,
      tier: null,
      streak: Math.round(e.streak),
      points: e.points,
      pace: paceOf({ achieved: e.achieved, target: e.target, expected: e.expected }),
      ...(e.parts ? { parts: e.parts } : {}),
    }));
    return { ...header, entries };
  }
  const { entries, you } = applyPrivacy({
    ranked: rankEntries(scored),
    mode: settings.privacy,
    viewerId: caller.member.id,
    viewerIsManager: managerView,
    // On the board of a team above their own, a manager still sees every rep of their subtree.
    managed: new Set(board.filter((m) => managedTeams.has(m.teamId)).map((m) => m.id)),
  });
  const shown: LeaderboardEntry[] = entries.map((e) => ({
    rank: e.rank,
    member: { id: e.id, name: e.name },
    value: e.value,
    achieved: e.figures.achieved,
    target: e.figures.target,
    percent: e.figures.percent,
    tier: e.figures.tier,
    streak: e.figures.streak,
    points: e.figures.points,
    pace: paceOf(e.figures),
    ...(e.figures.parts ? { parts: e.figures.parts } : {}),
    ...marked(standing.get(e.id)),
  }));
  return { ...header, entries: shown, ...(you ? { you } : {}) };
}

/** `planBoard` then `buildBoard`, for callers that do not answer 304 (the CSV export). */
export async function leaderboard(
  db: Db,
  caller: Caller,
  query: LeaderboardQuery,
  now = new Date(),
): Promise<LeaderboardResponse | BoardRefusal> {
  const plan = planBoard(caller, query, now);
  return 'refused' in plan ? plan : buildBoard(db, caller, plan);
}
