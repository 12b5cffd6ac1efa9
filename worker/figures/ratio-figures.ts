/**
 * A member's ratio KPIs over a period (shared/domain/ratios.ts): the parts added up over the
 * period's days of their rollups, divided once, and compared with the ratio target that applies
 * to them (their own, else their team's or an ancestor team's, as is: a ratio target is neither
 * spread over days nor split among reps).
 */
import type { LocalDate } from '../../shared/api/index.ts';
import {
  type RatioDefinition,
  type RatioParts,
  type RatioTargetCandidate,
  ratioAttainment,
  ratioTargetFor,
  ratioValue,
} from '../../shared/domain/ratios.ts';
import type { MemberRow } from '../context.ts';
import type { TargetRow } from '../targets/queries.ts';
import type { TeamRow } from '../teams/queries.ts';
import type { RollupRow } from './rollups.ts';

/** One ratio of one member (or a group) over a period. */
export interface RatioFigures {
  kpi: string;
  parts: RatioParts;
  /** The ratio of the parts; null while the denominator is 0. */
  value: number | null;
  /** The ratio target that applies, in the ratio's unit; null without one. */
  target: number | null;
  /** value / target × 100; null without either. */
  percent: number | null;
}

/** A metric's total over [start, end] from one member's rollup rows. */
function totalOf(rows: readonly RollupRow[], metric: string, start: LocalDate, end: LocalDate) {
  let sum = 0;
  for (const r of rows) {
    if (r.metric === metric && r.localDate >= start && r.localDate <= end) sum += r.total;
  }
  return sum;
}

/** The parts of a ratio of two metrics over a period, from the member's rollups. */
export function metricParts(
  def: Pick<RatioDefinition, 'numerator' | 'denominator'>,
  rows: readonly RollupRow[],
  period: { start: LocalDate; end: LocalDate },
): RatioParts {
  return {
    numerator: totalOf(rows, def.numerator, period.start, period.end),
    denominator:
      def.denominator === null ? 0 : totalOf(rows, def.denominator, period.start, period.end),
  };
}

/**
 * The ratio target for `member` over `period`: the stored targets of the ratio for the member
 * and for their team and its ancestors, chosen by shared/domain/ratios.ts (ratioTargetFor).
 */
export function ratioTargetOf(
  member: Pick<MemberRow, 'id' | 'teamId'>,
  kpi: string,
  targets: readonly TargetRow[],
  teams: readonly TeamRow[],
  period: { start: LocalDate; end: LocalDate },
): number | null {
  const depth = new Map<string, number>();
  let teamId: string | null = member.teamId;
  while (teamId !== null && !depth.has(teamId)) {
    const team = teams.find((t) => t.id === teamId);
    depth.set(teamId, team?.depth ?? 0);
    teamId = team?.parentId ?? null;
  }
  const candidates: RatioTargetCandidate[] = [];
  for (const t of targets) {
    if (t.metric !== kpi) continue;
    const at = { start: t.periodStart, end: t.periodEnd };
    if (t.scope === 'member' && t.subjectId === member.id) {
      candidates.push({ period: at, value: t.value, source: 'member' });
    } else if (t.scope === 'team' && depth.has(t.subjectId)) {
      candidates.push({
        period: at,
        value: t.value,
        source: 'team',
        depth: depth.get(t.subjectId),
      });
    }
  }
  return ratioTargetFor(candidates, period);
}

export function ratioFigures(
  def: RatioDefinition,
  parts: RatioParts,
  target: number | null,
): RatioFigures {
  const value = ratioValue(def, parts);
  return { kpi: def.id, parts, value, target, percent: ratioAttainment(value, target) };
}
