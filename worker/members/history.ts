/**
 * Membership history as stored (`member_periods`): every join, move, role change, removal and
 * restore opens or closes a stretch on the member's local day, so team target shares of past days
 * never move (shared/domain/membership.ts splits them over the members of each day).
 */
import { and, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { localDateOf } from '../../shared/domain/dates.ts';
import type { MembershipPeriod } from '../../shared/domain/membership.ts';
import { ancestorIds, subtreeIds, type TeamNode } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { memberPeriods, members } from '../db/schema.ts';
import { newId } from '../sessions/crypto.ts';

type StretchRow = Pick<
  typeof memberPeriods.$inferSelect,
  'memberId' | 'teamId' | 'role' | 'from' | 'until'
>;
/** The columns a period needs: boards read hundreds of stretches, so no more than these. */
const periodColumns = {
  memberId: memberPeriods.memberId,
  teamId: memberPeriods.teamId,
  role: memberPeriods.role,
  from: memberPeriods.from,
  until: memberPeriods.until,
};
const asPeriod = (r: StretchRow): MembershipPeriod => ({
  memberId: r.memberId,
  teamId: r.teamId,
  role: r.role,
  from: r.from,
  until: r.until,
});

/** Every stretch of every member of the org. Cost: one read per stretch (a few per member). */
export async function loadMembership(db: Db, orgId: string): Promise<MembershipPeriod[]> {
  const rows = await db
    .select(periodColumns)
    .from(memberPeriods)
    .where(eq(memberPeriods.orgId, orgId))
    .all();
  return rows.map(asPeriod);
}

const TEAMS_PER_STATEMENT = 90;

/**
 * The stretches on some teams (a board's subtree, the teams a target is split over).
 * Cost: one indexed read per stretch on those teams.
 */
export async function loadMembershipOn(
  db: Db,
  orgId: string,
  teamIds: Iterable<string>,
): Promise<MembershipPeriod[]> {
  const ids = [...new Set(teamIds)];
  const out: MembershipPeriod[] = [];
  for (let i = 0; i < ids.length; i += TEAMS_PER_STATEMENT) {
    const rows = await db
      .select(periodColumns)
      .from(memberPeriods)
      .where(
        and(
          eq(memberPeriods.orgId, orgId),
          inArray(memberPeriods.teamId, ids.slice(i, i + TEAMS_PER_STATEMENT)),
        ),
      )
      .all();
    out.push(...rows.map(asPeriod));
  }
  return out;
}

/**
 * What one member's targets need of the org's history: the stretches on every team a team
 * target reaching them is split over — the subtree of each team with a target among `targets`
 * that is a team they were on, or above one. Cost: their own stretches, then one indexed read per
 * stretch on those teams (a team's worth when only their team has a target).
 */
export async function loadMembershipFor(
  db: Db,
  orgId: string,
  memberId: string,
  teams: readonly TeamNode[],
  targets: readonly { scope: string; subjectId: string }[],
): Promise<MembershipPeriod[]> {
  const own = (await stretchesOf(db, memberId)).map(asPeriod);
  const withTargets = new Set(targets.filter((t) => t.scope === 'team').map((t) => t.subjectId));
  const splitOver = new Set<string>();
  for (const p of own) {
    for (const teamId of ancestorIds(teams, p.teamId)) {
      if (withTargets.has(teamId)) for (const id of subtreeIds(teams, teamId)) splitOver.add(id);
    }
  }
  return splitOver.size === 0 ? own : loadMembershipOn(db, orgId, splitOver);
}

/** The member's local day at `now`: when a change made now takes effect. */
export const effectiveDay = (member: Pick<MemberRow, 'timezone'>, now: Date) =>
  localDateOf(now, member.timezone);

/** The statement opening a stretch for `member` on their team and role from `from`. */
export function openStretch(
  db: Db,
  member: Pick<MemberRow, 'id' | 'orgId' | 'teamId' | 'role'>,
  from: string,
) {
  return db.insert(memberPeriods).values({
    id: newId(),
    orgId: member.orgId,
    memberId: member.id,
    teamId: member.teamId,
    role: member.role,
    from,
    until: null,
  });
}

/**
 * The statement opening a restored member's stretch from `from`, on their team and role as
 * stored, only while they are active and have no open stretch (so of two racing restores only
 * one opens it).
 */
export function reopenStretch(db: Db, member: Pick<MemberRow, 'id'>, from: string) {
  const openOne = db
    .select({ one: sql`1` })
    .from(memberPeriods)
    .where(and(eq(memberPeriods.memberId, member.id), isNull(memberPeriods.until)));
  return db.insert(memberPeriods).select(
    db
      .select({
        id: sql<string>`${newId()}`.as('id'),
        orgId: members.orgId,
        memberId: sql<string>`${members.id}`.as('member_id'),
        teamId: members.teamId,
        role: members.role,
        from: sql<string>`${from}`.as('from_date'),
        until: sql<string | null>`NULL`.as('until_date'),
      })
      .from(members)
      .where(and(eq(members.id, member.id), eq(members.active, true), notExists(openOne))),
  );
}

/** The statement closing the member's open stretch: they are no longer on it from `until`. */
export function closeStretch(db: Db, memberId: string, until: string) {
  return db
    .update(memberPeriods)
    .set({ until })
    .where(and(eq(memberPeriods.memberId, memberId), isNull(memberPeriods.until)));
}

/** One member's stretches, oldest first. Cost: one indexed read per stretch. */
export async function stretchesOf(db: Db, memberId: string) {
  const rows = await db
    .select()
    .from(memberPeriods)
    .where(eq(memberPeriods.memberId, memberId))
    .all();
  return rows.sort((a, b) => a.from.localeCompare(b.from));
}

/** The statement moving a member's first stretch to begin on `from` (a backdated join). */
export function backdateFirstStretch(db: Db, stretchId: string, from: string) {
  return db.update(memberPeriods).set({ from }).where(eq(memberPeriods.id, stretchId));
}
