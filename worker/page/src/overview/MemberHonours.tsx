/**
 * A member's honours (docs/architecture.md, "Contests"): the contest rounds they won, newest first,
 * with the round's dates, the winning sub-team (team against team) and the winning value. Read
 * from `GET /api/v1/members/:id/honours` (the member themselves or their managers); all text is
 * rendered as text.
 */
import { formatMetricValue } from '../app/format.ts';
import { metricKind } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { contestMetricLabel } from '../contests/ContestCard.tsx';
import { locale, t } from '../i18n/index.ts';
import { loadHonours } from './api.ts';

export function MemberHonours({ memberId, title }: { memberId: string; title: string }) {
  const m = t.value.honours;
  const settings = me.value?.org.settings;
  const honours = useAsync(() => loadHonours(memberId), `honours:${memberId}`);
  if (!settings) return null;
  const list = honours.data?.honours ?? [];
  const lang = locale.value;
  return (
    <div class="member-honours" data-honours-of={memberId}>
      <h3>{title}</h3>
      {list.length === 0 && !honours.loading && <p class="muted">{m.noWins}</p>}
      <ul class="plain-list">
        {list.map((h) => {
          const metric = h.contest.metric;
          const kind =
            metric === null || metric === 'points' ? 'count' : metricKind(settings, metric);
          const value =
            h.value === null ? null : formatMetricValue(h.value, kind, settings.currency, lang);
          return (
            <li
              key={`${h.contest.id}:${h.round.start}`}
              data-honour={h.contest.id}
              data-round={h.round.start}
            >
              <span aria-hidden="true">🏆</span>
              <strong class="honour-contest">{h.contest.name}</strong>
              <span class="muted honour-round">
                {h.round.start} – {h.round.end}
              </span>
              {h.team && (
                <span class="honour-team">
                  {m.team}
                  {h.team.name}
                </span>
              )}
              {h.team && value !== null && <span aria-hidden="true"> · </span>}
              {value !== null && (
                <span class="honour-value">
                  {value}
                  {metric !== null && ` ${contestMetricLabel(metric, settings)}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
