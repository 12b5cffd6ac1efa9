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
  findMetric,
  periodContaining,
  repsUnder,
  splitTeamTarget,
  spreadTarget,
  type TeamMember,
  type TeamNode,
  toMinor,
} from '../../../../shared/domain/index.ts';

export const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** Pacing curves over the period's thirds (30 % / 50 % / 20 % of a month: docs/architecture.md). */
const third = 1 / 3;
export const PACING = {
  even: undefined,
  front: [
    { days: third, weight: 0.3 },
    { days: third, weight: 0.5 },
    { days: third, weight: 0.2 },
  ],
  back: [
    { days: third, weight: 0.2 },
    { days: third, weight: 0.3 },
    { days: third, weight: 0.5 },
  ],
} satisfies Record<string, PacingCurve | undefined>;
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
  const curve = PACING[draft.pacing];
  const daily = spreadTarget(
    { period: { kind: draft.kind, start: period.start }, value, curve },
    cal,
  );
  const workdays = [...daily.values()].filter((v) => v > 0).length;
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
  };
}
export type TargetPlan<M extends TeamMember = TeamMember> = ReturnType<typeof planOf<M>>;

/** The team's stored target for the draft's period, if any. */
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
