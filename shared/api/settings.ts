import { z } from 'zod';
import { ClockTime, DisplayName, LocalDate, MetricId, TimeZone } from './common.ts';
import { MAX_AMOUNT } from './limits.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

/**
 * The organisation's working calendar; the rules that read it are in shared/domain/calendar.ts.
 * `workweeks` is a cycle of weeks: `[[1,2,3,4,5]]` is Mon–Fri every week, `[[1,2,3,4,5,6]]` a
 * six-day week, `[[1,2,3,4,5,6],[1,2,3,4,5]]` alternating long/short weeks (大小周), the cycle
 * anchored at the week containing `cycleAnchor`. `extraWorkdays` are make-up working days on
 * weekends (调休); `holidays` are days off on normal workdays.
 */
export const CalendarSettings = z.object({
  timezone: TimeZone,
  weekStart: Weekday.default(1),
  workweeks: z
    .array(z.array(Weekday).max(7))
    .min(1)
    .max(4)
    .default([[1, 2, 3, 4, 5]]),
  cycleAnchor: LocalDate.default('2024-01-01'),
  holidays: z.array(LocalDate).max(400).default([]),
  extraWorkdays: z.array(LocalDate).max(100).default([]),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  workingHours: z
    .object({ start: ClockTime, end: ClockTime })
    .refine((h) => h.start < h.end, 'working hours must start before they end')
    .default({ start: '09:00', end: '18:00' }),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

/** One rung of the incentive ladder (阶梯激励), on primary-metric attainment in percent. */
export const Tier = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  threshold: z.number().positive().max(1000),
  name: z.object({ en: DisplayName(40), zh: DisplayName(40) }),
  reward: z.string().max(200).default(''),
});
export type Tier = z.infer<typeof Tier>;

export const TierSettings = z.object({
  period: z.enum(['week', 'month', 'quarter', 'year']).default('month'),
  ladder: z
    .array(Tier)
    .min(1)
    .max(8)
    .refine(
      (l) => l.every((t, i) => i === 0 || t.threshold > (l[i - 1]?.threshold ?? 0)),
      'tier thresholds must rise strictly',
    ),
});
export type TierSettings = z.infer<typeof TierSettings>;

export const MetricKind = z.enum(['count', 'amount']);
export type MetricKind = z.infer<typeof MetricKind>;

export const CustomMetric = z.object({
  id: MetricId,
  label: z.object({ en: DisplayName(40), zh: DisplayName(40) }),
  kind: MetricKind,
  points: z.number().int().min(0).max(1000).default(0),
});
export type CustomMetric = z.infer<typeof CustomMetric>;

export const PrivacyMode = z.enum(['open', 'top', 'private']);
export type PrivacyMode = z.infer<typeof PrivacyMode>;

/** The lowest conversion rate a funnel stage may be set to (one in ten thousand). */
export const MIN_CONVERSION_RATE = 0.0001;

/** Stage conversion rates for the funnel back-calculation (倒推), each from MIN_CONVERSION_RATE to 1. */
export const FunnelSettings = z.object({
  avgDealSize: z.number().int().positive().max(MAX_AMOUNT),
  meetingToDeal: z.number().min(MIN_CONVERSION_RATE).max(1),
  visitToMeeting: z.number().min(MIN_CONVERSION_RATE).max(1),
  leadToVisit: z.number().min(MIN_CONVERSION_RATE).max(1),
});
export type FunnelSettings = z.infer<typeof FunnelSettings>;

/** Which moments the team announces (board, TV, sidebar toasts); absent = the domain's defaults. */
export const AnnouncementSettings = z.object({
  /** A single log of the primary metric at least this big (its minor units); null = never. */
  dealAmountAtLeast: z.number().int().positive().max(MAX_AMOUNT).nullable(),
  tierReached: z.boolean(),
  streakRecord: z.boolean(),
  /** Progress milestones (percent of the tier period's target) reached. */
  milestoneReached: z.boolean().default(true),
  /** A contest round won (told once, when its honours are recorded). */
  contestWon: z.boolean().default(true),
});
export type AnnouncementSettings = z.infer<typeof AnnouncementSettings>;

/** A customer's class; each class has its own follow-up cadence. `null` on a customer: none. */
export const CustomerClass = z.enum(['A', 'B', 'C']);
export type CustomerClass = z.infer<typeof CustomerClass>;

/** "`times` follow-ups per `per`" of the team calendar (A: 2 per week). */
export const Cadence = z.object({
  times: z.number().int().min(1).max(31),
  per: z.enum(['week', 'month']),
});
export type Cadence = z.infer<typeof Cadence>;

/** The org's customer rules; absent = the domain's defaults (shared/domain/customers.ts). */
export const CustomerSettings = z.object({
  cadence: z.object({ A: Cadence, B: Cadence, C: Cadence }),
  /** The metrics whose logs count as a follow-up (calls, visits …). */
  followUpMetrics: z.array(MetricId).min(1).max(20),
});
export type CustomerSettings = z.infer<typeof CustomerSettings>;

/** A product category's id, as targets and won deals name it. */
export const CategoryId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'category ids look like software or hw_2');

/**
 * A product category the org defines: a won deal may carry one, and a revenue or deal target may
 * break down by them (shared/domain/breakdown.ts).
 */
export const ProductCategory = z.object({ id: CategoryId, name: DisplayName(40) });
export type ProductCategory = z.infer<typeof ProductCategory>;

export const OrgSettings = z.object({
  calendar: CalendarSettings,
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
  primaryMetric: MetricId.default('revenue'),
  /** Points per unit of each count metric; metrics not listed use the built-in default. */
  points: z.record(MetricId, z.number().int().min(0).max(1000)).default({}),
  dailyPointsGoal: z.number().int().min(1).max(10000).default(20),
  /** Points given to a log without evidence, in percent of full points (fair play). */
  manualLogPointsPercent: z.number().int().min(0).max(100).default(100),
  tiers: TierSettings,
  customMetrics: z.array(CustomMetric).max(20).default([]),
  privacy: PrivacyMode.default('open'),
  funnel: FunnelSettings,
  signupOpen: z.boolean().default(true),
  announcements: AnnouncementSettings.optional(),
  /** Customer classes' follow-up cadence; absent = the domain's defaults. */
  customers: CustomerSettings.optional(),
  /** Product categories, managers' own list; none when absent. */
  productCategories: z
    .array(ProductCategory)
    .max(20)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'each id once')
    .optional(),
});
export type OrgSettings = z.infer<typeof OrgSettings>;
