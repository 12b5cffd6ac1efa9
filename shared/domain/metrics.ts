import type { MetricId, MetricKind, OrgSettings } from '../api/index.ts';
import { inLanguage, intlLocale, type Label } from './language.ts';
import { ownValue } from './own.ts';

// The metrics a team tracks: the built-ins plus the team's custom ones, each with the points one
// unit earns and its names. This table is the only place a built-in metric is named, for the
// sidebar, popup, options, leaderboard page and TV alike.

/** A metric as the UI and the rules see it. */
export type MetricDefinition = {
  id: MetricId;
  kind: MetricKind;
  /** Its name as a heading or counter ("Calls"). */
  label: Label;
  /** One unit of it in a sentence ("Logged call for Ada"); a custom metric's is its label. */
  unit: Label;
  /** Points per unit; always 0 for amount metrics (a revenue cent is not an activity). */
  points: number;
  builtin: boolean;
};

const builtin = (
  id: MetricId,
  kind: MetricKind,
  points: number,
  label: Label,
  unit: Label,
): MetricDefinition => ({ id, kind, label, unit, points, builtin: true });

/**
 * The built-in metrics with their default points (email 1, call 2, lead 2, meeting 3, visit 5,
 * deal 10); the amounts (revenue, collections) earn none.
 */
export const BUILTIN_METRICS: readonly MetricDefinition[] = Object.freeze([
  builtin('revenue', 'amount', 0, { en: 'Revenue', zh: '业绩' }, { en: 'revenue', zh: '业绩' }),
  builtin('deals', 'count', 10, { en: 'Deals', zh: '订单' }, { en: 'deal', zh: '订单' }),
  builtin('calls', 'count', 2, { en: 'Calls', zh: '电话' }, { en: 'call', zh: '电话' }),
  builtin('visits', 'count', 5, { en: 'Visits', zh: '拜访' }, { en: 'visit', zh: '拜访' }),
  builtin('meetings', 'count', 3, { en: 'Meetings', zh: '会议' }, { en: 'meeting', zh: '会议' }),
  builtin('emails', 'count', 1, { en: 'Emails', zh: '邮件' }, { en: 'email', zh: '邮件' }),
  builtin('leads', 'count', 2, { en: 'Leads', zh: '线索' }, { en: 'lead', zh: '线索' }),
  // Money received on deals (回款); a collection log may name the deal log it pays (`deal`).
  builtin(
    'collections',
    'amount',
    0,
    { en: 'Collections', zh: '回款' },
    { en: 'collection', zh: '回款' },
  ),
]);

const builtinById = new Map(BUILTIN_METRICS.map((m) => [m.id, m]));

/**
 * A metric's name in the language of `tag`: a built-in's from the table above, else the custom
 * metric's own label, else its id (a metric this version does not know yet).
 */
export function metricLabel(id: string, tag: string, custom?: Label | null): string {
  const label = builtinById.get(id)?.label ?? custom;
  return label ? inLanguage(label, tag) : id;
}

/** One unit of a metric in a sentence ("call", "电话"); a custom metric's label stands for it. */
export function metricUnit(id: string, tag: string, custom?: Label | null): string {
  const unit = builtinById.get(id)?.unit ?? custom;
  return unit ? inLanguage(unit, tag) : id;
}

/**
 * A count of a metric in running text, singular or plural as `Intl.PluralRules` says for the
 * count: "1 call", "2 calls", "2 电话". `formatted` is the count as already formatted.
 */
export function metricCount(
  id: string,
  count: number,
  formatted: string,
  tag: string,
  custom?: Label | null,
): string {
  const locale = intlLocale(tag);
  const one = new Intl.PluralRules(locale).select(count) === 'one';
  const noun = one ? metricUnit(id, tag, custom) : metricLabel(id, tag, custom);
  return `${formatted} ${noun.toLocaleLowerCase(locale)}`;
}

/** The settings fields the metric rules read. */
export type MetricSettings = Pick<OrgSettings, 'customMetrics' | 'points'>;

/**
 * Every metric of a team: built-ins first, then custom metrics in their order. A custom metric
 * cannot replace a built-in (its id is ignored if it repeats one), so `revenue` always means
 * revenue. Points come from `settings.points` when listed there, else the metric's default;
 * amount metrics always earn 0.
 */
export function metricCatalog(settings: MetricSettings): MetricDefinition[] {
  const custom = settings.customMetrics
    .filter((m) => !builtinById.has(m.id))
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      label: m.label,
      unit: m.label,
      points: m.points ?? 0,
      builtin: false,
    }));
  return [...BUILTIN_METRICS, ...custom].map((m) => ({
    ...m,
    label: { ...m.label },
    unit: { ...m.unit },
    points: m.kind === 'amount' ? 0 : (ownValue(settings.points, m.id) ?? m.points),
  }));
}

/** The metric `id` in the team's catalog, or undefined when the team has no such metric. */
export function findMetric(id: string, settings: MetricSettings): MetricDefinition | undefined {
  return metricCatalog(settings).find((m) => m.id === id);
}
