/**
 * Remembers a member's longest streak. Streaks are computed over a 120-day look-back, so without
 * this a long run would be forgotten once it left the window.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema.ts';

/**
 * Raises `members.longest_streak` to `longest` if that is longer. Conditional, so concurrent
 * reads can only raise it (never lower it); a no-op when nothing is new.
 */
export async function rememberLongestStreak(
  db: Db,
  member: MemberRow,
  longest: number,
): Promise<void> {
  if (longest <= member.longestStreak) return;
  await db
    .update(members)
    .set({ longestStreak: longest })
    .where(and(eq(members.id, member.id), lt(members.longestStreak, longest)));
}
