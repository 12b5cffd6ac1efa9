/**
 * The start of a period, told kindly: when most of the team still stands at zero, a shared rank
 * ("#7" for fifteen people at 0 %) says nothing, so those rows show "not started yet" and the
 * board points at today's movers instead.
 */
import type { LeaderboardEntry } from '../../../../shared/api/index.ts';
import { daysBetween } from '../../../../shared/domain/dates.ts';

/** Whether a row is one of several tied at nothing (no rank worth showing). */
export function tiedAtZero(entry: LeaderboardEntry, entries: readonly LeaderboardEntry[]): boolean {
  if ((entry.value ?? 0) !== 0) return false;
  return entries.filter((e) => e.rank === entry.rank).length > 1;
}

/**
 * The period has just begun: its first days (at most a third of it) and over half of the
 * team tied at zero. A day-long period never "just begins" (today's board is the movers).
 */
export function periodJustBegun(
  period: { kind: string; start: string; end: string },
  today: string,
  entries: readonly LeaderboardEntry[],
): boolean {
  if (period.kind === 'day' || entries.length < 2) return false;
  const length = daysBetween(period.start, period.end) + 1;
  const elapsed = daysBetween(period.start, today) + 1;
  if (elapsed < 1 || elapsed > Math.max(1, Math.min(3, Math.floor(length / 3)))) return false;
  const zero = entries.filter((e) => tiedAtZero(e, entries)).length;
  return zero * 2 > entries.length;
}
