/**
 * Closed periods are locked: a target whose period ended before the org's today (in the team
 * calendar's time zone) cannot be set, changed or deleted, nor a join backdated into it, unless a
 * manager of the target's team (or a team above it) has reopened a span covering the whole
 * period. Reopening and closing again are both kept, with who, when and why.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { OrgSettings, ReopeningView } from '../../shared/api/index.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { ancestorIds, type TeamNode } from '../../shared/domain/teams.ts';
import type { Db } from '../db/client.ts';
import { targetReopenings } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export type ReopeningRow = typeof targetReopenings.$inferSelect;

/** The org's today: periods that ended before it are closed. */
export const orgToday = (settings: OrgSettings, now: Date) =>
  localDateOf(now, settings.calendar.timezone);

/** Reopenings not closed again. Cost: one read per reopening of the org. */
export function loadOpenReopenings(db: Db, orgId: string): Promise<ReopeningRow[]> {
  return db
    .select()
    .from(targetReopenings)
    .where(and(eq(targetReopenings.orgId, orgId), isNull(targetReopenings.closedAt)))
    .all();
}

export const reopeningView = (r: ReopeningRow): ReopeningView => ({
  id: r.id,
  teamId: r.teamId,
  start: r.start,
  end: r.end,
  reason: r.reason,
  openedBy: r.openedBy,
  openedAt: r.openedAt,
  closedBy: r.closedBy,
  closedAt: r.closedAt,
});

/** Whether a period of a target on `teamId` (or a member of it) is closed for edits today. */
export function isLocked(
  period: { start: string; end: string },
  teamId: string,
  teams: readonly TeamNode[],
  reopenings: readonly ReopeningRow[],
  today: string,
): boolean {
  if (period.end >= today) return false;
  const chain = ancestorIds(teams, teamId);
  return !reopenings.some(
    (r) => chain.has(r.teamId) && r.start <= period.start && r.end >= period.end,
  );
}

/** The refusal for an edit that would change a closed period. */
export function periodClosed(period: { start: string; end: string }): ApiError {
  return new ApiError(
    409,
    'period_closed',
    `the period ${period.start} – ${period.end} is closed: a manager must reopen it first (POST /targets/reopenings)`,
    { start: period.start, end: period.end },
  );
}
