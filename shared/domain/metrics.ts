import type { MetricId, MetricKind, OrgSettings } from '../api/index.ts';
import { ownValue } from './own.ts';

// The metrics a team tracks (spec §2 "Metrics"): the built-ins plus the team's custom ones,
// each with the points one unit earns.

/** A metric as the UI and the rules see it. */
export type MetricDefinition = {
  id: MetricId;
  kind: MetricKind;
  label: { en: string; zh: string };
  /** Points per unit; always 0 for amount metrics (a revenue cent is not an activity). */
  points: number;
  builtin: boolean;
};

/** The built-in metrics with their default points (email 1, call 2, lead 2, meeting 3, visit 5, deal 10). */
export const BUILTIN_METRICS: readonly MetricDefinition[] = Object.freeze([
  { id: 'revenue', kind: 'amount', label: { en: 'Revenue', zh: '业绩' }, points: 0, builtin: true },
  { id: 'deals', kind: 'count', label: { en: 'Deals', zh: '订单' }, points: 10, builtin: true },
  { id: 'calls', kind: 'count', label: { en: 'Calls', zh: '电话' }, points: 2, builtin: true },
  { id: 'visits', kind: 'count', label: { en: 'Visits', zh: '拜访' }, points: 5, builtin: true },
  {
    id: 'meetings',
    kind: 'count',
    label: { en: 'Meetings', zh: '会议' },
    points: 3,
    builtin: true,
  },
  { id: 'emails', kind: 'count', label: { en: 'Emails', zh: '邮件' }, points: 1, builtin: true },
  { id: 'leads', kind: 'count', label: { en: 'Leads', zh: '新线索' }, points: 2, builtin: true },
] satisfies MetricDefinition[]);

/** The settings fields the metric rules read. */
export type MetricSettings = Pick<OrgSettings, 'customMetrics' | 'points'>;

/**
 * Every metric of a team: built-ins first, then custom metrics in their order. A custom metric
 * cannot replace a built-in (its id is ignored if it repeats one), so `revenue` always means
 * revenue. Points come from `settings.points` when listed there, else the metric's default;
 * amount metrics always earn 0.
 */
export function metricCatalog(settings: MetricSettings): MetricDefinition[] {
  const builtinIds = new Set(BUILTIN_METRICS.map((m) => m.id));
  const custom = settings.customMetrics
    .filter((m) => !builtinIds.has(m.id))
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      label: m.label,
      points: m.points ?? 0,
      builtin: false,
    }));
  return [...BUILTIN_METRICS, ...custom].map((m) => ({
    ...m,
    label: { ...m.label },
    points: m.kind === 'amount' ? 0 : (ownValue(settings.points, m.id) ?? m.points),
  }));
}

/** The metric `id` in the team's catalog, or undefined when the team has no such metric. */
export function findMetric(id: string, settings: MetricSettings): MetricDefinition | undefined {
  return metricCatalog(settings).find((m) => m.id === id);
}

/** Points one unit of `metric` earns for this team; 0 for amount metrics and unknown ids. */
export function pointsWeight(metric: string, settings: MetricSettings): number {
  return findMetric(metric, settings)?.points ?? 0;
}
