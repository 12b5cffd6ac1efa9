import type { LocalDate, QuotaPer } from '../api/index.ts';
import { isWorkday, periodContaining, periodIncludes, type WorkCalendar } from './calendar.ts';
import { eachDay } from './dates.ts';
import { spreadTarget, type TargetToSpread } from './targets.ts';

// Activity quotas (每日拜访多少客户): a recurring "N per workday" or "N per week" for a count
// metric, set once and derived into any period through the team calendar, so the target of a
// day, week, month … is the sum of its days' quotas (worked example in docs/architecture.md,
// "Activity quotas").

/** One stored quota rule as it may apply to a member. */
export type QuotaRule = {
  per: QuotaPer;
  value: number;
  /** First day it is in effect. */
  from: LocalDate;
  /** The member's own, or a team's (each rep of the team carries it whole). */
  source: 'member' | 'team';
};

/**
 * The rule in effect on `day`: rules come in groups of precedence (the member's own first, then
 * the nearest team's, then its parent's …); the first group with a rule in effect on the day
 * decides, and within a group the latest `from` on or before the day. Null when none applies.
 */
export function quotaOn(
  groups: readonly (readonly QuotaRule[])[],
  day: LocalDate,
): QuotaRule | null {
  for (const group of groups) {
    let best: QuotaRule | null = null;
    for (const rule of group) {
      if (rule.from <= day && (!best || rule.from > best.from)) best = rule;
    }
    if (best) return best;
  }
  return null;
}

/**
 * A quota's value on one day: the whole value on a workday (`workday`), or the day's part of the
 * week's value spread over that week's workdays with the targets' own sum-preserving rounding
 * (`week`). Days off carry nothing, and so does a week without a single workday.
 */
export function quotaValueOn(
  rule: Pick<QuotaRule, 'per' | 'value'>,
  day: LocalDate,
  cal: WorkCalendar,
): number {
  if (rule.per === 'workday') return isWorkday(day, cal) ? rule.value : 0;
  const week = periodContaining('week', day, cal);
  if (!eachDay(week.start, week.end).some((d) => isWorkday(d, cal))) return 0;
  return (
    spreadTarget({ period: { kind: 'week', start: week.start }, value: rule.value }, cal).get(
      day,
    ) ?? 0
  );
}

/** Daily quota values from `start` to `end` (every day in the map; 0 where no rule applies). */
export function quotaDays(
  groups: readonly (readonly QuotaRule[])[],
  start: LocalDate,
  end: LocalDate,
  cal: WorkCalendar,
): Map<LocalDate, number> {
  const out = new Map<LocalDate, number>();
  for (const day of eachDay(start, end)) {
    const rule = quotaOn(groups, day);
    out.set(day, rule ? quotaValueOn(rule, day, cal) : 0);
  }
  return out;
}

/**
 * Daily targets with the quota filling the days no explicit target covers: an explicit target
 * (of any period kind) is what a manager set for that span and wins; the quota is the standing
 * rule for every other day. `daily` is `dailyTargets` for the same member, metric and range.
 */
export function withQuota(
  daily: ReadonlyMap<LocalDate, number>,
  explicit: readonly Pick<TargetToSpread, 'period'>[],
  groups: readonly (readonly QuotaRule[])[],
  cal: WorkCalendar,
): Map<LocalDate, number> {
  const out = new Map(daily);
  if (groups.every((g) => g.length === 0)) return out;
  const spans = explicit.map((t) => periodContaining(t.period.kind, t.period.start, cal));
  for (const day of out.keys()) {
    if (spans.some((span) => periodIncludes(span, day))) continue;
    const rule = quotaOn(groups, day);
    if (rule) out.set(day, quotaValueOn(rule, day, cal));
  }
  return out;
}
