/**
 * The TV's reads, all with the link's token (`x-pacer-tv`, set once by `TvApp`): which board the
 * link shows, then per refresh the board itself and the team's new announcements.
 */
import type { z } from 'zod';
import {
  ActivityResponse,
  AnnouncementsResponse,
  type ContestBoardResponse,
  LeaderboardBy,
  type LeaderboardResponse,
  type OrgSettings,
  TvInfoResponse,
} from '../../../../shared/api/index.ts';
import { api, get, read } from '../app/api.ts';
import { readContestBoard } from '../contests/api.ts';
import { readLeaderboard } from '../overview/api.ts';

export type TvInfo = z.infer<typeof TvInfoResponse>;

export const loadTvInfo = () => get(TvInfoResponse, api.tv.info.$get());

export interface TvBoard {
  org: { name: string; settings: OrgSettings };
  leaderboard: LeaderboardResponse;
  activity: LeaderboardResponse;
  activityTotals: Record<string, number>;
  contests: ContestBoardResponse['contests'];
}

/**
 * What the TV's leaderboard ranks by: the link's `?by=` (a ranking or a metric id, e.g. a sales
 * floor's screen ranked by calls), else attainment. A metric the team lacks is the API's 400.
 */
export function tvRanking(search: string): string {
  const parsed = LeaderboardBy.safeParse(new URLSearchParams(search).get('by'));
  return parsed.success ? parsed.data : 'attainment';
}

/** One refresh: four conditional GETs; each answers 304 (one small read) when nothing changed. */
export async function loadBoard(
  info: TvInfo,
  by: string,
): Promise<{ board: TvBoard; changed: boolean }> {
  const team = info.team.id;
  const [leaderboard, activity, totals, contests] = await Promise.all([
    readLeaderboard({ teamId: team, period: 'month', date: undefined, by }),
    readLeaderboard({ teamId: team, period: 'day', date: undefined, by: 'points' }),
    read(ActivityResponse, api.page.activity.$get({ query: { team } })),
    readContestBoard(team),
  ]);
  return {
    board: {
      org: info.org,
      leaderboard: leaderboard.data,
      activity: activity.data,
      activityTotals: totals.data.totals,
      // A contest whose standings the link's manager may not see (privacy `private` in a team
      // above theirs) has nothing to show on a TV.
      contests: contests.data.contests.filter((c) => c.entries.length > 0),
    },
    changed: leaderboard.changed || activity.changed || totals.changed || contests.changed,
  };
}

/** Announcements of the team after id `since` (ETag). */
export const readAnnouncements = (teamId: string, since: number) =>
  read(
    AnnouncementsResponse,
    api.announcements.$get({ query: { team: teamId, since: String(since) } }),
  );
