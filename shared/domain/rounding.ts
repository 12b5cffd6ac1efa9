import { DomainError } from './errors.ts';

// Sum-preserving rounding (largest remainder / Hamilton method): every decomposition in Pacer
// (team → members, period → days) uses it so the integer parts add up to the whole exactly.

export type LargestRemainderOptions = {
  /**
   * Who gets the left-over units when remainders are equal. `'index'` (default): the lower index
   * first. `'spread'`: evenly along the sequence (where the running sum of the quotas crosses a
   * whole number, as a line drawn across a pixel grid), for sequences in time: 220 visits over 250
   * workdays must not all fall due in the first 220 days.
   */
  ties?: 'index' | 'spread';
};

/** Fractional part of the running quota sum at each index: small where a whole unit is crossed. */
function cumulativeCrossing(quotas: readonly number[]): number[] {
  let running = 0;
  return quotas.map((q) => {
    running += q;
    const frac = running - Math.floor(running);
    // Snap float noise (0.9999999) to the crossing it stands for. The noise grows with the running
    // sum: 30,000,000 fen over 22 workdays reaches 15,000,000 at the 11th as 14,999,999.999999998.
    const noise = Math.max(1e-9, 16 * Number.EPSILON * Math.abs(running));
    return frac > 1 - noise ? 0 : frac;
  });
}

/**
 * Splits the integer `total` into integers proportional to `weights` that sum to exactly `total`.
 * Each part is its exact quota rounded down, and the units left over go one each to the parts
 * with the largest fractional remainders; equal remainders go to the lower index first, so the
 * result is deterministic. All-zero weights split equally. A negative `total` is split like its
 * magnitude and negated. Total for any input: finite parts that add up to `total`, or a
 * DomainError for a total that is not a safe integer, a negative or non-finite weight, or a
 * non-zero total with no parts to put it in.
 */
export function largestRemainder(
  total: number,
  weights: readonly number[],
  options: LargestRemainderOptions = {},
): number[] {
  if (!Number.isSafeInteger(total)) throw new DomainError(`total must be a safe integer: ${total}`);
  let largest = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new DomainError(`weights must be finite and ≥ 0: ${w}`);
    if (w > largest) largest = w;
  }
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new DomainError(`cannot split ${total} into no parts`);
  }
  if (total < 0) return largestRemainder(-total, weights, options).map((part) => -part || 0);

  // Weights are relative: scaled into [0, 1] their sum is at most their count, and every quota
  // (total × weight / sum) stays finite and at most `total`, however large the weights (1e308).
  const effective = largest > 0 ? weights.map((w) => w / largest) : weights.map(() => 1);
  const effectiveSum = effective.reduce((sum, w) => sum + w, 0);
  const quotas = effective.map((w) => Math.min(total, (total * w) / effectiveSum));
  const parts = quotas.map((q) => Math.floor(q));
  const tieKey = options.ties === 'spread' ? cumulativeCrossing(quotas) : quotas.map((_, i) => i);
  const byRemainder = quotas
    .map((q, index) => ({ index, remainder: q - Math.floor(q) }))
    .sort(
      (a, b) =>
        b.remainder - a.remainder ||
        (tieKey[a.index] ?? 0) - (tieKey[b.index] ?? 0) ||
        a.index - b.index,
    );

  // Floating-point quotas can make the floors miss by a few units either way (never more than
  // about two per part); the difference is settled on the parts with the largest (or, when
  // taking back, smallest) remainders. Both loops are bounded by the difference itself.
  let leftover = total - parts.reduce((sum, p) => sum + p, 0);
  if (!Number.isSafeInteger(leftover) || Math.abs(leftover) > 4 * weights.length + 4) {
    throw new DomainError(`cannot split ${total} by these weights`);
  }
  for (let i = 0; leftover > 0; i++, leftover--) {
    const slot = byRemainder[i % byRemainder.length];
    if (slot) parts[slot.index] = (parts[slot.index] ?? 0) + 1;
  }
  // Taking back: the parts sum to more than total ≥ 0, so each pass finds a positive part.
  while (leftover < 0) {
    for (let i = byRemainder.length - 1; i >= 0 && leftover < 0; i--) {
      const slot = byRemainder[i];
      if (slot && (parts[slot.index] ?? 0) > 0) {
        parts[slot.index] = (parts[slot.index] ?? 0) - 1;
        leftover++;
      }
    }
  }
  return parts;
}
