import type { CustomerSegment, LocalDate, SegmentProgress, TargetBreakdown } from '../api/index.ts';
import { addDays } from './dates.ts';
import { DomainError } from './errors.ts';
import { amountMetricOf } from './lines.ts';
import { attainmentPercent } from './progress.ts';
import { largestRemainder } from './rounding.ts';

// Targets by business segment (新客户开拓 / 老客户复购): a revenue or deal target says how much of
// its value is to come from new and from existing customers. The parts are whole units that add
// up to the target exactly, made and re-split with the same largest-remainder rounding as every
// other decomposition (shared/domain/rounding.ts).

/** The segments in the order parts are listed (the API's CUSTOMER_SEGMENTS). */
const SEGMENTS: readonly CustomerSegment[] = ['new', 'existing'];

/** The count metric whose logs are won deals; its amount metric (revenue) counts with it. */
export const DEAL_METRIC = 'deals';

/** Metrics a breakdown by customer segment applies to: what a won deal counts for. */
export function canBreakDown(metric: string): boolean {
  return metric === DEAL_METRIC || metric === amountMetricOf(DEAL_METRIC);
}

/** What won deals count for `metric` (a metric {@link canBreakDown} accepts): count or amount. */
export function wonFor(metric: string, won: { deals: number; revenue: number }): number {
  return metric === DEAL_METRIC ? won.deals : won.revenue;
}

/** Days from `from` (inclusive) until `until` (exclusive); null leaves that side open. */
export type DayRange = { from: LocalDate | null; until: LocalDate | null };

export const inDayRange = (day: LocalDate, range: DayRange): boolean =>
  (range.from === null || day >= range.from) && (range.until === null || day < range.until);

/**
 * The rule of new and existing customers, as the days a customer's first won deal ever must fall
 * on to be one in a period: new when that day is in the period, existing when it was before
 * (a customer first won after the period is neither). The one statement of the rule: the
 * functions below read it, and the SQL that counts customers per segment is built from these
 * ranges (worker/customer-kpis/queries.ts), so the customer KPIs (shared/domain/customer-kpis.ts)
 * and the targets by segment agree.
 */
export function firstDealRange(
  segment: CustomerSegment,
  period: { start: LocalDate; end: LocalDate },
): DayRange {
  return segment === 'new'
    ? { from: period.start, until: addDays(period.end, 1) }
    : { from: null, until: period.start };
}

/**
 * The segment a won deal falls in for a period starting `periodStart`, from the day of the
 * customer's first won deal ever (so all their deals of the period count as new when that day is
 * in it). A deal of the period has its customer's first deal on or before it: if not existing,
 * new ({@link firstDealRange}).
 */
export function customerSegment(firstDeal: LocalDate, periodStart: LocalDate): CustomerSegment {
  const existing = firstDealRange('existing', { start: periodStart, end: periodStart });
  return inDayRange(firstDeal, existing) ? 'existing' : 'new';
}

/**
 * A breakdown of `value` by percentages per segment (of any sum > 0: they are relative), as
 * whole parts that add up to `value` exactly; segments given no percentage are left out.
 */
export function breakdownFromPercents(
  value: number,
  percents: Partial<Record<CustomerSegment, number>>,
): TargetBreakdown {
  const segments = SEGMENTS.filter((s) => percents[s] !== undefined);
  if (segments.length === 0) throw new DomainError('a breakdown needs at least one segment');
  const values = largestRemainder(
    value,
    segments.map((s) => percents[s] ?? 0),
  );
  return {
    by: 'customer',
    parts: segments.map((segment, i) => ({ segment, value: values[i] ?? 0 })),
  };
}

/**
 * A breakdown of `value` over product categories by percentages (relative, as above), in the
 * order given.
 */
export function categoryBreakdownFromPercents(
  value: number,
  percents: readonly { category: string; percent: number }[],
): TargetBreakdown {
  if (percents.length === 0) throw new DomainError('a breakdown needs at least one category');
  const values = largestRemainder(
    value,
    percents.map((p) => p.percent),
  );
  return {
    by: 'category',
    parts: percents.map((p, i) => ({ category: p.category, value: values[i] ?? 0 })),
  };
}

/** The key a product category's part and progress go by (`category:software`). */
export const categoryKey = (id: string): string => `category:${id}`;

/** The key of a breakdown's part: its customer segment, or its category's {@link categoryKey}. */
function keyOf(part: TargetBreakdown['parts'][number]): string {
  return 'segment' in part ? part.segment : categoryKey(part.category);
}

/** Each part of a breakdown by key, in its order. */
export function partsOf(breakdown: TargetBreakdown): Map<string, number> {
  const parts = new Map<string, number>();
  for (const p of breakdown.parts) parts.set(keyOf(p), (parts.get(keyOf(p)) ?? 0) + p.value);
  return parts;
}

/**
 * Splits a target of `total` (a member's share, a period's part of it) in the proportions of
 * `breakdown`: whole parts by key adding up to `total` exactly.
 */
export function splitByBreakdown(total: number, breakdown: TargetBreakdown): Map<string, number> {
  const parts = partsOf(breakdown);
  const values = largestRemainder(total, [...parts.values()]);
  return new Map([...parts.keys()].map((key, i) => [key, values[i] ?? 0]));
}

/** `breakdown`'s proportions for a target of `value`, as a breakdown of it. */
export function rescaleBreakdown(value: number, breakdown: TargetBreakdown): TargetBreakdown {
  const values = [...splitByBreakdown(value, breakdown).values()];
  if (breakdown.by === 'customer') {
    return {
      by: 'customer',
      parts: breakdown.parts.map((p, i) => ({ segment: p.segment, value: values[i] ?? 0 })),
    };
  }
  return {
    by: 'category',
    parts: breakdown.parts.map((p, i) => ({ category: p.category, value: values[i] ?? 0 })),
  };
}

/**
 * The segment targets within a shown target of `total`, from what each explicit target gave
 * to it (shared/domain/targets.ts `targetsByWinner`): each contribution split by its own
 * target's breakdown, the sums then made to add up to `total` exactly. A contribution from a
 * target without a breakdown is in no segment (`unsplit`). Null when none has a breakdown.
 */
export function segmentTargets(
  total: number,
  contributions: Iterable<{ value: number; breakdown?: TargetBreakdown | null }>,
): { parts: Map<string, number>; unsplit: number } | null {
  const raw = new Map<string, number>();
  let unsplit = 0;
  let any = false;
  for (const c of contributions) {
    if (!c.breakdown) {
      unsplit += c.value;
      continue;
    }
    any = true;
    for (const [key, v] of splitByBreakdown(c.value, c.breakdown)) {
      raw.set(key, (raw.get(key) ?? 0) + v);
    }
  }
  if (!any) return null;
  const values = largestRemainder(total, [...raw.values(), unsplit]);
  return {
    parts: new Map([...raw.keys()].map((key, i) => [key, values[i] ?? 0])),
    unsplit: values[raw.size] ?? 0,
  };
}

/**
 * Progress per segment: what was won in each targeted segment against its part, then what fits
 * no part: with customer segments, what was won with no known customer (`unknown`); with
 * categories, each category won but not targeted (no target) and what was won with no category
 * (`uncategorised`). `achieved` holds what was won per key; the rests are taken from
 * `achievedTotal`, never below 0.
 */
export function segmentProgress(
  targets: ReadonlyMap<string, number>,
  achieved: ReadonlyMap<string, number>,
  achievedTotal: number,
): SegmentProgress[] {
  const won = (key: string) => achieved.get(key) ?? 0;
  const rows: SegmentProgress[] = [...targets].map(([segment, target]) => ({
    segment,
    achieved: won(segment),
    target,
    percent: attainmentPercent(won(segment), target),
  }));
  const rest = (segment: string, value: number) =>
    rows.push({ segment, achieved: Math.max(0, value), target: null, percent: null });
  const keys = [...targets.keys()];
  if (keys.some((k) => (SEGMENTS as readonly string[]).includes(k))) {
    rest('unknown', achievedTotal - won('new') - won('existing'));
  }
  if (keys.some((k) => k.startsWith('category:'))) {
    let categorised = 0;
    for (const [key, value] of achieved) {
      if (!key.startsWith('category:')) continue;
      categorised += value;
      if (!targets.has(key) && value > 0) rest(key, value);
    }
    rest('uncategorised', achievedTotal - categorised);
  }
  return rows;
}

/** What a sidebar's lookup of the thread or record on screen says of its customer. */
export type OnScreenCustomer = {
  /** Every identity the customer answers to (its key and those merged into it). */
  keys: readonly string[];
  /** Whether the rep has the customer yet (a first log with it creates it). */
  exists: boolean;
  /** The day of its first won deal (null: none yet). */
  firstDeal: LocalDate | null;
};

/**
 * What is known of a won deal's customer before the server has seen it, for its segment
 * (shared/domain/overlay.ts): the customer on screen when the deal's evidence names it (its
 * identity is one of the customer's); a customer the rep does not have yet has no earlier deal.
 * Undefined when the deal names no customer or one the sidebar has not looked up: it counts as
 * a deal with no customer until the server places it.
 */
export function knownDealCustomer(
  dealIdentity: string | null,
  onScreen: OnScreenCustomer | null,
): { firstDeal: LocalDate | null } | undefined {
  if (!dealIdentity || !onScreen?.keys.includes(dealIdentity)) return undefined;
  return { firstDeal: onScreen.exists ? onScreen.firstDeal : null };
}
