/**
 * The target editor's one state object (a team target for one period, as typed) and what follows
 * from it with the shared domain rules, the same code the worker runs: the period, the stored
 * value, the split over the team's reps day by day (whoever is on the team each day, from the
 * period's membership history), the spread over time and the `PUT /api/v1/targets` body.
 * Pure, so the editor's parts only edit fields.
 */
import type {
  OrgSettings,
  PacingCurve,
  PeriodKind,
  TargetBreakdown,
  TargetInput,
  TargetMembershipResponse,
  TargetView,
  TeamSplit,
} from '../../../../shared/api/index.ts';
import {
  breakdownFromPercents,
  canBreakDown,
  categoryBreakdownFromPercents,
  dailyTargets,
  eachDay,
  findMetric,
  isWorkday,
  type MembershipPeriod,
  parseAmount,
  parseDecimal,
  periodContaining,
  repsOnTeams,
  repsUnder,
  splitDaily,
  spreadTarget,
  subtreeIds,
  type TeamMember,
  type TeamNode,
  toMinor,
  type WorkCalendar,
} from '../../../../shared/domain/index.ts';

export const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/**
 * Pacing curves: 30 % / 50 % / 20 % (or 20 / 30 / 50) over three blocks of the period. In a month
 * the blocks are 上旬 / 中旬 / 下旬 as the words mean them: days 1–10, 11–20 and 21 to the end
 * (February's last block is 8 or 9 days); longer and shorter periods use thirds.
 */
const WEIGHTS = { front: [0.3, 0.5, 0.2], back: [0.2, 0.3, 0.5] } as const;
export const PACING = { even: undefined, front: WEIGHTS.front, back: WEIGHTS.back };

/** The curve a pacing choice saves for `period` (none for even pacing). */
export function curveOf(
  pacing: Pacing,
  period: { kind: PeriodKind; start: string; end: string },
): PacingCurve | undefined {
  const weights = PACING[pacing];
  if (!weights) return undefined;
  const length = eachDay(period.start, period.end).length;
  const blocks =
    period.kind === 'month'
      ? [10 / length, 10 / length, (length - 20) / length]
      : [1 / 3, 1 / 3, 1 / 3];
  return weights.map((weight, i) => ({ days: blocks[i] ?? 0, weight }));
}
export type Pacing = keyof typeof PACING;
export type SplitMode = TeamSplit['mode'];

export interface TargetDraft {
  teamId: string;
  metric: string;
  kind: PeriodKind;
  /** A day inside the period (the period is the one containing it). */
  date: string;
  /** The value as typed, in major units for amounts (¥, $). */
  valueText: string;
  mode: SplitMode;
  pacing: Pacing;
  /** Per rep: a weight (mode `weights`) or a share as typed (mode `explicit`). */
  weights: Record<string, number>;
  shares: Record<string, number>;
  /**
   * Revenue and deal targets: the percentage to come from new customers (the rest from
   * existing ones), or null for no breakdown by customer segment.
   */
  newPercent: number | null;
  /**
   * Or by product category: the percentage of each category (by id, in the org's order), or null.
   * Only one of the two is set.
   */
  categoryPercents: Record<string, number> | null;
}

export function initialDraft(teamId: string, metric: string, today: string): TargetDraft {
  return {
    teamId,
    metric,
    kind: 'month',
    date: today,
    valueText: '',
    mode: 'equal',
    pacing: 'even',
    weights: {},
    shares: {},
    newPercent: null,
    categoryPercents: null,
  };
}

const isAmount = (settings: OrgSettings, metric: string) =>
  findMetric(metric, settings)?.kind === 'amount';

/** Amounts are typed in major units (¥, $) and stored in the currency's minor units (fen, cents). */
export const toStored = (settings: OrgSettings, metric: string, typed: number) =>
  isAmount(settings, metric) ? toMinor(typed, settings.currency) : Math.round(typed);

/**
 * The typed target in stored units, read by the shared money rules (grouping by commas or spaces,
 * full-width digits): an amount in minor units (0 when it is not an amount of the currency), a
 * count rounded to whole units.
 */
export function storedValueOf(settings: OrgSettings, metric: string, typed: string): number {
  if (isAmount(settings, metric)) return parseAmount(typed, settings.currency) ?? 0;
  const thousandths = parseDecimal(typed, 3);
  return thousandths === null ? 0 : Math.round(thousandths / 1000);
}

/** A typed weight or share: a whole number ≥ 0. */
export const wholeOf = (typed: string) => Math.max(0, Math.round(Number(typed || '0')));

/** The period a draft is for: the one of its kind containing its date. */
export const periodOf = (draft: Pick<TargetDraft, 'kind' | 'date'>, settings: OrgSettings) =>
  periodContaining(draft.kind, draft.date, settings.calendar);

/**
 * Who shares a team's targets in one period (`GET /api/v1/targets/membership`), for the team it
 * was loaded for.
 */
export type Roster = TargetMembershipResponse & { teamId: string };

/** A member as the split table names them. */
type Named = { id: string; name: string };

/**
 * What the draft means: the period, the stored value, its split and its spread over time. The
 * split is the one the worker computes for the saved target (shared/domain/membership.ts,
 * `splitDaily`): each day's value shared by the reps of the team's subtree on that day, so a rep
 * who joins on the 25th carries only the days from the 25th. `roster` gives that history; until
 * it is loaded for this team and period, today's active reps stand in for the whole period.
 */
export function planOf(
  draft: TargetDraft,
  settings: OrgSettings,
  teams: readonly TeamNode[],
  members: readonly (TeamMember & Named)[],
  roster: Roster | null = null,
) {
  const cal = settings.calendar;
  const period = periodOf(draft, settings);
  const value = storedValueOf(settings, draft.metric, draft.valueText);
  const history =
    roster !== null &&
    roster.teamId === draft.teamId &&
    roster.period.kind === draft.kind &&
    roster.period.start === period.start
      ? roster
      : null;
  const stretches: readonly MembershipPeriod[] =
    history?.stretches ??
    repsUnder(teams, draft.teamId, members).map((memberId) => ({
      memberId,
      teamId: draft.teamId,
      role: 'rep' as const,
      from: period.start,
      until: null,
    }));
  const split: TeamSplit =
    draft.mode === 'equal'
      ? { mode: 'equal' }
      : draft.mode === 'weights'
        ? { mode: 'weights', weights: draft.weights }
        : {
            mode: 'explicit',
            shares: Object.fromEntries(
              Object.entries(draft.shares).map(([k, v]) => [
                k,
                toStored(settings, draft.metric, v),
              ]),
            ),
          };
  const curve = curveOf(draft.pacing, period);
  const daily = spreadTarget(
    { period: { kind: draft.kind, start: period.start }, value, curve },
    cal,
  );
  const byDay = splitDaily(daily, repsOnTeams(stretches, subtreeIds(teams, draft.teamId)), split);
  const allocation = byDay.allocation;
  // Who shares it: every rep of the team on some day of the period, in the worker's order (ids
  // sorted), named from the history or the member list.
  const names = new Map<string, string>([
    ...members.map((x): [string, string] => [x.id, x.name]),
    ...(history?.members ?? []).map((x): [string, string] => [x.id, x.name]),
  ]);
  const reps: (Named & { days?: { from: string; to: string } })[] = allocation.shares.map((s) => {
    // The first and last day they are on the team, when that is not the whole period.
    const present = [...(byDay.byMember.get(s.memberId)?.keys() ?? [])].sort();
    const from = present[0] ?? period.start;
    const to = present[present.length - 1] ?? period.end;
    const whole = from === period.start && to === period.end;
    return {
      id: s.memberId,
      name: names.get(s.memberId) ?? s.memberId,
      ...(whole ? {} : { days: { from, to } }),
    };
  });
  let uncovered = 0;
  for (const v of byDay.uncovered.values()) uncovered += v;
  // Every workday of the period counts, also those whose rounded share is 0 (10 visits over 22
  // workdays is ≈ 0.45 a workday, not "10 workdays · 1"); a period without one spreads over all days.
  const days = eachDay(period.start, period.end);
  const workdays = days.filter((d) => isWorkday(d, cal)).length || days.length;
  return {
    period,
    value,
    reps,
    split,
    allocation,
    /** Per rep, the days they share and their part of each. */
    byMember: byDay.byMember,
    /** What days with no rep on the team carry (nobody's: a team without reps then). */
    uncovered,
    /** Whether the history of who was on the team each day is in (else today's reps stand in). */
    dated: history !== null,
    balanced: allocation.unallocated === 0,
    curve,
    daily,
    workdays,
    /** Unrounded: what one workday carries on average. */
    perWorkday: workdays > 0 ? value / workdays : 0,
  };
}
export type TargetPlan = ReturnType<typeof planOf>;

/** The team's stored target set for exactly the draft's period, if any. */
export const existingTarget = (
  draft: TargetDraft,
  plan: Pick<TargetPlan, 'period'>,
  stored: readonly TargetView[],
) =>
  stored.find(
    (x) =>
      x.scope === 'team' &&
      x.teamId === draft.teamId &&
      x.period.kind === draft.kind &&
      x.period.start === plan.period.start,
  );

/**
 * The team's target for the draft's period as boards compute it: each day from the most specific
 * of the team's own stored targets covering it (a month inside a quarter target counts its share
 * of the quarter), summed over the period. Null when none covers any day.
 */
export function currentTargetOf(
  draft: TargetDraft,
  plan: Pick<TargetPlan, 'period'>,
  stored: readonly TargetView[],
  cal: WorkCalendar,
): { value: number; kinds: PeriodKind[] } | null {
  const own = stored.filter(
    (x) =>
      x.scope === 'team' &&
      x.teamId === draft.teamId &&
      x.metric === draft.metric &&
      x.period.start <= plan.period.end &&
      x.period.end >= plan.period.start,
  );
  if (own.length === 0) return null;
  const daily = dailyTargets({
    targets: own.map((x) => ({
      period: { kind: x.period.kind, start: x.period.start },
      value: x.value,
      curve: x.curve,
      source: 'team' as const,
    })),
    start: plan.period.start,
    end: plan.period.end,
    cal,
  });
  let value = 0;
  for (const v of daily.values()) value += v;
  return { value, kinds: [...new Set(own.map((x) => x.period.kind))] };
}

/**
 * The target boards use for the draft's team and period: its own ({@link currentTargetOf}), else
 * its share of a level above that allocates to sub-teams (`handedDown`: the allocation tree's level
 * for this team and period, `GET /api/v1/targets/allocation`). Null when neither applies.
 */
export function boardTargetOf(
  own: ReturnType<typeof currentTargetOf>,
  level: { target: number | null; source: 'own' | 'allocated' | null } | null,
  kind: PeriodKind,
): { value: number; kinds: PeriodKind[]; handedDown: boolean } | null {
  if (own) return { ...own, handedDown: false };
  if (level?.source === 'allocated' && level.target !== null) {
    return { value: level.target, kinds: [kind], handedDown: true };
  }
  return null;
}

/** What saving sends (`PUT /api/v1/targets`). */
export function targetInputOf(draft: TargetDraft, plan: TargetPlan): TargetInput {
  return {
    scope: 'team',
    teamId: draft.teamId,
    metric: draft.metric,
    period: { kind: draft.kind, start: plan.period.start },
    value: plan.value,
    split: plan.split,
    ...(plan.curve ? { curve: plan.curve } : {}),
    ...withBreakdown(draft, plan.value),
  };
}

/**
 * The draft's breakdown by customer segment of a target of `value`: whole parts adding up to it
 * exactly (shared/domain/breakdown.ts), or none (no percentage, or a metric it does not apply to).
 */
export function breakdownOfDraft(draft: TargetDraft, value: number): TargetBreakdown | null {
  if (!canBreakDown(draft.metric)) return null;
  if (draft.categoryPercents !== null) {
    const percents = Object.entries(draft.categoryPercents)
      .filter(([, percent]) => percent > 0)
      .map(([category, percent]) => ({ category, percent }));
    return percents.length > 0 ? categoryBreakdownFromPercents(value, percents) : null;
  }
  if (draft.newPercent === null) return null;
  const pct = Math.min(100, Math.max(0, draft.newPercent));
  return breakdownFromPercents(value, { new: pct, existing: 100 - pct });
}

function withBreakdown(draft: TargetDraft, value: number): { breakdown?: TargetBreakdown } {
  const breakdown = breakdownOfDraft(draft, value);
  return breakdown ? { breakdown } : {};
}

/** Days of the period grouped into bars: days for a week or month, months for longer periods. */
export function timeBuckets(daily: Map<string, number>, kind: PeriodKind): [string, number][] {
  const buckets = new Map<string, number>();
  for (const [day, value] of daily) {
    // Months for long periods; day of month for a month; MM-DD for a week.
    const key =
      kind === 'quarter' || kind === 'year'
        ? day.slice(0, 7)
        : kind === 'month'
          ? day.slice(8)
          : day.slice(5);
    buckets.set(key, (buckets.get(key) ?? 0) + value);
  }
  return [...buckets];
}
