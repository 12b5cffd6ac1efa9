import type { Tier, TierStatus } from '../api/index.ts';
import { DomainError } from './errors.ts';

// Incentive tiers (阶梯激励): a ladder on primary-metric attainment (docs/architecture.md,
// "Incentive tiers").

/** The default ladder: Base ≥ 80 %, Sprint ≥ 100 %, Breakthrough ≥ 120 %; below 80 % no tier. */
export const DEFAULT_TIERS: readonly Tier[] = Object.freeze([
  { id: 'base', threshold: 80, name: { en: 'Base', zh: '基础' }, reward: '' },
  { id: 'sprint', threshold: 100, name: { en: 'Sprint', zh: '进阶' }, reward: '' },
  { id: 'breakthrough', threshold: 120, name: { en: 'Breakthrough', zh: '突破' }, reward: '' },
]);

/**
 * The smallest whole number of units that reaches `threshold` % of `target`. Compared as
 * `units × 100 ≥ threshold × target` so no division rounding can move a boundary.
 */
export function unitsToReach(threshold: number, target: number): number {
  const estimate = Math.ceil((threshold * target) / 100);
  if ((estimate - 1) * 100 >= threshold * target) return estimate - 1;
  return estimate * 100 >= threshold * target ? estimate : estimate + 1;
}

/** Input to {@link tierStatus}. */
export type TierInput = {
  /** Achieved on the primary metric in the incentive period, in its own units. */
  achieved: number;
  /** The primary metric's target for that period. */
  target: number;
  ladder: readonly Tier[];
};

/**
 * The current tier (highest reached), the next one, and how many units are missing to reach it
 * (`ceil(threshold × target / 100) − achieved`). With no target (0) nothing can be reached: all
 * null. At the top tier `next` and `toNext` are null.
 */
export function tierStatus({ achieved, target, ladder }: TierInput): TierStatus {
  // Past safe integers the comparisons below would round (or overflow to Infinity).
  if (
    !(Math.abs(achieved) <= Number.MAX_SAFE_INTEGER && Math.abs(target) <= Number.MAX_SAFE_INTEGER)
  ) {
    throw new DomainError(`achieved and target must be safe numbers: ${achieved}, ${target}`);
  }
  if (!(target > 0)) return { current: null, next: null, toNext: null };
  const rising = [...ladder].sort((a, b) => a.threshold - b.threshold);
  const reached = (tier: Tier) => achieved * 100 >= tier.threshold * target;
  const current = rising.filter(reached).at(-1) ?? null;
  const next = rising.find((tier) => !reached(tier)) ?? null;
  return {
    current: current?.id ?? null,
    next: next?.id ?? null,
    toNext: next ? unitsToReach(next.threshold, target) - achieved : null,
  };
}
