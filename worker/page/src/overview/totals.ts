/**
 * A board's figures for the whole of its rows (the gauge, the TV header): achieved and target
 * added up; for a ratio KPI (shared/domain/ratios.ts) the rows' parts added up and divided once,
 * measured against the ratio target when every row has the same one (a team's ratio target is
 * each of its reps').
 */
import type { LeaderboardEntry } from '../../../../shared/api/index.ts';
import {
  addParts,
  findRatio,
  ratioAttainment,
  ratioValue,
} from '../../../../shared/domain/ratios.ts';

export interface BoardTotals {
  /** null: a ratio without a denominator (no deals yet). */
  achieved: number | null;
  /** 0 without a target. */
  target: number;
  percent: number | null;
}

export function boardTotals(
  entries: readonly Pick<LeaderboardEntry, 'achieved' | 'target' | 'parts'>[],
  metric: string,
): BoardTotals {
  const ratio = findRatio(metric);
  if (ratio) {
    const value = ratioValue(ratio, addParts(entries.map((e) => e.parts ?? NONE)));
    const targets = new Set(entries.map((e) => e.target));
    const [only] = targets;
    const target = targets.size === 1 && only !== undefined ? only : 0;
    return { achieved: value, target, percent: ratioAttainment(value, target > 0 ? target : null) };
  }
  let achieved = 0;
  let target = 0;
  for (const e of entries) {
    achieved += e.achieved;
    target += e.target;
  }
  return { achieved, target, percent: target > 0 ? (achieved / target) * 100 : null };
}

const NONE = { numerator: 0, denominator: 0 };
