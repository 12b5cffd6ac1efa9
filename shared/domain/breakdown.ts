import type { CustomerSegment, LocalDate, SegmentProgress, TargetBreakdown } from '../api/index.ts';
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
const DEAL_METRIC = 'deals';

/** Metrics a breakdown by customer segment applies to: what a won deal counts for. */
export function canBreakDown(metric: string): boolean {
  return metric === DEAL_METRIC || metric === amountMetricOf(DEAL_METRIC);
}

/** What won deals count for `metric` (a metric {@link canBreakDown} accepts): count or amount. */
export function wonFor(metric: string, won: { deals: number; revenue: number }): number {
  return metric === DEAL_METRIC ? won.deals : won.revenue;
}

/**
 * The segment a won deal falls in for a period starting `periodStart`, from the day of the
 * customer's first won deal ever: new when that day is in the period (so all their deals of the
 * period count as new), existing when it was before. The same rule as the customer KPIs' new and
 * existing customers (shared/domain/customer-kpis.ts).
 */
export function customerSegment(firstDeal: LocalDate, periodStart: LocalDate): CustomerSegment {
  return firstDeal >= periodStart ? 'new' : 'existing';
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

/** The part of each segment in a breakdown: 0 for a segment it leaves out. */
export function partsOf(breakdown: TargetBreakdown): Record<CustomerSegment, number> {
  const parts: Record<CustomerSegment, number> = { new: 0, existing: 0 };
  for (const p of breakdown.parts) parts[p.segment] += p.value;
  return parts;
}

/**
 * Splits a target of `total` (a member's share, a period's part of it) in the proportions of
 * `breakdown`: whole parts adding up to `total` exactly.
 */
export function splitByBreakdown(
  total: number,
  breakdown: TargetBreakdown,
): Record<CustomerSegment, number> {
  const parts = partsOf(breakdown);
  const values = largestRemainder(
    total,
    SEGMENTS.map((s) => parts[s]),
  );
  return { new: values[0] ?? 0, existing: values[1] ?? 0 };
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
): (Record<CustomerSegment, number> & { unsplit: number }) | null {
  const raw = { new: 0, existing: 0, unsplit: 0 };
  let any = false;
  for (const c of contributions) {
    if (!c.breakdown) {
      raw.unsplit += c.value;
      continue;
    }
    any = true;
    const parts = splitByBreakdown(c.value, c.breakdown);
    raw.new += parts.new;
    raw.existing += parts.existing;
  }
  if (!any) return null;
  const [n, e, u] = largestRemainder(total, [raw.new, raw.existing, raw.unsplit]);
  return { new: n ?? 0, existing: e ?? 0, unsplit: u ?? 0 };
}

/**
 * Progress per segment: achieved with new and existing customers against their parts, and what
 * was won with no known customer (the rest of `achievedTotal`, never targeted).
 */
export function segmentProgress(
  targets: Record<CustomerSegment, number>,
  achieved: Record<CustomerSegment, number>,
  achievedTotal: number,
): SegmentProgress[] {
  const rows: SegmentProgress[] = SEGMENTS.map((segment) => ({
    segment,
    achieved: achieved[segment],
    target: targets[segment],
    percent: attainmentPercent(achieved[segment], targets[segment]),
  }));
  const unknown = Math.max(0, achievedTotal - achieved.new - achieved.existing);
  rows.push({ segment: 'unknown', achieved: unknown, target: null, percent: null });
  return rows;
}
