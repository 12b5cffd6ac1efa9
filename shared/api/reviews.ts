import { z } from 'zod';
import { Id, Instant, LocalDate, MetricId, Period } from './common.ts';

// Reviews (复盘): a member's day, week or month against plan, last period and last year, each
// activity against its quota, the funnel's conversion rates against their own history and the
// team median, the bottleneck stage in one sentence, and the rep's own short reflection. Rules:
// shared/domain/review.ts; worker side: worker/reviews/.

/** The periods a review covers. */
export const ReviewPeriodKind = z.enum(['day', 'week', 'month']);
export type ReviewPeriodKind = z.infer<typeof ReviewPeriodKind>;

/** The conversion stages in funnel order: lead → visit → meeting → deal. */
export const CONVERSION_STAGES = ['leadToVisit', 'visitToMeeting', 'meetingToDeal'] as const;
export const ConversionStage = z.enum(CONVERSION_STAGES);
export type ConversionStage = z.infer<typeof ConversionStage>;

/**
 * The factors revenue is the product of, in funnel order:
 * revenue = leads × (visits / leads) × (meetings / visits) × (deals / meetings) × (revenue / deals).
 */
export const REVIEW_STAGES = ['leads', ...CONVERSION_STAGES, 'dealSize'] as const;
export const ReviewStage = z.enum(REVIEW_STAGES);
export type ReviewStage = z.infer<typeof ReviewStage>;

/** A sentence in each language the product speaks. */
export const Sentence = z.object({ en: z.string(), zh: z.string() });

export const ReviewQuery = z.object({
  period: ReviewPeriodKind.default('week'),
  /** Any day of the period; default the member's today. */
  date: LocalDate.optional(),
  /** Whose review: default the caller; a manager may ask for a rep of a team they manage. */
  member: Id.optional(),
});

/** The primary metric against plan, and against the period before and the same one last year. */
export const ReviewAttainment = z.object({
  metric: MetricId,
  achieved: z.number(),
  /** The period's whole target. */
  target: z.number(),
  /** The plan by now: the whole target once the period has ended, its pace line while it runs. */
  plan: z.number(),
  /** achieved / plan in percent; null without a plan. */
  percent: z.number().nullable(),
  /**
   * The period before (and the same period a year earlier), up to the same day of the period
   * while this one runs, so a running week is compared with the same part of the last one.
   */
  previous: z.object({ period: Period, achieved: z.number(), change: z.number().nullable() }),
  lastYear: z.object({ period: Period, achieved: z.number(), change: z.number().nullable() }),
});

/** An activity against its quota (or explicit target) in the period, so far. */
export const ReviewActivity = z.object({
  metric: MetricId,
  achieved: z.number(),
  /** The period's quota by now (the whole of it once the period has ended). */
  quota: z.number(),
  percent: z.number().nullable(),
});

/** One conversion stage: the period's rate, the member's usual one and the team's median. */
export const ReviewStageRate = z.object({
  stage: ConversionStage,
  /** Null when the earlier stage had nothing in the period. */
  rate: z.number().nullable(),
  /** Learned from the member's own history before the period, else the team default. */
  usual: z.number(),
  usualLearned: z.boolean(),
  /** Median over the reps of the member's team; null below three reps with a rate. */
  teamMedian: z.number().nullable(),
});

export const ReviewFunnel = z.object({
  counts: z.object({
    leads: z.number(),
    visits: z.number(),
    meetings: z.number(),
    deals: z.number(),
    revenue: z.number(),
  }),
  stages: z.array(ReviewStageRate),
  avgDealSize: z.object({
    value: z.number().nullable(),
    usual: z.number(),
    usualLearned: z.boolean(),
    teamMedian: z.number().nullable(),
  }),
  /** The revenue plan by now the gap is measured against (minor units). */
  plan: z.number(),
  /** Days of history before the period the usual rates are learned over. */
  lookBackDays: z.number().int(),
});

/** The stage that explains the largest part of the gap to plan (shared/domain/review.ts). */
export const ReviewBottleneck = z.object({
  stage: ReviewStage,
  /** 0..1: the part of the shortfall it explains. */
  share: z.number(),
  actual: z.number(),
  expected: z.number(),
});

export const ContestResult = z.object({
  contestId: Id,
  name: z.string(),
  roundEnd: LocalDate,
  /** The member's (or their team's) place when the round settled; null when not ranked. */
  rank: z.number().int().nullable(),
  of: z.number().int(),
  won: z.boolean(),
});
export type ContestResult = z.infer<typeof ContestResult>;

/** Reflection text: a few lines (line breaks allowed, other control characters not), ≤ 500 characters. */
export const ReflectionText = z
  .string()
  .trim()
  .max(500)
  .refine(
    (s) => !/(?![\n\t])\p{Cc}/u.test(s),
    'only line breaks and tabs among control characters',
  );

export const ReflectionView = z.object({
  worked: z.string(),
  change: z.string(),
  focus: z.string(),
  updatedAt: Instant,
});
export type ReflectionView = z.infer<typeof ReflectionView>;

/** The caller's own reflection on a period (what worked, what to change, next period's focus). */
export const ReflectionInput = z.object({
  period: z.object({ kind: ReviewPeriodKind, start: LocalDate }),
  worked: ReflectionText,
  change: ReflectionText,
  focus: ReflectionText,
});
export type ReflectionInput = z.input<typeof ReflectionInput>;
export const ReflectionResponse = z.object({ period: Period, reflection: ReflectionView });

export const MemberReview = z.object({
  member: z.object({ id: Id, name: z.string() }),
  period: Period,
  /** The period has not ended yet for the member (figures so far, plan = pace line). */
  running: z.boolean(),
  primaryMetric: MetricId,
  currency: z.string(),
  attainment: ReviewAttainment,
  activities: z.array(ReviewActivity),
  funnel: ReviewFunnel,
  bottleneck: ReviewBottleneck.nullable(),
  /** The review in one sentence: the bottleneck, or that the plan was reached or absent. */
  sentence: Sentence,
  bestDay: z.object({ date: LocalDate, value: z.number() }).nullable(),
  /** Days in a row reaching the daily points goal within the period: at its end, and longest. */
  streak: z.object({ current: z.number().int(), longest: z.number().int() }),
  contests: z.array(ContestResult),
  reflection: ReflectionView.nullable(),
});
export type MemberReview = z.infer<typeof MemberReview>;

export const ReviewResponse = z.object({ review: MemberReview });
export type ReviewResponse = z.infer<typeof ReviewResponse>;

export const TeamReviewQuery = z.object({
  /** Default the caller's own team. */
  team: Id.optional(),
  period: ReviewPeriodKind.default('week'),
  date: LocalDate.optional(),
});

export const TeamReviewRow = z.object({
  member: z.object({ id: Id, name: z.string() }),
  metric: MetricId,
  achieved: z.number(),
  plan: z.number(),
  percent: z.number().nullable(),
  bottleneck: ReviewBottleneck.nullable(),
  sentence: Sentence,
  reflection: ReflectionView.nullable(),
});
export type TeamReviewRow = z.infer<typeof TeamReviewRow>;

export const TeamReviewResponse = z.object({
  team: z.object({ id: Id, name: z.string() }),
  period: Period,
  primaryMetric: MetricId,
  currency: z.string(),
  /** The team's median conversion rates in the period (null below three reps with a rate). */
  medians: z.object({
    leadToVisit: z.number().nullable(),
    visitToMeeting: z.number().nullable(),
    meetingToDeal: z.number().nullable(),
    avgDealSize: z.number().nullable(),
  }),
  rows: z.array(TeamReviewRow),
});
export type TeamReviewResponse = z.infer<typeof TeamReviewResponse>;
