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
    // Snap float noise (0.9999999) to the crossing it stands for.
    return frac > 1 - 1e-9 ? 0 : frac;
  });
}

/**
 * Splits the integer `total` into integers proportional to `weights` that sum to exactly `total`.
 * Each part is its exact quota rounded down, and the units left over go one each to the parts
 * with the largest fractional remainders; equal remainders go to the lower index first, so the
 * result is deterministic. All-zero weights split equally. A negative `total` is split like its
 * magnitude and negated. Throws RangeError for a non-integer total, a negative or non-finite
 * weight, or a non-zero total with no parts to put it in.
 */
export function largestRemainder(
  total: number,
  weights: readonly number[],
  options: LargestRemainderOptions = {},
): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`total must be a safe integer: ${total}`);
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weights must be finite and ≥ 0: ${w}`);
  }
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`cannot split ${total} into no parts`);
  }
  if (total < 0) return largestRemainder(-total, weights, options).map((part) => -part || 0);

  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const effective = weightSum > 0 ? weights : weights.map(() => 1);
  const effectiveSum = weightSum > 0 ? weightSum : weights.length;
  const quotas = effective.map((w) => (total * w) / effectiveSum);
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

  // Floating-point quotas can make the floors miss by a unit either way; the loop below settles
  // the difference on the parts with the largest (or, when taking back, smallest) remainders.
  let leftover = total - parts.reduce((sum, p) => sum + p, 0);
  for (let i = 0; leftover > 0; i = (i + 1) % byRemainder.length, leftover--) {
    const slot = byRemainder[i];
    if (slot) parts[slot.index] = (parts[slot.index] ?? 0) + 1;
  }
  for (let i = byRemainder.length - 1; leftover < 0; i = i > 0 ? i - 1 : byRemainder.length - 1) {
    const slot = byRemainder[i];
    if (slot && (parts[slot.index] ?? 0) > 0) {
      parts[slot.index] = (parts[slot.index] ?? 0) - 1;
      leftover++;
    }
  }
  return parts;
}
