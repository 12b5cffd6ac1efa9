import { z } from 'zod';
import { Id, LocalDate, MetricId, PeriodKind } from './common.ts';
import { MAX_AMOUNT, MAX_SPLIT_WEIGHT } from './limits.ts';
import { CategoryId } from './settings.ts';

/** Weights over parts of a period, e.g. a month 30 % / 50 % / 20 % (first ten days / middle / last). */
export const PacingCurve = z
  .array(
    z.object({
      /** Fraction of the period's days this segment spans, in order; fractions sum to 1. */
      days: z.number().gt(0).max(1),
      weight: z.number().min(0).max(1),
    }),
  )
  .min(1)
  .max(12)
  .refine((s) => Math.abs(s.reduce((a, x) => a + x.weight, 0) - 1) < 1e-9, 'weights must sum to 1')
  .refine(
    (s) => Math.abs(s.reduce((a, x) => a + x.days, 0) - 1) < 1e-9,
    'segments must cover the period',
  );
export type PacingCurve = z.infer<typeof PacingCurve>;

/**
 * Who a team target is allocated to (逐级分解): the reps of its subtree, day by day (default), or
 * its direct sub-teams, each of which passes its share on in turn (shared/domain/allocation.ts).
 */
export const SplitOver = z.enum(['reps', 'teams']);
export type SplitOver = z.infer<typeof SplitOver>;

/**
 * How a team target is shared among its members or sub-teams (目标分解); weights and shares are
 * keyed by member id, or by team id when `over` is `teams`.
 */
export const TeamSplit = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('equal'), over: SplitOver.optional() }),
  z.object({
    mode: z.literal('weights'),
    weights: z.record(Id, z.number().min(0).max(MAX_SPLIT_WEIGHT)),
    over: SplitOver.optional(),
  }),
  z.object({
    mode: z.literal('explicit'),
    shares: z.record(Id, z.number().int().min(0).max(MAX_AMOUNT)),
    over: SplitOver.optional(),
  }),
]);
export type TeamSplit = z.infer<typeof TeamSplit>;

/**
 * A split as stored: any finite numbers, because rows saved before the bounds above must still
 * read (the split rules in shared/domain/targets.ts are total for any finite weights).
 */
export const StoredTeamSplit = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('equal'), over: SplitOver.optional() }),
  z.object({
    mode: z.literal('weights'),
    weights: z.record(z.string(), z.number().min(0)),
    over: SplitOver.optional(),
  }),
  z.object({
    mode: z.literal('explicit'),
    shares: z.record(z.string(), z.number().min(0)),
    over: SplitOver.optional(),
  }),
]);

/**
 * The customer segments a revenue or deal target can be broken down by (新客户 / 老客户): who a
 * won deal is with, classified as the customer KPIs classify (shared/domain/breakdown.ts).
 */
export const CUSTOMER_SEGMENTS = ['new', 'existing'] as const;
export const CustomerSegment = z.enum(CUSTOMER_SEGMENTS);
export type CustomerSegment = z.infer<typeof CustomerSegment>;

/**
 * A target's breakdown by business segment: how much of its value is to come from new and from
 * existing customers, or from each of the org's product categories. Part values are whole units
 * of the metric that add up to the target's value exactly (shared/domain/breakdown.ts makes them
 * from percentages).
 */
export const TargetBreakdown = z
  .discriminatedUnion('by', [
    z.object({
      by: z.literal('customer'),
      parts: z
        .array(
          z.object({ segment: CustomerSegment, value: z.number().int().min(0).max(MAX_AMOUNT) }),
        )
        .min(1)
        .max(CUSTOMER_SEGMENTS.length),
    }),
    z.object({
      by: z.literal('category'),
      parts: z
        .array(z.object({ category: CategoryId, value: z.number().int().min(0).max(MAX_AMOUNT) }))
        .min(1)
        .max(20),
    }),
  ])
  .refine(
    (b) =>
      new Set(b.parts.map((p) => ('segment' in p ? p.segment : p.category))).size ===
      b.parts.length,
    { message: 'each segment at most once' },
  );
export type TargetBreakdown = z.infer<typeof TargetBreakdown>;

export const TargetInput = z
  .object({
    scope: z.enum(['member', 'team']),
    memberId: Id.optional(),
    teamId: Id.optional(),
    metric: MetricId,
    period: z.object({ kind: PeriodKind, start: LocalDate }),
    value: z.number().int().min(0).max(MAX_AMOUNT),
    curve: PacingCurve.optional(),
    split: TeamSplit.optional(),
    /** Revenue and deal targets only: the part of the value each customer segment is to bring. */
    breakdown: TargetBreakdown.optional(),
    /** Why it changed: kept in the target's history (GET /targets/:id/changes). */
    reason: z.string().trim().max(200).optional(),
  })
  .refine((t) => (t.scope === 'member' ? t.memberId !== undefined : t.teamId !== undefined), {
    message: 'member targets need memberId, team targets need teamId',
  })
  .refine((t) => t.scope === 'team' || t.split === undefined, {
    message: 'only team targets have a split',
  })
  .refine(
    (t) =>
      t.breakdown === undefined ||
      t.breakdown.parts.reduce((sum, p) => sum + p.value, 0) === t.value,
    { message: "the breakdown's parts must add up to the target's value", path: ['breakdown'] },
  );
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetView = z.object({
  id: Id,
  scope: z.enum(['member', 'team']),
  memberId: Id.nullable(),
  teamId: Id.nullable(),
  metric: MetricId,
  period: z.object({ kind: PeriodKind, start: LocalDate, end: LocalDate }),
  value: z.number(),
  curve: PacingCurve.nullable(),
  split: StoredTeamSplit.nullable(),
  /** Its breakdown by customer segment, if it has one. */
  breakdown: TargetBreakdown.nullable().optional(),
});
export type TargetView = z.infer<typeof TargetView>;

export const TargetsQuery = z.object({
  team: Id.optional(),
  member: Id.optional(),
  metric: MetricId.optional(),
  date: LocalDate.optional(),
});

/** A team target as the members' shares; `unallocated` ≠ 0 is reported, never hidden. */
export const Allocation = z.object({
  shares: z.array(z.object({ memberId: Id, value: z.number().int() })),
  allocated: z.number().int(),
  unallocated: z.number().int(),
});
export type Allocation = z.infer<typeof Allocation>;

export const PutTargetResponse = z.object({
  target: TargetView,
  allocation: Allocation.optional(),
});
/** Team targets come with their current split over the active reps of the team's subtree. */
export const GetTargetsResponse = z.object({
  targets: z.array(TargetView.extend({ allocation: Allocation.optional() })),
});
