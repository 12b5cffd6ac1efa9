import type { ConversionStage, FunnelSettings, LocalDate, ReviewStage } from '../api/index.ts';
import { funnelRates } from './funnel.ts';
import type { Label } from './language.ts';
import { formatMoney } from './money.ts';

// The review (复盘) of a period: where the funnel lost the revenue the plan asked for. Pure
// figures in, figures and sentences out, so the worker, the board and the sidebar say the same.

/** A member's funnel totals over some span (revenue in minor units). */
export type FunnelCounts = {
  revenue: number;
  deals: number;
  meetings: number;
  visits: number;
  leads: number;
};

/** Conversion rates of a span: null where the earlier stage is 0 (no rate to speak of). */
export type StageRates = Record<ConversionStage, number | null> & { avgDealSize: number | null };

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The rates of `c`: visits / leads, meetings / visits, deals / meetings, revenue / deals. */
export function stageRates(c: FunnelCounts): StageRates {
  return {
    leadToVisit: ratio(c.visits, c.leads),
    visitToMeeting: ratio(c.meetings, c.visits),
    meetingToDeal: ratio(c.deals, c.meetings),
    avgDealSize: ratio(c.revenue, c.deals),
  };
}

/** Fewest reps whose rates a team median is made of: fewer would show a colleague's own rate. */
export const MEDIAN_MIN_REPS = 3;

/** The median of `values` (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The team's median of each rate over the reps that have one; null for a rate fewer than
 * {@link MEDIAN_MIN_REPS} reps have.
 */
export function teamMedianRates(perRep: readonly StageRates[]): StageRates {
  const of = (key: keyof StageRates) => {
    const values = perRep.map((r) => r[key]).filter((v): v is number => v !== null);
    return values.length >= MEDIAN_MIN_REPS ? median(values) : null;
  };
  return {
    leadToVisit: of('leadToVisit'),
    visitToMeeting: of('visitToMeeting'),
    meetingToDeal: of('meetingToDeal'),
    avgDealSize: of('avgDealSize'),
  };
}

// Every stage (a Record, so none is missing), in funnel order.
const STAGE_NAMES: Record<ReviewStage, Label> = {
  leads: { en: 'New leads', zh: '新线索' },
  leadToVisit: { en: 'Lead → visit', zh: '线索→拜访' },
  visitToMeeting: { en: 'Visit → meeting', zh: '拜访→会议' },
  meetingToDeal: { en: 'Meeting → deal', zh: '会议→成交' },
  dealSize: { en: 'Average deal size', zh: '平均订单金额' },
};
const REVIEW_STAGES = Object.keys(STAGE_NAMES) as ReviewStage[];

/** What {@link findBottleneck} found. */
export type Bottleneck = {
  stage: ReviewStage;
  /** 0..1: the part of the shortfall this stage explains. */
  share: number;
  /** The stage's actual figure: leads (a count), a rate, or the average deal (minor units). */
  actual: number;
  /** What the plan needed of it at the member's usual rates. */
  expected: number;
};

/** Input to {@link findBottleneck}. */
export type BottleneckInput = {
  counts: FunnelCounts;
  /** The revenue the plan asked for by now (minor units). */
  plan: number;
  /** The member's usual rates (own history where enough, else the team defaults: `funnelRates`). */
  rates: FunnelSettings;
};

/**
 * The stage that explains the largest part of the gap between revenue and plan. Revenue is the
 * product of five factors (`REVIEW_STAGES`, shared/api/reviews.ts); the plan is the same product at the usual
 * rates, with the leads the plan needed = plan / (avgDealSize × leadToVisit × visitToMeeting ×
 * meetingToDeal). So ln(revenue / plan) = Σ ln(actual factor / expected factor) exactly, and each
 * factor's term is its part of the gap: a stage's share is its term over the sum of the negative
 * terms (stages above their usual figure help, and are not blamed). A stage at zero stops the
 * funnel there: the first one is the bottleneck, with the whole share. Null when revenue reached
 * the plan, or there is no plan.
 */
export function findBottleneck({ counts, plan, rates }: BottleneckInput): Bottleneck | null {
  if (!(plan > 0) || counts.revenue >= plan) return null;
  const perLead =
    rates.avgDealSize * rates.leadToVisit * rates.visitToMeeting * rates.meetingToDeal;
  if (!(perLead > 0)) return null;
  const expected: Record<ReviewStage, number> = {
    leads: plan / perLead,
    leadToVisit: rates.leadToVisit,
    visitToMeeting: rates.visitToMeeting,
    meetingToDeal: rates.meetingToDeal,
    dealSize: rates.avgDealSize,
  };
  const own = stageRates(counts);
  const actual: Record<ReviewStage, number> = {
    leads: counts.leads,
    leadToVisit: own.leadToVisit ?? 0,
    visitToMeeting: own.visitToMeeting ?? 0,
    meetingToDeal: own.meetingToDeal ?? 0,
    dealSize: own.avgDealSize ?? 0,
  };
  for (const stage of REVIEW_STAGES) {
    if (!(actual[stage] > 0)) {
      return { stage, share: 1, actual: 0, expected: expected[stage] };
    }
  }
  const terms = REVIEW_STAGES.map((stage) => ({
    stage,
    term: Math.log(actual[stage] / expected[stage]),
  }));
  const shortfall = terms.reduce((sum, t) => sum + Math.min(0, t.term), 0);
  let worst = terms[0] as (typeof terms)[number];
  for (const t of terms) if (t.term < worst.term) worst = t;
  if (!(shortfall < 0) || !(worst.term < 0)) return null;
  return {
    stage: worst.stage,
    share: worst.term / shortfall,
    actual: actual[worst.stage],
    expected: expected[worst.stage],
  };
}

/** A stage's name ("Visit → meeting", "拜访→会议"). */
export const reviewStageName = (stage: ReviewStage): Label => ({ ...STAGE_NAMES[stage] });

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * The review's one sentence in both languages: the bottleneck, its figure against the usual one
 * and the part of the gap it explains; or that the plan was reached; or that there was no plan
 * yet (a target whose days have not begun: a rep who joined today, before the workday starts).
 */
export function bottleneckSentence(
  found: Bottleneck | null,
  reached: { plan: number; revenue: number; target: number },
  currency: string,
): Label {
  if (!(reached.plan > 0) && reached.target > 0) {
    return {
      en: 'The plan asks for no revenue by now yet, so there is no gap to explain.',
      zh: '到目前为止计划尚未要求业绩，没有差距需要分析。',
    };
  }
  if (!(reached.plan > 0)) {
    return {
      en: 'No revenue plan for this period, so there is no gap to explain.',
      zh: '本期没有业绩计划，没有差距需要分析。',
    };
  }
  if (!found) {
    return {
      en: 'Revenue reached the plan: no stage held it back.',
      zh: '业绩已达成计划：没有卡住的环节。',
    };
  }
  const share = pct(found.share);
  const name = STAGE_NAMES[found.stage];
  switch (found.stage) {
    case 'leads': {
      const actual = Math.round(found.actual);
      const expected = Math.ceil(found.expected - 1e-9);
      return {
        en: `Bottleneck: new leads — ${actual} against the ${expected} the plan needed at your usual rates; it explains ${share} of the gap.`,
        zh: `瓶颈在${name.zh}：${actual} 条，按你平时的转化率计划需要 ${expected} 条；它解释了 ${share} 的差距。`,
      };
    }
    case 'dealSize': {
      const en = (n: number) => formatMoney(n, currency, 'en-US');
      const zh = (n: number) => formatMoney(n, currency, 'zh-CN');
      return {
        en: `Bottleneck: average deal size — ${en(found.actual)} against your usual ${en(found.expected)}; it explains ${share} of the gap.`,
        zh: `瓶颈在${name.zh}：${zh(found.actual)}，你平时为 ${zh(found.expected)}；它解释了 ${share} 的差距。`,
      };
    }
    default:
      return {
        en: `Bottleneck: ${name.en.toLowerCase()} — ${pct(found.actual)} against your usual ${pct(found.expected)}; it explains ${share} of the gap.`,
        zh: `瓶颈在${name.zh}：${pct(found.actual)}，你平时为 ${pct(found.expected)}；它解释了 ${share} 的差距。`,
      };
  }
}

/** Input to {@link reviewFunnel}. */
export type ReviewFunnelInput = {
  /** The period's totals. */
  counts: FunnelCounts;
  /** The member's totals over the look-back before the period (their own history). */
  history: FunnelCounts;
  /** The team's defaults. */
  funnel: FunnelSettings;
  /** The revenue the plan asked for by now (minor units). */
  plan: number;
  /** The period's whole revenue target (minor units). */
  target: number;
  currency: string;
};

/** The funnel part of a review: rates now and usually, the bottleneck and its sentence. */
export function reviewFunnel({
  counts,
  history,
  funnel,
  plan,
  target,
  currency,
}: ReviewFunnelInput) {
  const usual = funnelRates(funnel, history);
  const found = findBottleneck({ counts, plan, rates: usual });
  return {
    rates: stageRates(counts),
    usual,
    bottleneck: found,
    sentence: bottleneckSentence(found, { plan, target, revenue: counts.revenue }, currency),
  };
}

/** Change from `before` to `now` in percent; null when there was nothing before. */
export function changePercent(now: number, before: number): number | null {
  return before > 0 ? ((now - before) / before) * 100 : null;
}

/** The day with the highest value (earliest on a tie); null when no day has more than 0. */
export function bestDay(
  byDay: ReadonlyMap<LocalDate, number>,
): { date: LocalDate; value: number } | null {
  let best: { date: LocalDate; value: number } | null = null;
  for (const [date, value] of [...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (value > 0 && (!best || value > best.value)) best = { date, value };
  }
  return best;
}

/** Sums the values of the days from `start` to `end` (inclusive). */
export function sumDays(
  byDay: ReadonlyMap<LocalDate, number>,
  start: LocalDate,
  end: LocalDate,
): number {
  let sum = 0;
  for (const [day, value] of byDay) if (day >= start && day <= end) sum += value;
  return sum;
}
