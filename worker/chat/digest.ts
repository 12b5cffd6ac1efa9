/**
 * What scheduled posts say, read from the figures boards already keep (worker/figures/): the
 * team's standings, and who is behind pace or about to lose a streak. Cost: the org's teams and
 * active members, then one cached figures row per rep of the team (recomputed from rollups only
 * for reps whose figures changed), never the events. The weekly review digest reads the team
 * review (worker/reviews/service.ts: rollups, never events).
 */
import type { LocalDate, OrgSettings } from '../../shared/api/index.ts';
import { addDays } from '../../shared/domain/dates.ts';
import type { Language } from '../../shared/domain/language.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { Caller, OrgRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { chatChannels } from '../db/schema.ts';
import { boardFiguresOf } from '../figures/figure-cache.ts';
import { windowFor } from '../figures/member-figures.ts';
import { leaderboard } from '../leaderboard/service.ts';
import { loadMembership } from '../members/history.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { teamReview } from '../reviews/service.ts';
import { findTeam, loadTeams } from '../teams/queries.ts';
import { alertsMessage, reviewMessage, standingsMessage } from './compose.ts';
import type { ChatMessage } from './message.ts';

type ChannelRow = typeof chatChannels.$inferSelect;

/** Lines a standings post lists at most. */
const STANDINGS_ROWS = 10;

/**
 * The board as a rep of the channel's team sees it (the team's privacy mode applies: a chat group
 * is an audience of reps), as one caller that is nobody on the board.
 */
function audienceOf(org: OrgRow, settings: OrgSettings, channel: ChannelRow): Caller {
  return {
    member: {
      id: `chat:${channel.id}`,
      orgId: org.id,
      teamId: channel.teamId,
      name: channel.name,
      email: '',
      role: 'rep',
      timezone: channel.timezone,
      active: true,
      version: 0,
      longestStreak: 0,
      createdAt: channel.createdAt,
    },
    org,
    settings,
    credential: { kind: 'tv', hash: '', token: null },
  };
}

export async function standingsDigest(
  db: Db,
  org: OrgRow,
  settings: OrgSettings,
  channel: ChannelRow,
  period: 'day' | 'week' | 'month',
  now: Date,
): Promise<ChatMessage | null> {
  const board = await leaderboard(
    db,
    audienceOf(org, settings, channel),
    { team: channel.teamId, period, by: 'attainment', group: 'members' },
    now,
  );
  if ('refused' in board) return null;
  const entries = board.entries.slice(0, STANDINGS_ROWS);
  return standingsMessage({
    teamName: board.team.name,
    period,
    date:
      board.period.start === board.period.end
        ? board.period.start
        : `${board.period.start} – ${board.period.end}`,
    rows: entries.map((e) => ({
      rank: e.rank,
      name: e.member.name,
      percent: e.percent,
      achieved: e.achieved,
    })),
    of: board.entries.length,
    settings,
    lang: channel.language as Language,
  });
}

export async function alertsDigest(
  db: Db,
  org: OrgRow,
  settings: OrgSettings,
  channel: ChannelRow,
  alert: { time: string; metric: string; atLeast: number; streakAtRisk: boolean },
  now: Date,
): Promise<ChatMessage | null> {
  if (!findMetric(alert.metric, settings)) return null;
  const [teams, members] = await Promise.all([
    loadTeams(db, org.id),
    loadActiveMembers(db, org.id),
  ]);
  if (!findTeam(teams, channel.teamId)) return null;
  const below = subtreeIds(teams, channel.teamId);
  const reps = members.filter((m) => m.role === 'rep' && below.has(m.teamId));
  const win = windowFor(settings, settings.calendar.timezone, now, 'day');
  const figures = await boardFiguresOf(db, {
    orgId: org.id,
    configVersion: org.configVersion,
    settings,
    teams,
    membership: () => loadMembership(db, org.id),
    board: reps,
    win: { ...win, start: addDays(win.start, -1), end: addDays(win.end, 1) },
    by: alert.metric,
    now,
  });
  const behind: Array<{ name: string; value: number }> = [];
  const atRisk: Array<{ name: string; days: number }> = [];
  for (const rep of reps) {
    const f = figures.get(rep.id);
    if (!f) continue;
    const value = f.metricTotal ?? 0;
    if (value < alert.atLeast) behind.push({ name: rep.name, value });
    // A run is alive but today does not count yet: it ends tonight unless the goal is reached.
    if (alert.streakAtRisk && f.streak > 0 && f.points < settings.dailyPointsGoal) {
      atRisk.push({ name: rep.name, days: f.streak });
    }
  }
  behind.sort((a, b) => a.value - b.value || a.name.localeCompare(b.name));
  atRisk.sort((a, b) => b.days - a.days || a.name.localeCompare(b.name));
  return alertsMessage({
    time: alert.time,
    metric: alert.metric,
    atLeast: alert.atLeast,
    behind,
    atRisk,
    named: settings.privacy === 'open',
    settings,
    lang: channel.language as Language,
  });
}

/**
 * The weekly review digest of the week containing `day`: the team's attainment against plan, how
 * many reps each stage held back most, the team's median rates, and (in an `open` team only) each
 * rep's figure and bottleneck. Reflections stay between a rep and their managers.
 */
export async function reviewDigest(
  db: Db,
  org: OrgRow,
  settings: OrgSettings,
  channel: ChannelRow,
  day: LocalDate,
  now: Date,
): Promise<ChatMessage | null> {
  const teams = await loadTeams(db, org.id);
  const team = findTeam(teams, channel.teamId);
  if (!team) return null;
  const review = await teamReview(
    db,
    audienceOf(org, settings, channel),
    team,
    teams,
    'week',
    now,
    day,
  );
  if (review.rows.length === 0) return null;
  return reviewMessage({
    teamName: team.name,
    period: review.period,
    rows: review.rows,
    medians: review.medians,
    named: settings.privacy === 'open',
    settings,
    lang: channel.language as Language,
  });
}
