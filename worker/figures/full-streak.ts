/**
 * Streaks longer than the look-back. Progress and leaderboards read STREAK_WINDOW_DAYS of
 * rollups; a member whose run is unbroken over all of them (rare: months without a miss) gets one
 * more read over LONG_STREAK_DAYS, so their streak is counted in full instead of stopping at the
 * window. The cost falls only on those members, and only when their figures are recomputed.
 */
import type { OrgSettings, StreakStatus } from '../../shared/api/index.ts';
import { addDays } from '../../shared/domain/dates.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { dailyPoints, type MemberFigures, streakOver } from './member-figures.ts';
import { memberRollups } from './rollups.ts';

/** About two years: a longer unbroken run is counted as this long. */
export const LONG_STREAK_DAYS = 730;

/** `figures` with the streak walked over the long look-back when the short one cut it off. */
export async function withLongStreak(
  db: Db,
  settings: OrgSettings,
  member: MemberRow,
  today: string,
  figures: MemberFigures,
): Promise<MemberFigures> {
  if (!figures.streakReachesStart) return figures;
  const from = addDays(today, -LONG_STREAK_DAYS);
  const rows = await memberRollups(db, member.id, from, today);
  const streak: StreakStatus = streakOver(
    dailyPoints(rows, settings),
    settings,
    member,
    from,
    today,
  ).streak;
  return {
    ...figures,
    streak,
    lookBack: { ...figures.lookBack, streak },
    streakReachesStart: false,
  };
}
