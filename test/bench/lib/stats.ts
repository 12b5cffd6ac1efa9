/** Small statistics for benchmark runs: medians, nearest-rank percentiles, spread. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(runs: readonly number[]): Spread {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** "1,234.5 (min 1,100 – max 1,300, 3 runs)" */
export function describeSpread(s: Spread, digits = 0): string {
  return `${fmt(s.median, digits)} (min ${fmt(s.min, digits)} – max ${fmt(s.max, digits)}, ${s.runs.length} runs)`;
}

export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export const pct = (fraction: number, digits = 1): string => `${fmt(fraction * 100, digits)} %`;
