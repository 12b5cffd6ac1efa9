/**
 * The board's reads: leaderboard (with ETag), per-member daily trends, last period's champions,
 * a member's contest wins, and the links of the managers' CSV exports.
 */
import {
  HonoursResponse,
  LeaderboardResponse,
  type PeriodKind,
  RepSegmentsResponse,
  TrendsResponse,
} from '../../../../shared/api/index.ts';
import { addDays } from '../../../../shared/domain/index.ts';
import { api, get, read } from '../app/api.ts';

export interface BoardQuery {
  teamId: string | undefined;
  period: PeriodKind;
  date: string | undefined;
  by: string;
}

const leaderboardQuery = (q: BoardQuery) => ({
  team: q.teamId,
  period: q.period,
  date: q.date,
  by: q.by,
});

/** The leaderboard; `changed` is false when the server answered 304. */
export const readLeaderboard = (q: BoardQuery) =>
  read(LeaderboardResponse, api.leaderboard.$get({ query: leaderboardQuery(q) }));

export const loadLeaderboard = (q: BoardQuery) => readLeaderboard(q).then((r) => r.data);

export const loadTrends = (teamId: string, from: string, to: string, metric: string) =>
  get(TrendsResponse, api.page.trends.$get({ query: { team: teamId, from, to, metric } }));

/** The best members of the period before `start` (ties share the honour). */
export async function loadChampions(q: BoardQuery, start: string) {
  const previous = await loadLeaderboard({ ...q, date: addDays(start, -1), by: 'attainment' });
  const champions = previous.entries.filter(
    (e) => e.rank === 1 && e.percent !== null && e.achieved > 0,
  );
  return { period: previous.period, champions };
}

/** The contest rounds a member won (the member themselves or their managers). */
export const loadHonours = (memberId: string) =>
  get(HonoursResponse, api.members[':id'].honours.$get({ param: { id: memberId } }));

/** Download links (same origin: the session cookie goes along). */
export const exportLinks = (q: BoardQuery, range: { from: string; to: string }, lang: string) => ({
  leaderboard: api.export['leaderboard.csv'].$path({
    query: { ...leaderboardQuery(q), lang },
  }),
  events: api.export['events.csv'].$path({ query: { team: q.teamId, ...range } }),
});

/** A managed team's reps' progress per segment of their split targets over the board's period. */
export const loadRepSegments = (teamId: string, from: string, to: string, metric: string) =>
  get(
    RepSegmentsResponse,
    api.targets.segments.reps.$get({ query: { team: teamId, from, to, metric } }),
  );
