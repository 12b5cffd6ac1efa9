/** The board's reads: leaderboard (with ETag), per-member daily trends, last period's champions. */
import {
  LeaderboardResponse,
  type PeriodKind,
  TrendsResponse,
} from '../../../../shared/api/index.ts';
import { addDays } from '../../../../shared/domain/index.ts';
import { get, getJson, withQuery } from '../app/api.ts';

export interface BoardQuery {
  teamId: string | undefined;
  period: PeriodKind;
  date: string | undefined;
  by: string;
}

export const leaderboardPath = (q: BoardQuery) =>
  withQuery('/api/v1/leaderboard', { team: q.teamId, period: q.period, date: q.date, by: q.by });

export const loadLeaderboard = (q: BoardQuery) =>
  getJson(LeaderboardResponse, leaderboardPath(q)).then((r) => r.data);

export function loadTrends(teamId: string, from: string, to: string, metric: string) {
  return get(TrendsResponse, withQuery('/api/v1/page/trends', { team: teamId, from, to, metric }));
}

/** The best members of the period before `start` (ties share the honour). */
export async function loadChampions(q: BoardQuery, start: string) {
  const previous = await get(
    LeaderboardResponse,
    withQuery('/api/v1/leaderboard', {
      team: q.teamId,
      period: q.period,
      date: addDays(start, -1),
      by: 'attainment',
    }),
  );
  const champions = previous.entries.filter(
    (e) => e.rank === 1 && e.percent !== null && e.achieved > 0,
  );
  return { period: previous.period, champions };
}
