import { z } from 'zod';
import { Id, LocalDate, MetricId, Period, PeriodKind } from './common.ts';
import { AppliedQuota } from './quotas.ts';

/** shared/domain/pace.ts: where achieved stands against the expected-by-now. */
export const PaceStatusSchema = z.enum(['on-track', 'at-risk', 'off-track']);

export const ProgressQuery = z.object({
  period: PeriodKind.default('month'),
  date: LocalDate.optional(),
});

/**
 * A revenue or deal target's progress in one segment (shared/domain/breakdown.ts): `new` and
 * `existing` customers, `category:<id>` for a product category; `unknown` (won with no known
 * customer) and `uncategorised` (won with no category) have no target.
 */
export const SegmentProgress = z.object({
  segment: z.string().max(50),
  /** A product category's name, as the org calls it. */
  label: z.string().optional(),
  achieved: z.number(),
  target: z.number().nullable(),
  /** 0–100+, null where there is no target. */
  percent: z.number().nullable(),
});
export type SegmentProgress = z.infer<typeof SegmentProgress>;

export const MetricProgress = z.object({
  metric: MetricId,
  achieved: z.number(),
  target: z.number(),
  /** 0–100+, null where there is no target. */
  percent: z.number().nullable(),
  expectedByNow: z.number(),
  gap: z.number(),
  forecast: z.number(),
  neededPerWorkday: z.number(),
  /**
   * Workdays left in the period, today's unelapsed part included; below 1, `neededPerWorkday`
   * is the whole shortfall: what is needed today.
   */
  remainingWorkdays: z.number().optional(),
  /** Present when the metric's target in the period is broken down by customer segment. */
  breakdown: z.array(SegmentProgress).optional(),
});
export type MetricProgress = z.infer<typeof MetricProgress>;

export const TierStatus = z.object({
  current: z.string().nullable(),
  next: z.string().nullable(),
  /** In the primary metric's own units (revenue: minor units); null at the top tier. */
  toNext: z.number().nullable(),
});
export type TierStatus = z.infer<typeof TierStatus>;

export const StreakStatus = z.object({
  current: z.number().int(),
  longest: z.number().int(),
  atRisk: z.boolean(),
  freezes: z.number().int(),
});
export type StreakStatus = z.infer<typeof StreakStatus>;

export const Milestone = z.object({
  threshold: z.number(),
  period: Period,
  reachedAt: z.string().nullable(),
  /**
   * True only in the one response that recorded the crossing (the server's unique key decides),
   * so a celebration fires once per member, period and threshold across all devices.
   */
  justReached: z.boolean().optional(),
});

/** A conversion rate to plan with: learned from the member's own look-back, or the team default. */
export const FunnelRate = z.object({
  rate: z.number(),
  /** False: too little history in the look-back, so the team's default rate stands in. */
  learned: z.boolean(),
});

export const FunnelNeeds = z.object({
  revenueLeft: z.number(),
  deals: z.number(),
  meetings: z.number(),
  visits: z.number(),
  leads: z.number(),
  perWorkday: z.object({
    deals: z.number(),
    meetings: z.number(),
    visits: z.number(),
    leads: z.number(),
  }),
  /** The rates behind the needs and the look-back they were learned over. */
  conversion: z
    .object({
      lookBackDays: z.number().int(),
      avgDealSize: z.object({ value: z.number(), learned: z.boolean() }),
      leadToVisit: FunnelRate,
      visitToMeeting: FunnelRate,
      meetingToDeal: FunnelRate,
    })
    .optional(),
});

export type FunnelNeeds = z.infer<typeof FunnelNeeds>;
export type Milestone = z.infer<typeof Milestone>;

export const ProgressResponse = z.object({
  period: Period,
  memberId: Id,
  primaryMetric: MetricId,
  metrics: z.array(MetricProgress),
  tier: TierStatus,
  streak: StreakStatus,
  points: z.object({
    today: z.number(),
    period: z.number(),
    dailyGoal: z.number(),
    /**
     * Of today's quantities, the part logged without evidence, per metric (what the manual-log
     * share applies to), so a client can add its own logs to today's points exactly
     * (shared/domain/overlay.ts).
     */
    manualToday: z.record(MetricId, z.number()).optional(),
  }),
  milestones: z.array(Milestone),
  funnel: FunnelNeeds.nullable(),
  /** The activity quotas in effect for the member today, per count metric that has one. */
  quotas: z.array(AppliedQuota).optional(),
  /**
   * The member's own stretch goal for the primary metric in this period, at or above the
   * assigned target; the assigned target stays what reports measure. Null when none is set.
   */
  goal: z.object({ metric: MetricId, value: z.number() }).nullable().optional(),
  /** Change token: send it back as If-None-Match to get 304 when nothing changed. */
  version: z.string(),
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

/** What a board ranks by besides a metric's total: attainment (% of target), points, streak. */
export const RANKINGS = ['attainment', 'points', 'streak'] as const;
export const Ranking = z.enum(RANKINGS);
export type Ranking = z.infer<typeof Ranking>;
/** True when a board's `by` is one of {@link RANKINGS} rather than a metric id. */
export const isRanking = (by: string): by is Ranking =>
  (RANKINGS as readonly string[]).includes(by);

export const LeaderboardBy = z.union([Ranking, MetricId]);
export const LeaderboardQuery = z.object({
  team: Id.optional(),
  period: PeriodKind.default('month'),
  date: LocalDate.optional(),
  by: LeaderboardBy.default('attainment'),
  /**
   * `members` ranks the reps of the team's subtree; `teams` ranks the team's direct sub-teams
   * (each entry's `member` then holds the sub-team: attainment = summed achieved / summed target,
   * points and streak = the average per rep, a metric = its total).
   */
  group: z.enum(['members', 'teams']).default('members'),
});

export const LeaderboardEntry = z.object({
  rank: z.number().int(),
  member: z.object({ id: Id, name: z.string() }),
  value: z.number().nullable(),
  achieved: z.number(),
  target: z.number(),
  percent: z.number().nullable(),
  tier: z.string().nullable(),
  streak: z.number().int(),
  points: z.number(),
  /** On a past period's board: a rep of it who has since moved to another team or been removed. */
  standing: z.enum(['moved', 'removed']).optional(),
  /**
   * Pace status of the shown figures while the period runs (shared/domain/pace.ts, against the
   * pace line at the start of the day); null without a target or outside the running period.
   */
  pace: PaceStatusSchema.nullable().optional(),
  /**
   * Ranking by a ratio KPI (average order value, …): its parts over the period, so a sum of
   * entries is taken part by part and divided once (shared/domain/ratios.ts).
   */
  parts: z.object({ numerator: z.number(), denominator: z.number() }).optional(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const LeaderboardResponse = z.object({
  period: Period,
  by: z.string(),
  team: z.object({ id: Id, name: z.string() }),
  privacy: z.enum(['open', 'top', 'private']),
  entries: z.array(LeaderboardEntry),
  you: z
    .object({ rank: z.number().int(), percentile: z.number(), value: z.number().nullable() })
    .optional(),
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponse>;

/** `GET /targets/{id}/segments`: a target broken down by segment, against what was won. */
export const TargetSegmentsResponse = z.object({
  targetId: Id,
  metric: MetricId,
  period: z.object({ start: LocalDate, end: LocalDate }),
  segments: z.array(SegmentProgress),
});
export type TargetSegmentsResponse = z.infer<typeof TargetSegmentsResponse>;

/** `GET /targets/segments/reps`: a managed team's reps' progress per segment, for the board. */
export const RepSegmentsQuery = z
  .object({ team: Id, from: LocalDate, to: LocalDate, metric: MetricId })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to' });
export type RepSegmentsQuery = z.infer<typeof RepSegmentsQuery>;

export const RepSegmentsResponse = z.object({
  metric: MetricId,
  period: z.object({ start: LocalDate, end: LocalDate }),
  /** Reps whose target for the metric in the period is broken down; by name. */
  reps: z.array(
    z.object({
      member: z.object({ id: Id, name: z.string() }),
      segments: z.array(SegmentProgress),
    }),
  ),
});
export type RepSegmentsResponse = z.infer<typeof RepSegmentsResponse>;
