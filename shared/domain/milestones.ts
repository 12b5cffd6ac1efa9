// Milestones (docs/architecture.md, "Milestones"): crossing 25 / 50 / 75 / 100 / 120 % of the primary target in a period
// fires a celebration once per member, period and threshold.

export const MILESTONE_THRESHOLDS: readonly number[] = Object.freeze([25, 50, 75, 100, 120]);

/** Input to {@link crossedMilestones}. */
export type MilestoneInput = {
  /** Primary-metric attainment in percent; null when there is no target (nothing fires). */
  percent: number | null;
  /** Thresholds already fired for this member and period (from the server, any device). */
  alreadyFired: Iterable<number>;
  thresholds?: readonly number[];
};

/**
 * Thresholds reached but not yet fired, ascending. Firing is idempotent: once the caller records
 * what it fired, asking again returns nothing new, on any device. Several thresholds crossed at
 * once (a big deal) all come back, so each can be recorded; the UI may celebrate only the last.
 */
export function crossedMilestones({
  percent,
  alreadyFired,
  thresholds = MILESTONE_THRESHOLDS,
}: MilestoneInput): number[] {
  if (percent === null || !Number.isFinite(percent)) return [];
  const fired = new Set(alreadyFired);
  return [...thresholds].sort((a, b) => a - b).filter((t) => percent >= t && !fired.has(t));
}
