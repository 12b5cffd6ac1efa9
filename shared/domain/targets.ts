import type {
  Allocation,
  LocalDate,
  PacingCurve,
  PeriodKind,
  TargetBreakdown,
  TeamSplit,
} from '../api/index.ts';
import {
  isWorkday,
  memoForCalendar,
  periodFromStart,
  periodIncludes,
  type WorkCalendar,
} from './calendar.ts';
import { eachDay } from './dates.ts';
import { DomainError } from './errors.ts';
import { ownValue } from './own.ts';
import { largestRemainder } from './rounding.ts';

// Targets and decomposition (目标分解): every target reduces to daily targets, and the target of
// any period is the sum of its daily targets (worked example in docs/architecture.md,
// "Targets and decomposition").

/** A target to spread over its period: the period is given by its kind and first day. */
export type TargetToSpread = {
  period: { kind: PeriodKind; start: LocalDate };
  /** Whole units of the metric (revenue: minor units). */
  value: number;
  /** Optional pacing curve over the period's days; equal per workday without one. */
  curve?: PacingCurve | null;
};

/** Where a target that applies to a member came from: their own, or their share of a team target. */
export type TargetSource = 'member' | 'team';

/**
 * One explicit target that applies to a member and metric, with how specific it is. A team
 * share split day by day over the team's members of each day (shared/domain/membership.ts)
 * comes with its `days`: then it covers only those days, with those values.
 */
export type ApplicableTarget = TargetToSpread & {
  source: TargetSource;
  days?: ReadonlyMap<LocalDate, number>;
  /** Its breakdown by customer segment (a team share: the team target's). */
  breakdown?: TargetBreakdown | null;
};

const SPECIFICITY: Record<PeriodKind, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

/**
 * Day weights of a period under a pacing curve. The curve's segments take consecutive shares of
 * the period's calendar days (boundaries rounded to whole days); a segment's weight is shared
 * equally by its `spreadDays`. A segment with no spread day drops out and the others are
 * renormalised, so its weight is not lost.
 */
function curveWeights(
  days: readonly LocalDate[],
  spreadDays: ReadonlySet<LocalDate>,
  curve: PacingCurve,
): number[] {
  const weights = days.map(() => 0);
  let from = 0;
  let covered = 0;
  curve.forEach((segment, i) => {
    covered += segment.days;
    const to = i === curve.length - 1 ? days.length : Math.round(covered * days.length);
    const segmentDays = days.slice(from, to).filter((d) => spreadDays.has(d));
    for (let k = from; k < to; k++) {
      const day = days[k];
      if (day !== undefined && spreadDays.has(day))
        weights[k] = segment.weight / segmentDays.length;
    }
    from = Math.max(from, to);
  });
  return weights;
}

/**
 * Spreads one target over its period: a value per calendar day of the period (non-workdays 0),
 * integers that add up exactly to `target.value`. Equal per workday, or weighted by the pacing
 * curve; if the period has no workday at all it is spread over all its days. A `start` inside a
 * period is taken to mean that period.
 */
export function spreadTarget(target: TargetToSpread, cal: WorkCalendar): Map<LocalDate, number> {
  return new Map(cachedSpread(target, cal));
}

/**
 * {@link spreadTarget}, memoised per calendar: a leaderboard spreads the same team target for
 * every member and every metric view. Read-only: callers outside this module get a copy.
 */
function cachedSpread(target: TargetToSpread, cal: WorkCalendar): ReadonlyMap<LocalDate, number> {
  const { kind, start } = target.period;
  const key = `spread|${kind}|${start}|${target.value}|${JSON.stringify(target.curve ?? null)}`;
  return memoForCalendar(cal, key, () => computeSpread(target, cal));
}

function computeSpread(target: TargetToSpread, cal: WorkCalendar): Map<LocalDate, number> {
  const period = periodFromStart(target.period.kind, target.period.start, cal);
  const days = eachDay(period.start, period.end);
  const workdays = days.filter((d) => isWorkday(d, cal));
  const spreadDays = new Set(workdays.length > 0 ? workdays : days);
  const weights = target.curve
    ? curveWeights(days, spreadDays, target.curve)
    : days.map((d) => (spreadDays.has(d) ? 1 : 0));
  // A curve whose every weighted segment lies on non-workdays leaves all weights 0; then the
  // spread days share equally rather than the value landing on days off.
  const usable = weights.some((w) => w > 0)
    ? weights
    : days.map((d) => (spreadDays.has(d) ? 1 : 0));
  // Days are a sequence in time: left-over units are spread evenly, not heaped on the first days.
  const parts = largestRemainder(target.value, usable, { ties: 'spread' });
  return new Map(days.map((day, i) => [day, parts[i] ?? 0]));
}

/** Input to {@link dailyTargets} and {@link periodTarget}. */
export type DailyTargetsInput = {
  /** Every explicit target for ONE member and ONE metric (their own and their team shares). */
  targets: readonly ApplicableTarget[];
  /** First and last day wanted, both inclusive. */
  start: LocalDate;
  end: LocalDate;
  cal: WorkCalendar;
};

/**
 * `a` is more specific than `b`: the shorter period wins (day < week < month < quarter < year),
 * and for the same kind the member's own target wins over a team share.
 */
function moreSpecific(a: ApplicableTarget, b: ApplicableTarget): boolean {
  const byKind = SPECIFICITY[a.period.kind] - SPECIFICITY[b.period.kind];
  if (byKind !== 0) return byKind < 0;
  return a.source === 'member' && b.source === 'team';
}

/**
 * A member's daily targets for one metric from `start` to `end`: each day takes its value from
 * the most specific explicit target covering it (see {@link moreSpecific}; among equals the one
 * listed first), spread by {@link spreadTarget}. Days no target covers are 0. Every day of the
 * range is in the map.
 */
export function dailyTargets(input: DailyTargetsInput): Map<LocalDate, number> {
  const result = new Map<LocalDate, number>();
  for (const { day, value } of dailyWinners(input)) result.set(day, value);
  return result;
}

/**
 * What each explicit target contributes to the range: the sum of the daily targets it gives
 * (see {@link dailyTargets}), for the targets that win at least one day. A breakdown of the
 * range's target is taken target by target from this (shared/domain/breakdown.ts).
 */
export function targetsByWinner(input: DailyTargetsInput): Map<ApplicableTarget, number> {
  const sums = new Map<ApplicableTarget, number>();
  for (const { winner, value } of dailyWinners(input)) {
    if (winner) sums.set(winner, (sums.get(winner) ?? 0) + value);
  }
  return sums;
}

function* dailyWinners(
  input: DailyTargetsInput,
): Generator<{ day: LocalDate; winner: ApplicableTarget | undefined; value: number }> {
  const resolved = input.targets.map((target) => ({
    target,
    period: periodFromStart(target.period.kind, target.period.start, input.cal),
  }));
  const spreads = new Map<ApplicableTarget, ReadonlyMap<LocalDate, number>>();
  for (const day of eachDay(input.start, input.end)) {
    let winner: ApplicableTarget | undefined;
    for (const { target, period } of resolved) {
      if (!periodIncludes(period, day) || (target.days && !target.days.has(day))) continue;
      if (!winner || moreSpecific(target, winner)) winner = target;
    }
    if (!winner) {
      yield { day, winner, value: 0 };
      continue;
    }
    let spread = spreads.get(winner);
    if (!spread) {
      spread = winner.days ?? cachedSpread(winner, input.cal);
      spreads.set(winner, spread);
    }
    yield { day, winner, value: spread.get(day) ?? 0 };
  }
}

/** The target of any span = the sum of its daily targets (so a week across two months is right). */
export function periodTarget(input: DailyTargetsInput): number {
  let sum = 0;
  for (const value of dailyTargets(input).values()) sum += value;
  return sum;
}

/**
 * Splits a team target among its members (目标分解): equally by default, by `weights`
 * (members without a weight get 0; all-zero weights split equally), or by `explicit` shares
 * (members without a share get 0). Equal and weighted splits are sum-preserving integers;
 * explicit shares are taken as given and any over- or under-allocation is reported in
 * `unallocated` (= value − allocated; negative when over-allocated), never hidden. Duplicate
 * member ids count once; ids in the split that are not members are ignored.
 */
export function splitTeamTarget(
  value: number,
  memberIds: readonly string[],
  split: TeamSplit = { mode: 'equal' },
): Allocation {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError(`a team target must be a whole number ≥ 0: ${value}`);
  }
  const members = [...new Set(memberIds)];
  const values = shareValues(value, members, split);
  const shares = members.map((memberId, i) => ({ memberId, value: values[i] ?? 0 }));
  const allocated = shares.reduce((sum, s) => sum + s.value, 0);
  if (!Number.isSafeInteger(allocated)) {
    throw new DomainError(`the shares add up to more than can be counted: ${allocated}`);
  }
  return { shares, allocated, unallocated: value - allocated };
}

function shareValues(value: number, members: readonly string[], split: TeamSplit): number[] {
  if (members.length === 0) return [];
  switch (split.mode) {
    case 'equal':
      return largestRemainder(
        value,
        members.map(() => 1),
      );
    case 'weights':
      return largestRemainder(
        value,
        members.map((id) => ownValue(split.weights, id) ?? 0),
      );
    case 'explicit':
      return members.map((id) => {
        const share = ownValue(split.shares, id) ?? 0;
        if (!Number.isSafeInteger(share) || share < 0) {
          throw new DomainError(`share of ${id} must be a whole number ≥ 0: ${share}`);
        }
        return share;
      });
    default:
      throw new DomainError(`unknown split mode: ${JSON.stringify(split)}`);
  }
}
