/**
 * The team review as CSV, written by the exports' own writer (worker/exports/csv.ts: formula
 * neutralising, BOM, CRLF). Amounts go in major units with the currency's decimals beside a
 * `currency` column, as the other exports write them; reflections are the reps' own words.
 */
import type { OrgSettings, TeamReviewResponse } from '../../shared/api/index.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { amountText } from '../../shared/domain/money.ts';
import { csvResponse, toCsv } from '../exports/csv.ts';

const HEADER = [
  'member',
  'member_id',
  'period',
  'period_start',
  'period_end',
  'metric',
  'achieved',
  'plan',
  'currency',
  'percent',
  'bottleneck',
  'bottleneck_share_percent',
  'summary_en',
  'summary_zh',
  'what_worked',
  'what_to_change',
  'next_focus',
  'reflection_updated_at',
] as const;

export function teamReviewCsv(review: TeamReviewResponse, settings: OrgSettings): Response {
  const amount = findMetric(review.primaryMetric, settings)?.kind === 'amount';
  const cell = (v: number) => (amount ? amountText(v, review.currency) : v);
  const rows = review.rows.map((r) => [
    r.member.name,
    r.member.id,
    review.period.kind,
    review.period.start,
    review.period.end,
    r.metric,
    cell(r.achieved),
    cell(r.plan),
    amount ? review.currency : '',
    r.percent === null ? null : Math.round(r.percent * 10) / 10,
    r.bottleneck?.stage ?? '',
    r.bottleneck ? Math.round(r.bottleneck.share * 1000) / 10 : null,
    r.sentence.en,
    r.sentence.zh,
    r.reflection?.worked ?? '',
    r.reflection?.change ?? '',
    r.reflection?.focus ?? '',
    r.reflection?.updatedAt ?? '',
  ]);
  const safe = review.team.id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return csvResponse(
    toCsv(HEADER, rows),
    `review-${safe}-${review.period.kind}-${review.period.start}.csv`,
  );
}
