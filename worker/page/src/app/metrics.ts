/** The page's view of the org's metrics: the shared catalog (built-ins + custom) in its language. */
import type { OrgSettings } from '../../../../shared/api/index.ts';
import {
  findMetric,
  type MetricDefinition,
  metricCatalog,
  metricLabel as nameOf,
} from '../../../../shared/domain/index.ts';
import { locale } from '../i18n/index.ts';

export const orgMetrics = (settings: OrgSettings): MetricDefinition[] => metricCatalog(settings);

export const metricKind = (settings: OrgSettings, id: string): 'count' | 'amount' =>
  findMetric(id, settings)?.kind ?? 'count';

/** A metric's name in the page's language (the shared table; a custom metric's own label). */
export const metricLabel = (id: string, settings: OrgSettings): string =>
  nameOf(id, locale.value, findMetric(id, settings)?.label);
