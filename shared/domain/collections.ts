import { metricLines } from './lines.ts';

// Collections (回款): money received on won deals. A collection log may name the deal log it
// pays; these are the rules of which logs it can name and what a deal is worth, read by the
// worker's ingest (worker/events/deal-links.ts), the sidebar and the popup alike.

/** The metric of a collection log (an amount, in minor units). */
export const COLLECTIONS = 'collections';

/** The logs a collection can pay: a won deal counted as a deal, as revenue, or both. */
export const PAYABLE_METRICS: ReadonlySet<string> = new Set(['deals', 'revenue']);

/** Whether a collection may name a log of `metric` as the deal it pays. */
export const isPayable = (metric: string): boolean => PAYABLE_METRICS.has(metric);

/**
 * A deal log's value for revenue, in minor units (what shared/domain/lines.ts counts it for):
 * a won deal's amount, a revenue log's quantity; null for a deal logged without a value.
 */
export function dealValue(log: {
  metric: string;
  quantity: number;
  amount?: number | null | undefined;
}): number | null {
  const revenue = metricLines({
    metric: log.metric,
    quantity: log.quantity,
    amount: log.amount ?? null,
  })
    .filter((line) => line.metric === 'revenue')
    .reduce((sum, line) => sum + line.quantity, 0);
  return revenue > 0 ? revenue : null;
}

/** Won revenue against money collected over a period: what is still to collect (never below 0). */
export function outstanding(won: number, collected: number): number {
  return Math.max(0, won - collected);
}
