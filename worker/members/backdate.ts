/**
 * A backdated join: a manager states since when a member has been on their team (bringing an
 * existing team into Pacer). It moves the start of the member's only stretch, so it may change
 * team target shares of past days: refused into a closed period that has team targets of the
 * member's teams, unless a manager has reopened it (worker/targets/locks.ts).
 */

import { addDays } from '../../shared/domain/dates.ts';
import { ancestorIds } from '../../shared/domain/teams.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { ApiError, conflict } from '../http/errors.ts';
import { isLocked, loadOpenReopenings, orgToday, periodClosed } from '../targets/locks.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import type { TeamRow } from '../teams/queries.ts';
import { backdateFirstStretch, stretchesOf } from './history.ts';

/** The statement backdating the member's join (checked; add it to the write's batch). */
export async function backdatedJoin(
  db: Db,
  caller: Caller,
  member: MemberRow,
  teams: TeamRow[],
  joinedOn: string,
  today: string,
) {
  if (joinedOn > today) {
    throw new ApiError(400, 'validation_failed', 'joinedOn cannot be in the future', [
      { path: 'joinedOn', code: 'custom', message: 'joinedOn cannot be in the future' },
    ]);
  }
  const stretches = await stretchesOf(db, member.id);
  const [only] = stretches;
  if (!only || stretches.length !== 1) {
    throw conflict(
      'this member has moved or left before: their history can no longer be backdated',
    );
  }
  const lo = joinedOn < only.from ? joinedOn : only.from;
  const hi = addDays(joinedOn < only.from ? only.from : joinedOn, -1);
  if (lo <= hi) {
    const chain = ancestorIds(teams, member.teamId);
    const [rows, reopenings] = await Promise.all([
      loadTargetsOverlapping(db, caller.org.id, lo, hi),
      loadOpenReopenings(db, caller.org.id),
    ]);
    const now = orgToday(caller.settings, new Date());
    for (const t of rows) {
      if (t.scope !== 'team' || !chain.has(t.subjectId)) continue;
      const period = { start: t.periodStart, end: t.periodEnd };
      if (isLocked(period, t.subjectId, teams, reopenings, now)) throw periodClosed(period);
    }
  }
  // Wrapped: a drizzle statement is a thenable, and awaiting it would run it outside the batch.
  return { statement: backdateFirstStretch(db, only.id, joinedOn) };
}
