/**
 * The access rules' answers as HTTP errors, for route modules: ids of another organisation answer
 * 404 (they do not exist here), ids in the organisation outside the caller's part answer 403.
 * The rules themselves are plain functions in `teams/queries.ts` and `members/queries.ts`.
 */
import { BOARD_REFUSED, subtreeIds } from '../../shared/domain/teams.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { canActOn, findMember } from '../members/queries.ts';
import {
  canReadBoard,
  findTeam,
  loadTeams,
  managedTeamIds,
  type TeamRow,
} from '../teams/queries.ts';
import { forbidden, notFound } from './errors.ts';

/** The team of the caller's org, or 404. */
export function teamOr404(all: TeamRow[], teamId: string): TeamRow {
  const team = findTeam(all, teamId);
  if (!team) throw notFound('team');
  return team;
}

/** The team, if the caller manages it (404 / 403 otherwise). */
export function managedTeamOr403(caller: Caller, all: TeamRow[], teamId: string): TeamRow {
  const team = teamOr404(all, teamId);
  if (!managedTeamIds(caller, all).has(team.id)) {
    throw forbidden('this team is outside your part of the organisation');
  }
  return team;
}

/** 403 unless the caller may read `team`'s board (`canReadBoard`). */
export function assertBoardReadable(caller: Caller, all: TeamRow[], team: TeamRow): void {
  if (!canReadBoard(caller, all, team.id)) throw forbidden(BOARD_REFUSED);
}

/** A team whose board the caller may read, with its subtree. Cost: the org's teams. */
export async function boardTeamOr403(db: Db, caller: Caller, teamId: string) {
  const all = await loadTeams(db, caller.org.id);
  const team = teamOr404(all, teamId);
  assertBoardReadable(caller, all, team);
  return { team, all, below: subtreeIds(all, team.id) };
}

/** A member of the caller's org, or 404. Cost: one primary-key read. */
export async function memberOr404(db: Db, orgId: string, memberId: string): Promise<MemberRow> {
  const member = await findMember(db, orgId, memberId);
  if (!member) throw notFound('member');
  return member;
}

/** 403 unless the caller may see or act on `member` (themselves, or a manager of their team). */
export function assertCanActOn(caller: Caller, member: MemberRow, all: TeamRow[]): void {
  if (!canActOn(caller, member, all)) throw forbidden('this member is outside your team');
}
