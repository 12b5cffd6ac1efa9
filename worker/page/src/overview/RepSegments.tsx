/**
 * On the board, for managers: each rep whose target of the board's metric is split by customer
 * segment or product category, with every part won against its target over the board's period
 * (`GET /targets/segments/reps`; the rule: shared/domain/breakdown.ts), the same figures the
 * rep's sidebar shows under the primary bar. Nothing when no rep's target is split.
 */
import type {
  LeaderboardResponse,
  OrgSettings,
  SegmentProgress,
} from '../../../../shared/api/index.ts';
import { canBreakDown } from '../../../../shared/domain/breakdown.ts';
import { formatFigure, formatPercent } from '../app/format.ts';
import { figureKind } from '../app/metrics.ts';
import { useAsync } from '../app/use-async.ts';
import { locale, t } from '../i18n/index.ts';
import { loadRepSegments } from './api.ts';

const FIXED = ['new', 'existing', 'unknown', 'uncategorised'] as const;
const isFixed = (s: string): s is (typeof FIXED)[number] =>
  (FIXED as readonly string[]).includes(s);

export function RepSegments({
  board,
  metric,
  settings,
}: {
  board: LeaderboardResponse;
  metric: string;
  settings: OrgSettings;
}) {
  const m = t.value.repSegments;
  const names = t.value.segments;
  const { start, end } = board.period;
  const split = canBreakDown(metric);
  const result = useAsync(
    () =>
      split
        ? loadRepSegments(board.team.id, start, end, metric)
        : Promise.resolve({ metric, period: { start, end }, reps: [] }),
    `${board.team.id}|${start}|${end}|${metric}`,
  );
  const reps = result.data?.reps ?? [];
  if (reps.length === 0) return null;
  const lang = locale.value;
  const kind = figureKind(settings, metric);
  const show = (v: number) => formatFigure(v, kind, settings.currency, lang);
  const label = (s: SegmentProgress) =>
    s.label ?? (isFixed(s.segment) ? names[s.segment] : s.segment.replace(/^category:/, ''));
  return (
    <section class="card rep-segments" aria-labelledby="rep-segments-title" data-rep-segments>
      <h2 id="rep-segments-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <ul class="rep-segment-list">
        {reps.map((rep) => (
          <li key={rep.member.id} data-member={rep.member.id}>
            <h3>{rep.member.name}</h3>
            <dl>
              {rep.segments
                // What fits no part only when something was won so, as the sidebar shows it.
                .filter((s) => s.target !== null || s.achieved > 0)
                .map((s) => (
                  <div key={s.segment} data-segment={s.segment}>
                    <dt>{label(s)}</dt>
                    <dd>
                      <span class="won">{show(s.achieved)}</span>
                      {s.target !== null && <span class="muted"> {m.of(show(s.target))}</span>}
                      {s.percent !== null && (
                        <>
                          <span class="pct"> · {formatPercent(s.percent, lang)}</span>
                          <span class="bar" aria-hidden="true">
                            <span style={{ width: `${Math.min(100, s.percent)}%` }} />
                          </span>
                        </>
                      )}
                    </dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
