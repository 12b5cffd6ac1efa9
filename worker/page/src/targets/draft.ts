/**
 * The target editor's one state object (a team target for one period, as typed) and what follows
 * from it with the shared domain rules, the same code the worker runs: the period, the stored
 * value, the split over the team's reps, the spread over time and the `PUT /api/v1/targets` body.
 * Pure, so the editor's parts only edit fields.
 */
import type {
  OrgSettings,
  PacingCurve,
  PeriodKind,
  TargetInput,
  TargetView,
  TeamSplit,
} from '../../../../shared/api/index.ts';
import {
  dailyTargets,
  eachDay,
  findMetric,
  isWorkday,
  periodContaining,
  repsUnder,
  splitTeamTarget,
  spreadTarget,
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
  };
}

const isAmount = (settings: OrgSettings, metric: string) =>
  findMetric(metric, settings)?.kind === 'amount';

/** Amounts are typed in major units (¥, $) and stored in the currency's minor units (fen, cents). */
export const toStored = (settings: OrgSettings, metric: string, typed: number) =>
  isAmount(settings, metric) ? toMinor(typed, settings.currency) : Math.round(typed);

/** A typed weight or share: a whole number ≥ 0. */
export const wholeOf = (typed: string) => Math.max(0, Math.round(Number(typed || '0')));

/** What the draft means: the period, the stored value, its split and its spread over time. */
export function planOf<M extends TeamMember>(
  draft: TargetDraft,
  settings: OrgSettings,
  teams: readonly TeamNode[],
  members: readonly M[],
) {
  const cal = settings.calendar;
  const period = periodContaining(draft.kind, draft.date, cal);
  const value = Math.max(0, toStored(settings, draft.metric, Number(draft.valueText || '0')));
  // Who shares a team target, in the order the worker splits it (shared/domain/teams.ts).
  const memberById = new Map(members.map((x) => [x.id, x]));
  const reps = repsUnder(teams, draft.teamId, members).flatMap((id) => {
    const member = memberById.get(id);
    return member ? [member] : [];
  });
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
  const allocation = splitTeamTarget(
    value,
    reps.map((x) => x.id),
    split,
  );
  const curve = curveOf(draft.pacing, period);
  const daily = spreadTarget(
    { period: { kind: draft.kind, start: period.start }, value, curve },
    cal,
  );
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
    balanced: allocation.unallocated === 0,
    curve,
    daily,
    workdays,
    /** Unrounded: what one workday carries on average. */
    perWorkday: workdays > 0 ? value / workdays : 0,
  };
}
export type TargetPlan<M extends TeamMember = TeamMember> = ReturnType<typeof planOf<M>>;

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
  };
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
