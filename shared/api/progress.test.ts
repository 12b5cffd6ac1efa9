import { describe, expect, it } from 'vitest';
import { isRanking, LeaderboardQuery, RANKINGS } from './index.ts';

describe('RANKINGS: what a board ranks by besides a metric', () => {
  it('are attainment, points and streak; anything else is a metric id', () => {
    expect(RANKINGS).toEqual(['attainment', 'points', 'streak']);
    expect(RANKINGS.every(isRanking)).toBe(true);
    expect(isRanking('calls')).toBe(false);
    expect(isRanking('revenue')).toBe(false);
  });

  it('the leaderboard query takes each ranking and metric ids, attainment by default', () => {
    expect(LeaderboardQuery.parse({}).by).toBe('attainment');
    for (const by of [...RANKINGS, 'calls', 'my_metric'])
      expect(LeaderboardQuery.parse({ by }).by).toBe(by);
    expect(LeaderboardQuery.safeParse({ by: 'Not a metric!' }).success).toBe(false);
  });
});
