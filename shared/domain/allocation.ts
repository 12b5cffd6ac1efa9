import type { AllocationStatus, LocalDate, Period, SplitOver, TeamSplit } from '../api/index.ts';
import { periodFromStart, type WorkCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import { ownValue } from './own.ts';
import { largestRemainder } from './rounding.ts';
import { spreadTarget } from './targets.ts';
import type { TeamNode } from './teams.ts';

// Level-by-level allocation (逐级分解, worked example in docs/architecture.md, "Allocation level
// by level"): a team target goes to the team's sub-teams (`over: 'teams'`) or to the reps of its
// subtree (default). A sub-team without a target of its own for the same metric and period takes
// its share of the nearest level above that allocates to sub-teams; one with its own target keeps
// it, and the level above shows the difference. Every level reports allocated vs target.

/** A team target as set, for one metric and one period. */
export type OwnTeamTarget = { teamId: string; value: number; split: TeamSplit | null };

/** A team's target for the period, own or handed down. */
export type ResolvedTeamTarget = {
  teamId: string;
  value: number;
  source: 'own' | 'allocated';
  /** Its own split (own targets), or null: then equally over its reps. */
  split: TeamSplit | null;
  over: SplitOver;
};

/** Shares of `value` over `ids` by `split` (weights or shares keyed by id); explicit as given. */
export function shareOut(value: number, ids: readonly string[], split: TeamSplit | null): number[] {
  if (ids.length === 0) return [];
  if (split?.mode === 'explicit') return ids.map((id) => ownValue(split.shares, id) ?? 0);
  if (split?.mode === 'weights') {
    return largestRemainder(
      value,
      ids.map((id) => ownValue(split.weights, id) ?? 0),
    );
  }
  return largestRemainder(
    value,
    ids.map(() => 1),
  );
}

/**
 * Every team's target for one metric and one period: its own if set, else its share of its
 * parent's when the parent allocates to sub-teams (parents first, so shares pass down any number
 * of levels). Children are ordered by id so a split never depends on row order.
 */
export function resolveTeamTargets(
  teams: readonly TeamNode[],
  own: readonly OwnTeamTarget[],
): Map<string, ResolvedTeamTarget> {
  const ownBy = new Map(own.map((t) => [t.teamId, t]));
  const known = new Set(teams.map((t) => t.id));
  const childrenOf = childrenByParent(teams);
  const resolved = new Map<string, ResolvedTeamTarget>();
  const visit = (teamId: string, handed: number | null, seen: Set<string>) => {
    if (seen.has(teamId)) return; // a cycle in bad data must not loop forever
    seen.add(teamId);
    const mine = ownBy.get(teamId);
    let here: ResolvedTeamTarget | null = null;
    if (mine) {
      here = {
        teamId,
        value: mine.value,
        source: 'own',
        split: mine.split,
        over: mine.split?.over ?? 'reps',
      };
    } else if (handed !== null) {
      here = { teamId, value: handed, source: 'allocated', split: null, over: 'reps' };
    }
    if (here) resolved.set(teamId, here);
    const children = childrenOf.get(teamId) ?? [];
    const shares =
      here?.over === 'teams'
        ? shareOut(here.value, children, here.split)
        : children.map(() => null);
    children.forEach((child, i) => {
      visit(child, shares[i] ?? null, seen);
    });
  };
  const seen = new Set<string>();
  for (const t of [...teams].sort((a, b) => a.id.localeCompare(b.id))) {
    if (t.parentId === null || !known.has(t.parentId)) visit(t.id, null, seen);
  }
  return resolved;
}

function childrenByParent(teams: readonly TeamNode[]): Map<string, string[]> {
  const childrenOf = new Map<string, string[]>();
  for (const t of teams) {
    if (t.parentId === null) continue;
    childrenOf.set(t.parentId, [...(childrenOf.get(t.parentId) ?? []), t.id]);
  }
  for (const list of childrenOf.values()) list.sort();
  return childrenOf;
}

/** Whether what was handed on adds up to the target. */
export function allocationStatus(target: number, allocated: number): AllocationStatus {
  return allocated === target ? 'exact' : allocated < target ? 'under' : 'over';
}

/** One level of {@link allocationTree}. */
export type TreeLevel = {
  teamId: string;
  target: number | null;
  source: 'own' | 'allocated' | null;
  over: SplitOver;
  split: TeamSplit | null;
  allocated: number;
  gap: number;
  status: AllocationStatus | null;
  reps: { memberId: string; value: number }[];
  children: TreeLevel[];
};

/**
 * The allocation tree below `rootId`: each level's target, what it hands on — the sum of its
 * sub-teams' targets when it allocates to sub-teams, else the sum of its reps' shares as
 * `repShares` computes them — and the gap. Levels without a target report nothing to hand on.
 */
export function allocationTree(
  teams: readonly TeamNode[],
  rootId: string,
  resolved: ReadonlyMap<string, ResolvedTeamTarget>,
  repShares: (target: ResolvedTeamTarget) => { memberId: string; value: number }[],
): TreeLevel {
  const childrenOf = childrenByParent(teams);
  const build = (teamId: string, seen: Set<string>): TreeLevel => {
    seen.add(teamId);
    const here = resolved.get(teamId) ?? null;
    const children = (childrenOf.get(teamId) ?? [])
      .filter((c) => !seen.has(c))
      .map((c) => build(c, seen));
    const over = here?.over ?? 'reps';
    const reps = here && over === 'reps' ? repShares(here) : [];
    const allocated =
      here === null
        ? 0
        : over === 'teams'
          ? children.reduce((s, c) => s + (c.target ?? 0), 0)
          : reps.reduce((s, r) => s + r.value, 0);
    return {
      teamId,
      target: here?.value ?? null,
      source: here?.source ?? null,
      over,
      split: here?.split ?? null,
      allocated,
      gap: here ? here.value - allocated : 0,
      status: here ? allocationStatus(here.value, allocated) : null,
      reps,
      children,
    };
  };
  return build(rootId, new Set());
}

/** A month inside a longer target, as {@link periodMismatch} reports it. */
export type MonthInside = {
  start: LocalDate;
  value: number;
  own: boolean;
  locked: boolean;
  respread: number | null;
};

/**
 * A year (or quarter) target against the month targets set inside it. Each month counts with
 * its own target where one is set, else with the longer target's days in it, so the total is
 * what the member or team is really measured against; `gap` = target − total. `respread` is the
 * value that makes the whole exact again for every month that has no own target and has not
 * ended before `today` (their share of what is left, in proportion to the longer target's days in
 * them); null for the other months, and for all when what is left is below zero or no month is
 * left to take it.
 */
export function periodMismatch(input: {
  period: { kind: 'year' | 'quarter'; start: LocalDate };
  value: number;
  months: ReadonlyMap<LocalDate, number>;
  today: LocalDate;
  cal: WorkCalendar;
}): { target: number; total: number; gap: number; months: MonthInside[] } {
  const outer: Period = periodFromStart(input.period.kind, input.period.start, input.cal);
  const spread = spreadTarget({ period: input.period, value: input.value }, input.cal);
  const months: MonthInside[] = [];
  // The longer target's own value in each month: the weights a re-spread follows.
  const fromOuterOf = new Map<LocalDate, number>();
  for (let start = outer.start; start <= outer.end; ) {
    const month = periodFromStart('month', start, input.cal);
    let fromOuter = 0;
    for (const [day, v] of spread) if (day >= month.start && day <= month.end) fromOuter += v;
    const own = input.months.get(month.start);
    fromOuterOf.set(month.start, fromOuter);
    months.push({
      start: month.start,
      value: own ?? fromOuter,
      own: own !== undefined,
      locked: month.end < input.today,
      respread: null,
    });
    start = addDays(month.end, 1);
  }
  const total = months.reduce((s, m) => s + m.value, 0);
  const open = months.filter((m) => !m.own && !m.locked);
  const fixed = months.filter((m) => m.own || m.locked).reduce((s, m) => s + m.value, 0);
  const left = input.value - fixed;
  if (open.length > 0 && left >= 0) {
    const weights = open.map((m) => fromOuterOf.get(m.start) ?? 0);
    const parts = largestRemainder(left, weights);
    open.forEach((m, i) => {
      m.respread = parts[i] ?? 0;
    });
  }
  return { target: input.value, total, gap: input.value - total, months };
}
