import type { LocalDate, OrgSettings } from '../api/index.ts';
import { type MetricSettings, metricCatalog } from './metrics.ts';
import { ownValue } from './own.ts';

// Points (docs/architecture.md, "Points and fair play"): count metrics earn points per unit; logs without evidence may earn a reduced share; a qualifying day reaches the daily goal.

/** Quantities per metric id, e.g. `{ calls: 12, visits: 2 }`. */
export type Quantities = Readonly<Record<string, number | undefined>>;

/** The settings fields the points rules read. */
export type PointsSettings = MetricSettings &
  Partial<Pick<OrgSettings, 'manualLogPointsPercent' | 'dailyPointsGoal'>>;

/** Options of {@link pointsFor}. */
export type PointsOptions = {
  /**
   * The part of each metric's quantity that was logged by hand, without evidence (no source
   * URL). It earns `manualLogPointsPercent` of full points; the rest earns full points.
   */
  manualShare?: Quantities;
};

function weightsOf(settings: PointsSettings): Map<string, number> {
  return new Map(metricCatalog(settings).map((m) => [m.id, m.points]));
}

function pointsWith(
  weights: ReadonlyMap<string, number>,
  quantities: Quantities,
  manualPercent: number,
  manualShare: Quantities | undefined,
): number {
  let points = 0;
  for (const [metric, rawQuantity] of Object.entries(quantities)) {
    const weight = weights.get(metric) ?? 0;
    const quantity = typeof rawQuantity === 'number' && rawQuantity > 0 ? rawQuantity : 0;
    const manual = Math.min(
      quantity,
      Math.max(0, (manualShare && ownValue(manualShare, metric)) ?? 0),
    );
    // Partial points for manual logs round down per metric, so weighting never adds points.
    points += weight * (quantity - manual) + Math.floor((weight * manual * manualPercent) / 100);
  }
  return points;
}

/**
 * Points earned by these quantities: Σ weight × quantity over count metrics (amount and unknown
 * metrics earn 0), manual logs weighted by `settings.manualLogPointsPercent` (default 100).
 */
export function pointsFor(
  quantitiesByMetric: Quantities,
  settings: PointsSettings,
  options: PointsOptions = {},
): number {
  return pointsWith(
    weightsOf(settings),
    quantitiesByMetric,
    settings.manualLogPointsPercent ?? 100,
    options.manualShare,
  );
}

/** Quantities per local day, as a Map or a plain object keyed by `YYYY-MM-DD`. */
export type QuantitiesByDay =
  | ReadonlyMap<LocalDate, Quantities>
  | Readonly<Record<LocalDate, Quantities>>;

function entriesOf(byDay: QuantitiesByDay): [LocalDate, Quantities][] {
  return byDay instanceof Map
    ? [...byDay.entries()]
    : Object.entries(byDay as Record<LocalDate, Quantities>);
}

/** Points per local day (see {@link pointsFor}); `manualByDay` gives each day's manual share. */
export function pointsByDay(
  quantitiesByDay: QuantitiesByDay,
  settings: PointsSettings,
  options: { manualByDay?: QuantitiesByDay } = {},
): Map<LocalDate, number> {
  const weights = weightsOf(settings);
  const manualByDay = new Map(options.manualByDay ? entriesOf(options.manualByDay) : []);
  const result = new Map<LocalDate, number>();
  for (const [day, quantities] of entriesOf(quantitiesByDay)) {
    result.set(
      day,
      pointsWith(weights, quantities, settings.manualLogPointsPercent ?? 100, manualByDay.get(day)),
    );
  }
  return result;
}

/** A qualifying day: the day's points reach the team's daily goal (default 20). */
export function isQualifyingDay(
  points: number,
  settings: Pick<PointsSettings, 'dailyPointsGoal'>,
): boolean {
  return points >= (settings.dailyPointsGoal ?? 20);
}
