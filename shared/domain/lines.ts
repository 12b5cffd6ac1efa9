// What one log counts for. Most logs count their quantity for their own metric; a won deal is
// ONE log (one undo, one evidence link) that counts one deal AND its amount as revenue. This is
// the only place that says so: the worker's ingest and rollup triggers store the amount's metric
// from here, and the sidebar's overlay (shared/domain/overlay.ts) expands logs with it, so the
// server's figures and the sidebar's count a won deal the same way.

/** Count metrics whose logs may carry an amount, and the amount metric that amount counts for. */
const AMOUNT_METRIC: Readonly<Record<string, string>> = Object.freeze({ deals: 'revenue' });

/** The amount metric a log of `metric` may carry an amount for ("deals" → "revenue"), or null. */
export function amountMetricOf(metric: string): string | null {
  return Object.hasOwn(AMOUNT_METRIC, metric) ? (AMOUNT_METRIC[metric] ?? null) : null;
}

/** A log as far as counting goes. */
export type Countable = { metric: string; quantity: number; amount?: number | null };

/** One metric's share of a log. */
export type MetricLine = { metric: string; quantity: number };

/**
 * The metric lines a log counts for: its own metric's quantity, plus (a won deal) its amount
 * for the amount metric. An amount on a metric that carries none counts for nothing.
 */
export function metricLines(log: Countable): MetricLine[] {
  const lines: MetricLine[] = [{ metric: log.metric, quantity: log.quantity }];
  const amountMetric = amountMetricOf(log.metric);
  if (amountMetric && typeof log.amount === 'number' && log.amount > 0) {
    lines.push({ metric: amountMetric, quantity: log.amount });
  }
  return lines;
}
