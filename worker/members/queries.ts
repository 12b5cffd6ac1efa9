/** Member reads and the rule "managers act on their subtree, reps on themselves". */
import { and, eq } from 'drizzle-orm';
import type { MemberView } from '../../shared/api/index.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema.ts';
import { managedTeamIds, type TeamRow } from '../teams/queries.ts';

/** Active members of an org. Cost: one read per member of the org. */
export function loadActiveMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.active, true)))
    .all();
}

/** Every member of an org, active or removed. Cost: one read per member of the org. */
export function loadMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db.select().from(members).where(eq(members.orgId, orgId)).all();
}

/** Removed members of an org (a manager may restore them). Cost: one read per member of the org. */
export function loadRemovedMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.active, false)))
    .all();
}

/** One member of the org (undefined for other orgs' ids). Cost: one primary-key read. */
export function findMember(
  db: Db,
  orgId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  return db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.orgId, orgId)))
    .get();
}

/** Whether the caller may see or act on `member`: themselves, or a manager of their team. */
export function canActOn(caller: Caller, member: MemberRow, all: TeamRow[]): boolean {
  return member.id === caller.member.id || managedTeamIds(caller, all).has(member.teamId);
}

export const memberView = (
  m: Pick<MemberRow, 'id' | 'name' | 'email' | 'role' | 'teamId' | 'timezone' | 'active'>,
): MemberView => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  teamId: m.teamId,
  timezone: m.timezone,
  active: m.active,
});
