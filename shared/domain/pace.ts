// Pace status of a running period (worked example in docs/architecture.md, "Pace status"):
// one word for where a member or team stands against the pace line, the same in the sidebar,
// on the board and on TV.

import type { Label } from './language.ts';

export type PaceStatus = 'on-track' | 'at-risk' | 'off-track';

/** The words for each status where the server writes them (the board's CSV). */
export const PACE_LABELS: Record<PaceStatus, Label> = {
  'on-track': { en: 'On track', zh: '进度达标' },
  'at-risk': { en: 'At risk', zh: '有风险' },
  'off-track': { en: 'Off track', zh: '进度落后' },
};

/** Behind the expected-by-now by this share of it or more is off track. */
export const OFF_TRACK_BEHIND = 0.1;

/**
 * `on-track` when the achieved reaches the expected-by-now (or the target is hit, or nothing is
 * expected yet); `off-track` when it is {@link OFF_TRACK_BEHIND} (10 %) or more below the
 * expected-by-now; `at-risk` in between. Null without a target: there is nothing to pace.
 */
export function paceStatus(p: {
  achieved: number;
  target: number;
  expectedByNow: number;
}): PaceStatus | null {
  if (!(p.target > 0)) return null;
  if (p.achieved >= p.target || p.achieved >= p.expectedByNow || !(p.expectedByNow > 0)) {
    return 'on-track';
  }
  const behind = (p.expectedByNow - p.achieved) / p.expectedByNow;
  return behind >= OFF_TRACK_BEHIND - 1e-12 ? 'off-track' : 'at-risk';
}
