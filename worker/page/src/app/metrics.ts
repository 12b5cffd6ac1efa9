/** The page's view of the org's metrics: the shared catalog (built-ins + custom) in its language. */
import type { OrgSettings } from '../../../../shared/api/index.ts';
import {
  findMetric,
  type MetricDefinition,
  metricCatalog,
} from '../../../../shared/domain/index.ts';
import { locale } from '../i18n/index.ts';

export const orgMetrics = (settings: OrgSettings): MetricDefinition[] => metricCatalog(settings);

export const metricKind = (settings: OrgSettings, id: string): 'count' | 'amount' =>
  findMetric(id, settings)?.kind ?? 'count';

export function metricLabel(id: string, settings: OrgSettings): string {
  const metric = findMetric(id, settings);
  if (!metric) return id;
  return locale.value === 'zh-CN' ? metric.label.zh : metric.label.en;
}
