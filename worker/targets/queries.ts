/**
 * Targets as stored, and which of them apply to a member. A team target applies to every active
 * rep in the team's subtree, as their share (`splitTeamTarget`, shared/domain/targets.ts); the member's
 * own targets and shares of nearer teams are listed first so they win among equally specific ones.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import {
  type Allocation,
  PacingCurve,
  StoredTeamSplit,
  type TargetView,
} from '../../shared/api/index.ts';
import type { ApplicableTarget } from '../../shared/domain/targets.ts';
import { splitTeamTarget } from '../../shared/domain/targets.ts';
import { ancestry, repsUnder } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { targets } from '../db/schema.ts';
import type { TeamRow } from '../teams/queries.ts';

export type TargetRow = typeof targets.$inferSelect;

/**
 * Targets of an org whose period overlaps [start, end].
 * Cost: reads the org's targets that start on or before `end` (index targets_range).
 */
export function loadTargetsOverlapping(
  db: Db,
  orgId: string,
  start: string,
  end: string,
): Promise<TargetRow[]> {
  return db
    .select()
    .from(targets)
    .where(
      and(eq(targets.orgId, orgId), lte(targets.periodStart, end), gte(targets.periodEnd, start)),
    )
    .all();
}

export function targetView(t: TargetRow): TargetView {
  return {
    id: t.id,
    scope: t.scope,
    memberId: t.scope === 'member' ? t.subjectId : null,
    teamId: t.scope === 'team' ? t.subjectId : null,
    metric: t.metric,
    period: { kind: t.periodKind, start: t.periodStart, end: t.periodEnd },
    value: t.value,
    curve: t.curve === null ? null : PacingCurve.parse(JSON.parse(t.curve)),
    split: t.split === null ? null : StoredTeamSplit.parse(JSON.parse(t.split)),
  };
}

/**
 * A team target as one member may see it on a team that hides colleagues' figures: their own
 * share and weight only (totals stay; other members' ids and shares are left out).
 */
export function onlyShareOf(
  view: TargetView & { allocation: Allocation },
  memberId: string,
): TargetView & { allocation: Allocation } {
  const own = <V>(record: Record<string, V>): Record<string, V> =>
    Object.hasOwn(record, memberId) ? { [memberId]: record[memberId] as V } : {};
  let split = view.split;
  if (split?.mode === 'weights') split = { mode: 'weights', weights: own(split.weights) };
  if (split?.mode === 'explicit') split = { mode: 'explicit', shares: own(split.shares) };
  return {
    ...view,
    split,
    allocation: {
      ...view.allocation,
      shares: view.allocation.shares.filter((s) => s.memberId === memberId),
    },
  };
}

export function allocationOf(t: TargetRow, allTeams: TeamRow[], members: MemberRow[]): Allocation {
  const known = allTeams.some((x) => x.id === t.subjectId);
  const reps = known ? repsUnder(allTeams, t.subjectId, members) : [];
  const split = t.split === null ? undefined : StoredTeamSplit.parse(JSON.parse(t.split));
  return splitTeamTarget(t.value, reps, split);
}

/**
 * Every explicit target that applies to `member` for `metric`: their own, then their share of
 * each ancestor team's target (nearest team first). Pure: give it the loaded rows.
 */
export function applicableTargets(
  member: MemberRow,
  metric: string,
  rows: TargetRow[],
  allTeams: TeamRow[],
  members: MemberRow[],
): ApplicableTarget[] {
  const out: ApplicableTarget[] = [];
  const asSpread = (t: TargetRow, value: number, source: 'member' | 'team'): ApplicableTarget => ({
    period: { kind: t.periodKind, start: t.periodStart },
    value,
    curve: t.curve === null ? null : PacingCurve.parse(JSON.parse(t.curve)),
    source,
  });
  for (const t of rows) {
    if (t.metric === metric && t.scope === 'member' && t.subjectId === member.id) {
      out.push(asSpread(t, t.value, 'member'));
    }
  }
  if (member.role !== 'rep') return out;
  for (const team of ancestry(allTeams, member.teamId)) {
    for (const t of rows) {
      if (t.metric !== metric || t.scope !== 'team' || t.subjectId !== team.id) continue;
      const share = allocationOf(t, allTeams, members).shares.find((s) => s.memberId === member.id);
      if (share) out.push(asSpread(t, share.value, 'team'));
    }
  }
  return out;
}
