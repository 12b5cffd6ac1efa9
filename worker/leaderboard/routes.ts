/**
 * `GET /api/v1/leaderboard?team=&period=&date=&by=&group=`: the active reps of a team's subtree ranked
 * by attainment (default), points, streak or any metric's total, with the team's privacy mode
 * applied (managers of the team see everyone). Each entry's achieved, target and percent are the
 * ranked metric's when ranking by a metric, else the primary metric's; the tier is the primary
 * metric's in the shown period, whatever its kind. Reps may view their own team
 * and the teams above it; managers any team they manage. `group=teams` ranks the direct sub-teams
 * instead (on a `top` or `private` board only those that pool enough reps to hide them).
 * Answers 304 to a matching If-None-Match.
 */
import { Hono } from 'hono';
import { isRanking, type LeaderboardEntry, LeaderboardQuery } from '../../shared/api/index.ts';
import { addDays } from '../../shared/domain/dates.ts';
import {
  applyPrivacy,
  pooledFiguresVisible,
  rankEntries,
} from '../../shared/domain/leaderboard.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import type { AppEnv } from '../context.ts';
import { type BoardFigures, boardFiguresOf } from '../figures/figure-cache.ts';
import { windowFor } from '../figures/member-figures.ts';
import { assertBoardReadable, teamOr404 } from '../http/access.ts';
import { requireMember } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { changeToken, clientHasCurrent } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { loadTeams, managedTeamIds, subtreeIds, type TeamRow } from '../teams/queries.ts';

interface Scored {
  id: string;
  name: string;
  value: number | null;
  figures: BoardFigures;
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
      const achieved = sum((s) => s.figures.achieved);
      const target = sum((s) => s.figures.target);
      const percent = target > 0 ? (achieved / target) * 100 : null;
      const points = perRep((s) => s.figures.points);
      const streak = perRep((s) => s.figures.streak);
      let value: number | null;
      if (by === 'attainment') value = percent;
      else if (by === 'points') value = points;
      else if (by === 'streak') value = streak;
      else value = sum((s) => s.figures.metricTotal ?? 0);
      return [{ id: child.id, name: child.name, value, achieved, target, percent, points, streak }];
    });
}

function valueBy(by: string, f: BoardFigures): number | null {
  if (by === 'attainment') return f.percent;
  if (by === 'points') return f.points;
  if (by === 'streak') return f.streak;
  return f.metricTotal ?? 0;
}

export const leaderboardRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', validate('query', LeaderboardQuery), async (c) => {
    const query = c.req.valid('query');
    const caller = c.var.caller;
    const { settings, org } = caller;
    const db = c.var.db;
    const by = query.by;
    if (!isRanking(by) && !findMetric(by, settings)) {
      throw new ApiError(400, 'validation_failed', `cannot rank by ${by}: no such metric`);
    }
    const now = new Date();
    // The board's period is the organisation's (one board, one period for everyone).
    const boardWin = windowFor(settings, settings.calendar.timezone, now, query.period, query.date);
    const teamId = query.team ?? caller.member.teamId;
    const etag = await changeToken(org.version, [
      'board',
      caller.member.id,
      teamId,
      query.period,
      query.date ?? null,
      by,
      query.group,
      boardWin.today,
    ]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);

    const [teams, members] = await Promise.all([
      loadTeams(db, org.id),
      loadActiveMembers(db, org.id),
    ]);
    const team = teamOr404(teams, teamId);
    const managedTeams = managedTeamIds(caller, teams);
    const managerView = managedTeams.has(team.id);
    assertBoardReadable(caller, teams, team);
    const below = subtreeIds(teams, team.id);
    const board = members.filter((m) => m.role === 'rep' && below.has(m.teamId));
    const figures = await boardFiguresOf(db, {
      orgId: org.id,
      configVersion: org.configVersion,
      settings,
      teams,
      members,
      board,
      // Members' own days may run up to a day either side of the org's.
      win: { ...boardWin, start: addDays(boardWin.start, -1), end: addDays(boardWin.end, 1) },
      by,
      now,
    });
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
    if (query.group === 'teams') {
      // Team standings pool their reps; a sub-team too small to hide them is left out of a
      // `top` or `private` board (shared/domain/leaderboard.ts: pooledFiguresVisible).
      const teamOf = new Map(board.map((m) => [m.id, m.teamId]));
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
      }));
      return c.json({ ...header, entries }, 200);
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
    }));
    return c.json({ ...header, entries: shown, ...(you ? { you } : {}) }, 200);
  });
