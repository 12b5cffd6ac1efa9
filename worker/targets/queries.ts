/**
 * Targets as stored, and which of them apply to a member. A team target is allocated level by
 * level (shared/domain/allocation.ts): to its sub-teams, or day by day over the reps of its
 * subtree on each day (shared/domain/membership.ts). A member's own targets come first, then
 * their shares of team targets, nearest team first, so they win among equally specific ones.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import {
  type Allocation,
  PacingCurve,
  StoredTeamSplit,
  TargetBreakdown,
  type TargetView,
} from '../../shared/api/index.ts';
import { type ResolvedTeamTarget, resolveTeamTargets } from '../../shared/domain/allocation.ts';
import { rescaleBreakdown } from '../../shared/domain/breakdown.ts';
import type { WorkCalendar } from '../../shared/domain/calendar.ts';
import {
  type DailySplit,
  type MembershipPeriod,
  repsOnTeams,
  splitDaily,
} from '../../shared/domain/membership.ts';
import type { ApplicableTarget } from '../../shared/domain/targets.ts';
import { spreadTarget } from '../../shared/domain/targets.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { targets } from '../db/schema.ts';
import type { TeamRow } from '../teams/queries.ts';

export type TargetRow = typeof targets.$inferSelect;

/** One target of the org, by id (undefined when it is not the org's). */
export function loadTargetInOrg(db: Db, orgId: string, id: string): Promise<TargetRow | undefined> {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.id, id), eq(targets.orgId, orgId)))
    .get();
}

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
    breakdown: breakdownOf(t),
  };
}

/** A stored target's breakdown by customer segment, or null. */
export function breakdownOf(t: Pick<TargetRow, 'breakdown'>): TargetBreakdown | null {
  return t.breakdown === null ? null : TargetBreakdown.parse(JSON.parse(t.breakdown));
}

/** `breakdown`'s proportions for a target of `value` (parts adding up to it exactly), as stored. */
export function rescaledBreakdown(value: number, breakdown: string | null): string | null {
  if (breakdown === null) return null;
  return JSON.stringify(rescaleBreakdown(value, TargetBreakdown.parse(JSON.parse(breakdown))));
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

/** What splitting team targets over members needs, loaded once per request. */
export type SplitContext = {
  teams: TeamRow[];
  membership: MembershipPeriod[];
  cal: WorkCalendar;
};

const curveOf = (t: TargetRow) =>
  t.curve === null ? null : PacingCurve.parse(JSON.parse(t.curve));
const splitOf = (t: TargetRow) =>
  t.split === null ? null : StoredTeamSplit.parse(JSON.parse(t.split));

// Per request (keyed by the loaded rows and membership, which live as long as it): a board
// splits the same team targets for every member on it.
const resolvedCache = new WeakMap<TargetRow[], Map<string, Map<string, ResolvedTeamTarget>>>();
const splitCache = new WeakMap<MembershipPeriod[], Map<string, DailySplit>>();

/** Every team's target for the group of `t` (same metric and period), own or handed down. */
export function resolvedGroup(
  rows: TargetRow[],
  teams: TeamRow[],
  t: Pick<TargetRow, 'metric' | 'periodKind' | 'periodStart'>,
): Map<string, ResolvedTeamTarget> {
  const key = `${t.metric}|${t.periodKind}|${t.periodStart}`;
  let byGroup = resolvedCache.get(rows);
  if (!byGroup) {
    byGroup = new Map();
    resolvedCache.set(rows, byGroup);
  }
  let resolved = byGroup.get(key);
  if (!resolved) {
    const own = rows
      .filter(
        (r) =>
          r.scope === 'team' &&
          r.metric === t.metric &&
          r.periodKind === t.periodKind &&
          r.periodStart === t.periodStart,
      )
      .map((r) => ({ teamId: r.subjectId, value: r.value, split: splitOf(r) }));
    resolved = resolveTeamTargets(teams, own);
    byGroup.set(key, resolved);
  }
  return resolved;
}

/** A team's target for a period split day by day over the reps of its subtree on each day. */
export function repSplit(
  ctx: SplitContext,
  target: ResolvedTeamTarget,
  period: { kind: TargetRow['periodKind']; start: string },
  curve: TargetRow['curve'] = null,
): DailySplit {
  const split = target.split ?? { mode: 'equal' as const };
  const key = `${target.teamId}|${period.kind}|${period.start}|${target.value}|${JSON.stringify(split)}|${curve}`;
  let cache = splitCache.get(ctx.membership);
  if (!cache) {
    cache = new Map();
    splitCache.set(ctx.membership, cache);
  }
  let result = cache.get(key);
  if (!result) {
    const daily = spreadTarget(
      {
        period,
        value: target.value,
        curve: curve === null ? null : PacingCurve.parse(JSON.parse(curve)),
      },
      ctx.cal,
    );
    const present = repsOnTeams(ctx.membership, subtreeIds(ctx.teams, target.teamId));
    result = splitDaily(daily, present, split);
    cache.set(key, result);
  }
  return result;
}

/**
 * A stored team target as allocated: over the reps of each day of its period, or (allocating to
 * sub-teams) nothing to reps, with the sub-teams' targets as what it hands on.
 */
export function allocationOf(t: TargetRow, ctx: SplitContext, rows: TargetRow[]): Allocation {
  const known = ctx.teams.some((x) => x.id === t.subjectId);
  const resolved = known ? resolvedGroup(rows, ctx.teams, t).get(t.subjectId) : undefined;
  if (!resolved) return { shares: [], allocated: 0, unallocated: t.value };
  if (resolved.over === 'teams') {
    const group = resolvedGroup(rows, ctx.teams, t);
    const allocated = ctx.teams
      .filter((x) => x.parentId === t.subjectId)
      .reduce((sum, x) => sum + (group.get(x.id)?.value ?? 0), 0);
    return { shares: [], allocated, unallocated: t.value - allocated };
  }
  const period = { kind: t.periodKind, start: t.periodStart };
  return repSplit(ctx, resolved, period, t.curve).allocation;
}

/**
 * The breakdown a team's share of a target group follows: its own target's, or (a share handed
 * down) that of the nearest team above with a target of its own in the group.
 */
function ownBreakdown(
  rows: TargetRow[],
  teams: TeamRow[],
  teamId: string,
  group: Pick<TargetRow, 'metric' | 'periodKind' | 'periodStart'>,
): TargetBreakdown | null {
  const seen = new Set<string>();
  let at: string | null = teamId;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const here: string = at;
    const own = rows.find(
      (r) =>
        r.scope === 'team' &&
        r.subjectId === here &&
        r.metric === group.metric &&
        r.periodKind === group.periodKind &&
        r.periodStart === group.periodStart,
    );
    if (own) return breakdownOf(own);
    at = teams.find((x) => x.id === here)?.parentId ?? null;
  }
  return null;
}

/**
 * Every explicit target that applies to `member` for `metric`: their own, then their day-by-day
 * share of each team target that reaches them (the nearest level allocating to reps, own or
 * handed down), deeper teams first. Pure: give it the loaded rows.
 */
export function applicableTargets(
  member: MemberRow,
  metric: string,
  rows: TargetRow[],
  ctx: SplitContext,
): ApplicableTarget[] {
  const out: ApplicableTarget[] = [];
  for (const t of rows) {
    if (t.metric === metric && t.scope === 'member' && t.subjectId === member.id) {
      out.push({
        period: { kind: t.periodKind, start: t.periodStart },
        value: t.value,
        curve: curveOf(t),
        source: 'member',
        breakdown: breakdownOf(t),
      });
    }
  }
  const depth = new Map(ctx.teams.map((t) => [t.id, t.depth]));
  const shares: (ApplicableTarget & { depth: number })[] = [];
  const groups = new Map<string, TargetRow>();
  for (const t of rows) {
    if (t.metric === metric && t.scope === 'team')
      groups.set(`${t.periodKind}|${t.periodStart}`, t);
  }
  for (const t of groups.values()) {
    const period = { kind: t.periodKind, start: t.periodStart };
    for (const resolved of resolvedGroup(rows, ctx.teams, t).values()) {
      if (resolved.over !== 'reps') continue;
      const ownRow =
        resolved.source === 'own'
          ? rows.find(
              (r) =>
                r.scope === 'team' &&
                r.subjectId === resolved.teamId &&
                r.metric === metric &&
                r.periodKind === t.periodKind &&
                r.periodStart === t.periodStart,
            )
          : undefined;
      const days = repSplit(ctx, resolved, period, ownRow?.curve ?? null).byMember.get(member.id);
      if (!days) continue;
      let value = 0;
      for (const v of days.values()) value += v;
      shares.push({
        period,
        value,
        curve: ownRow ? curveOf(ownRow) : null,
        source: 'team',
        days,
        breakdown: ownBreakdown(rows, ctx.teams, resolved.teamId, t),
        depth: depth.get(resolved.teamId) ?? 0,
      });
    }
  }
  shares.sort((a, b) => b.depth - a.depth);
  for (const { depth: _depth, ...share } of shares) out.push(share);
  return out;
}
