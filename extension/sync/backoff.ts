/**
 * Retry delays: exponential backoff with "full jitter" (a uniform random delay between 0 and the
 * exponential ceiling). Jitter spreads the retries of many sidebars that lost the same server at
 * the same moment, so they do not all come back in one burst.
 */
export interface BackoffPolicy {
  /** Ceiling of the first retry, in ms. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** The ceiling for the n-th consecutive failure (n ≥ 1). */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** The delay before the next attempt after `failures` consecutive failures; `random` ∈ [0, 1). */
export function backoffDelay(
  failures: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return Math.floor(random() * backoffCeiling(failures, policy));
}
