/**
 * A stored target broken down by customer segment, on the board: each part against what the
 * team (or member) won in it over the target's period, and what was won with no known customer
 * (`GET /targets/:id/segments`).
 */
import type { SegmentProgress as Segment } from '../../../../shared/api/index.ts';
import { formatPercent } from '../app/format.ts';
import { useAsync } from '../app/use-async.ts';
import { locale, t } from '../i18n/index.ts';
import { loadSegments } from './api.ts';

export function SegmentProgress({
  targetId,
  refresh,
  show,
}: {
  targetId: string;
  /** Changes when the target is saved again. */
  refresh: string;
  show: (v: number) => string;
}) {
  const m = t.value.segments;
  const segments = useAsync(() => loadSegments(targetId), `${targetId}|${refresh}`);
  if (!segments.data) return null;
  const label = (s: Segment) =>
    s.label ??
    (s.segment === 'new' ||
    s.segment === 'existing' ||
    s.segment === 'unknown' ||
    s.segment === 'uncategorised'
      ? m[s.segment]
      : s.segment);
  return (
    <section class="card segment-progress" data-segment-progress aria-labelledby="segments-title">
      <h3 id="segments-title">{m.progress}</h3>
      <table class="shares">
        <tbody>
          {segments.data.map((s) => (
            <tr key={s.segment} data-segment={s.segment}>
              <th scope="row">{label(s)}</th>
              <td class="num" data-achieved={s.achieved}>
                {show(s.achieved)}
              </td>
              <td class="num">{s.target === null ? m.notTargeted : show(s.target)}</td>
              <td class="num percent">
                {s.percent !== null && (
                  <>
                    <span class="pct">{formatPercent(s.percent, locale.value)}</span>
                    <span class="bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, s.percent)}%` }} />
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
