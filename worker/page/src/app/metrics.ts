/**
 * The page's view of the org's metrics: the shared catalog (built-ins + custom) in its language,
 * and the ratio KPIs (shared/domain/ratios.ts) a board ranks and targets beside them.
 */
import type { OrgSettings } from '../../../../shared/api/index.ts';
import {
  type FigureKind,
  findMetric,
  findRatio,
  type MetricDefinition,
  metricCatalog,
  metricLabel as nameOf,
  RATIO_KPIS,
  type RatioDefinition,
  ratioLabel,
} from '../../../../shared/domain/index.ts';
import { locale } from '../i18n/index.ts';

export const orgMetrics = (settings: OrgSettings): MetricDefinition[] => metricCatalog(settings);

export const metricKind = (settings: OrgSettings, id: string): 'count' | 'amount' =>
  findMetric(id, settings)?.kind ?? 'count';

/** The ratio KPIs a board can rank and a manager can target. */
export const orgRatios = (): readonly RatioDefinition[] => RATIO_KPIS;

/** How a metric's or a ratio's figures read: count, amount, money per unit or percent. */
export const figureKind = (settings: OrgSettings, id: string): FigureKind =>
  findRatio(id)?.format ?? metricKind(settings, id);

/**
 * A metric's or ratio's name in the page's language (the shared tables; a custom metric's own
 * label).
 */
export const metricLabel = (id: string, settings: OrgSettings): string =>
  findRatio(id)
    ? ratioLabel(id, locale.value)
    : nameOf(id, locale.value, findMetric(id, settings)?.label);
