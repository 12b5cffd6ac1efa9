/**
 * Progress per segment (customer segment or product category) of revenue and deal targets
 * (shared/domain/breakdown.ts): a member's, within their progress, and a stored target's, for
 * the board. Reads the customer rollups (queries.ts) and the metric rollups, never events.
 */
import type {
  LocalDate,
  MetricProgress,
  OrgSettings,
  SegmentProgress,
  TargetBreakdown,
} from '../../shared/api/index.ts';
import {
  canBreakDown,
  categoryKey,
  segmentProgress,
  segmentTargets,
  splitByBreakdown,
} from '../../shared/domain/breakdown.ts';
import { repsOnTeams } from '../../shared/domain/membership.ts';
import { targetsByWinner } from '../../shared/domain/targets.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { OrgContext } from '../figures/member-figures.ts';
import { membersRollups } from '../figures/rollups.ts';
import { applicableTargets, type TargetRow } from '../targets/queries.ts';
import type { TeamRow } from '../teams/queries.ts';
import { achievedByKey, categoryDaysOf, segmentDays } from './queries.ts';

type Span = { start: LocalDate; end: LocalDate };

/** Names each category's row as the org calls it (a category since removed keeps its id). */
function labelled(rows: SegmentProgress[], settings: OrgSettings): SegmentProgress[] {
  const names = new Map((settings.productCategories ?? []).map((c) => [categoryKey(c.id), c.name]));
  return rows.map((r) => {
    const name =
      names.get(r.segment) ?? (r.segment.startsWith('category:') ? r.segment.slice(9) : undefined);
    return name === undefined ? r : { ...r, label: name };
  });
}

/** The rollup rows the segment `keys` need: customer segments', categories', or both. */
async function wonIn(db: Db, memberIds: string[], span: Span, keys: readonly string[]) {
  const byCustomer = keys.some((k) => k === 'new' || k === 'existing');
  const byCategory = keys.some((k) => k.startsWith('category:'));
  const [segments, categories] = await Promise.all([
    byCustomer ? segmentDays(db, memberIds, span) : [],
    byCategory ? categoryDaysOf(db, memberIds, span) : [],
  ]);
  return { segments, categories };
}

/**
 * `metrics` (a member's progress in `period`) with `breakdown` on each revenue or deal metric
 * whose target in the period is broken down by segment. Cost: nothing more without such a
 * target; with one, {@link segmentDays} for the member over the period.
 */
export async function withSegmentProgress(
  db: Db,
  org: OrgContext,
  member: MemberRow,
  metrics: MetricProgress[],
  period: Span,
): Promise<MetricProgress[]> {
  const cal = org.settings.calendar;
  const targetsOf = new Map<string, ReturnType<typeof segmentTargets>>();
  for (const m of metrics) {
    if (!canBreakDown(m.metric)) continue;
    const applicable = applicableTargets(member, m.metric, org.targets, {
      teams: org.teams,
      membership: org.membership,
      cal,
    });
    if (!applicable.some((t) => t.breakdown)) continue;
    const byWinner = targetsByWinner({ targets: applicable, ...period, cal });
    const parts = segmentTargets(
      m.target,
      [...byWinner].map(([t, value]) => ({ value, breakdown: t.breakdown ?? null })),
    );
    if (parts) targetsOf.set(m.metric, parts);
  }
  if (targetsOf.size === 0) return metrics;
  const keys = [...targetsOf.values()].flatMap((t) => (t ? [...t.parts.keys()] : []));
  const { segments, categories } = await wonIn(db, [member.id], period, keys);
  return metrics.map((m) => {
    const parts = targetsOf.get(m.metric);
    if (!parts) return m;
    const achieved = achievedByKey(m.metric, segments, categories);
    const rows = segmentProgress(parts.parts, achieved, m.achieved);
    return { ...m, breakdown: labelled(rows, org.settings) };
  });
}

/**
 * A stored target's progress per segment over its whole period: a member's own, or a team's
 * summed over the reps of its subtree on each day (as its allocation splits it). Cost:
 * {@link segmentDays} and the metric rollups of those reps over the period.
 */
export async function targetSegmentProgress(
  db: Db,
  row: TargetRow,
  breakdown: TargetBreakdown,
  context: { teams: TeamRow[]; membership: OrgContext['membership']; settings: OrgSettings },
): Promise<SegmentProgress[]> {
  const span = { start: row.periodStart, end: row.periodEnd };
  let memberIds: string[];
  let keep: (r: { memberId: string; localDate: LocalDate }) => boolean = () => true;
  if (row.scope === 'member') memberIds = [row.subjectId];
  else {
    const teamIds = subtreeIds(context.teams, row.subjectId);
    const present = repsOnTeams(context.membership, teamIds);
    const stretches = context.membership.filter(
      (p) =>
        p.role === 'rep' &&
        teamIds.has(p.teamId) &&
        p.from <= span.end &&
        (p.until === null || p.until >= span.start),
    );
    memberIds = [...new Set(stretches.map((p) => p.memberId))];
    keep = (r) => present(r.localDate).includes(r.memberId);
  }
  const parts = splitByBreakdown(row.value, breakdown);
  const [won, rollups] = await Promise.all([
    wonIn(db, memberIds, span, [...parts.keys()]),
    membersRollups(db, memberIds, span.start, span.end),
  ]);
  let total = 0;
  for (const r of rollups) if (r.metric === row.metric && keep(r)) total += r.total;
  return labelled(
    segmentProgress(parts, achievedByKey(row.metric, won.segments, won.categories, keep), total),
    context.settings,
  );
}

/**
 * Each of `members`' progress per segment of their `metric` target over `span` (the board's
 * period), as their own progress shows it ({@link withSegmentProgress}): their target there split
 * by the breakdowns of the explicit targets that give it, against what they won per segment.
 * Members whose target has no breakdown are left out. Cost: the metric rollups of the members
 * over the span, and {@link segmentDays} / the category rows of those with a breakdown.
 */
export async function repsSegmentProgress(
  db: Db,
  org: Pick<OrgContext, 'settings' | 'teams' | 'membership' | 'targets'>,
  members: readonly MemberRow[],
  metric: string,
  span: Span,
): Promise<{ member: MemberRow; segments: SegmentProgress[] }[]> {
  if (!canBreakDown(metric)) return [];
  const cal = org.settings.calendar;
  const split = new Map<string, { member: MemberRow; parts: Map<string, number> }>();
  for (const member of members) {
    const applicable = applicableTargets(member, metric, org.targets, {
      teams: org.teams,
      membership: org.membership,
      cal,
    });
    if (!applicable.some((t) => t.breakdown)) continue;
    const byWinner = [...targetsByWinner({ targets: applicable, ...span, cal })];
    const total = byWinner.reduce((sum, [, value]) => sum + value, 0);
    const parts = segmentTargets(
      total,
      byWinner.map(([t, value]) => ({ value, breakdown: t.breakdown ?? null })),
    );
    if (parts) split.set(member.id, { member, parts: parts.parts });
  }
  if (split.size === 0) return [];
  const ids = [...split.keys()];
  const keys = [...split.values()].flatMap((s) => [...s.parts.keys()]);
  const [won, rollups] = await Promise.all([
    wonIn(db, ids, span, keys),
    membersRollups(db, ids, span.start, span.end),
  ]);
  const totals = new Map<string, number>();
  for (const r of rollups)
    if (r.metric === metric) totals.set(r.memberId, (totals.get(r.memberId) ?? 0) + r.total);
  return [...split.values()].map(({ member, parts }) => {
    const mine = (r: { memberId: string }) => r.memberId === member.id;
    const achieved = achievedByKey(metric, won.segments, won.categories, mine);
    return {
      member,
      segments: labelled(
        segmentProgress(parts, achieved, totals.get(member.id) ?? 0),
        org.settings,
      ),
    };
  });
}
