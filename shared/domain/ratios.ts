import { inLanguage, intlLocale, type Label } from './language.ts';
import { formatMoney } from './money.ts';

// Period KPIs (客单价, 回款率, 新客户, 客户保持率, …): figures of a whole period that cannot be
// added up day by day — one total divided by another, or a count of distinct customers. They are
// never stored or summed per day: every reader adds up the parts over the period (or over a
// team) and divides once, so a month's average order value is the month's revenue over the
// month's deals, not an average of daily averages. This table is the only place one is defined,
// for the worker, the board, the TV and the CSV alike.

/** How a KPI reads: an amount per unit (money), a share (percent) or a count. */
export type RatioFormat = 'money' | 'percent' | 'count';

export type RatioDefinition = {
  id: string;
  label: Label;
  /**
   * Where the parts come from: the members' metric rollups (a metric id each), or the customer
   * rollups (a part of shared/domain/customer-kpis.ts each).
   */
  source: 'metrics' | 'customers';
  /** The part above the line. */
  numerator: string;
  /** The part below the line (the KPI has no value while it is 0); null: the KPI is the numerator. */
  denominator: string | null;
  format: RatioFormat;
};

/** The parts of a ratio over one period: totals, never per-day ratios. */
export type RatioParts = { numerator: number; denominator: number };

export const RATIO_KPIS: readonly RatioDefinition[] = Object.freeze([
  {
    id: 'avg_order_value',
    label: { en: 'Average order value', zh: '客单价' },
    source: 'metrics',
    numerator: 'revenue',
    denominator: 'deals',
    format: 'money',
  },
  {
    id: 'collection_rate',
    label: { en: 'Collection rate', zh: '回款率' },
    source: 'metrics',
    numerator: 'collections',
    denominator: 'revenue',
    format: 'percent',
  },
  {
    id: 'new_customers',
    label: { en: 'New customers', zh: '新客户' },
    source: 'customers',
    numerator: 'new_customers',
    denominator: null,
    format: 'count',
  },
  {
    id: 'repeat_rate',
    label: { en: 'Repeat purchase rate', zh: '老客户复购率' },
    source: 'customers',
    numerator: 'returning_customers',
    denominator: 'existing_customers',
    format: 'percent',
  },
  {
    id: 'retention_rate',
    label: { en: 'Retention rate', zh: '客户保持率' },
    source: 'customers',
    numerator: 'retained_customers',
    denominator: 'previous_buyers',
    format: 'percent',
  },
]);

const byId = new Map(RATIO_KPIS.map((r) => [r.id, r]));

/** The ratio KPI `id`, or undefined when `id` is not one (a metric, a ranking, unknown). */
export const findRatio = (id: string): RatioDefinition | undefined => byId.get(id);
export const isRatio = (id: string): boolean => byId.has(id);

/** A ratio's name in the language of `tag` ("Average order value", "客单价"). */
export function ratioLabel(id: string, tag: string): string {
  const def = byId.get(id);
  return def ? inLanguage(def.label, tag) : id;
}

/**
 * The KPI of its parts: a money ratio in minor units per unit (revenue 1,000,000 fen over
 * 3 deals → 333,333.33… fen, kept exact until shown), a percent ratio in percent (25 of 40 →
 * 62.5), a count as it is. null while the denominator is 0 (no deals yet: no average order
 * value, not 0).
 */
export function ratioValue(
  def: Pick<RatioDefinition, 'format' | 'denominator'>,
  parts: RatioParts,
): number | null {
  if (def.denominator === null) return parts.numerator;
  if (!(parts.denominator > 0)) return null;
  const ratio = parts.numerator / parts.denominator;
  return def.format === 'percent' ? ratio * 100 : ratio;
}

/** Parts added up, e.g. a team's from its reps' (the only way ratios are combined). */
export function addParts(list: readonly RatioParts[]): RatioParts {
  let numerator = 0;
  let denominator = 0;
  for (const p of list) {
    numerator += p.numerator;
    denominator += p.denominator;
  }
  return { numerator, denominator };
}

/**
 * A ratio target is the ratio to reach, in the ratio's own unit (money: minor units per unit;
 * percent: percentage points), compared as a ratio: attainment = value / target × 100. It is
 * not spread over days or split among reps; a team's ratio target is each rep's and the team's.
 * null without a target or without a value.
 */
export function ratioAttainment(value: number | null, target: number | null): number | null {
  if (value === null || target === null || !(target > 0)) return null;
  return (value / target) * 100;
}

/** A ratio target that may apply to a member; `depth` orders team targets (deeper first). */
export type RatioTargetCandidate = {
  period: { start: string; end: string };
  value: number;
  source: 'member' | 'team';
  depth?: number;
};

const span = (p: { start: string; end: string }) => Date.parse(p.end) - Date.parse(p.start);

/**
 * The ratio target that applies over `period`: among the targets whose period contains it, the
 * shortest period first, then the member's own before a team's, then the deeper team. A month
 * read under a quarterly target of ¥5,000 per deal is measured against ¥5,000. null when none
 * contains the period (a year read with only quarterly targets has none).
 */
export function ratioTargetFor(
  candidates: readonly RatioTargetCandidate[],
  period: { start: string; end: string },
): number | null {
  const containing = candidates.filter(
    (c) => c.period.start <= period.start && c.period.end >= period.end,
  );
  containing.sort(
    (a, b) =>
      span(a.period) - span(b.period) ||
      (a.source === b.source ? 0 : a.source === 'member' ? -1 : 1) ||
      (b.depth ?? 0) - (a.depth ?? 0),
  );
  return containing[0]?.value ?? null;
}

/** How a figure of a board column or counter reads. */
export type FigureKind = 'amount' | RatioFormat;

/**
 * A KPI for people: money with the currency sign in whole major units (¥3,333), percent with
 * up to one decimal (62.5%), a count in whole units; "—" without a value.
 */
export function formatRatio(
  def: Pick<RatioDefinition, 'format'>,
  value: number | null,
  currency: string,
  tag: string,
): string {
  if (value === null) return '\u2014';
  if (def.format === 'money') return formatMoney(Math.round(value), currency, tag);
  if (def.format === 'count') {
    return new Intl.NumberFormat(intlLocale(tag), { maximumFractionDigits: 0 }).format(value);
  }
  return new Intl.NumberFormat(intlLocale(tag), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}

/** The ids a custom metric cannot take: every ratio's (a board ranks by either). */
export const RATIO_IDS: ReadonlySet<string> = new Set(RATIO_KPIS.map((r) => r.id));
