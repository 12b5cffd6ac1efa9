import {
  isRanking,
  type LeaderboardResponse,
  type OrgSettings,
} from '../../../../shared/api/index.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { inLanguage } from '../../../../shared/domain/language.ts';
import { findRatio } from '../../../../shared/domain/ratios.ts';
import { filters } from '../app/filters.ts';
import { formatFigure, formatPercent } from '../app/format.ts';
import { figureKind, metricLabel } from '../app/metrics.ts';
import { isManager, me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { locale, t } from '../i18n/index.ts';
import { plural } from '../i18n/plural.ts';
import { exportLinks, loadChampions, loadLeaderboard, loadTrends } from './api.ts';
import { BoardFilters } from './BoardFilters.tsx';
import { Gauge } from './Gauge.tsx';
import { LeaderboardTable } from './LeaderboardTable.tsx';
import { MemberHonours } from './MemberHonours.tsx';
import { periodJustBegun } from './movers.ts';
import { RepSegments } from './RepSegments.tsx';
import { boardTotals } from './totals.ts';

/** The metric behind achieved/target: the ranked metric, else the org's primary metric. */
export const boardMetric = (by: string, settings: OrgSettings) =>
  isRanking(by) ? settings.primaryMetric : by;

function Summary({ board, settings }: { board: LeaderboardResponse; settings: OrgSettings }) {
  const m = t.value.gauge;
  const lang = locale.value;
  const metric = boardMetric(board.by, settings);
  const kind = figureKind(settings, metric);
  const show = (v: number | null) =>
    v === null ? '\u2014' : formatFigure(v, kind, settings.currency, lang, true);
  const ownOnly = !isManager.value && board.privacy !== 'open';
  // Sums over the shown rows (a ratio's parts pooled): the whole team, or only the viewer
  // where privacy hides the others.
  const totals = boardTotals(
    ownOnly ? board.entries.filter((e) => e.member.id === me.value?.member.id) : board.entries,
    metric,
  );
  const firstTier = settings.tiers.ladder[0];
  const baseLine = firstTier?.threshold ?? null;
  return (
    <section class="card summary" aria-labelledby="gauge-title">
      <h2 id="gauge-title">
        {ownOnly ? m.ownOnly : m.title} · {metricLabel(metric, settings)}
      </h2>
      <Gauge
        percent={totals.percent}
        baseLine={baseLine}
        ticks={settings.tiers.ladder.map((tier) => tier.threshold)}
        label={`${m.title}: ${formatPercent(totals.percent, lang)}`}
        percentText={formatPercent(totals.percent, lang)}
      />
      <dl class="figures">
        <div>
          <dt>{m.achieved}</dt>
          <dd data-figure="achieved">{show(totals.achieved)}</dd>
        </div>
        <div>
          <dt>{m.target}</dt>
          <dd data-figure="target">{totals.target > 0 ? show(totals.target) : m.noTarget}</dd>
        </div>
        {firstTier && baseLine !== null && totals.target > 0 && (
          <div>
            <dt>{m.firstTier(inLanguage(firstTier.name, lang))}</dt>
            <dd data-figure="base">{show(Math.round((totals.target * baseLine) / 100))}</dd>
          </div>
        )}
      </dl>
      <p class="muted period-range">
        {board.period.start} – {board.period.end}
      </p>
    </section>
  );
}

function Honours({ board }: { board: LeaderboardResponse }) {
  const m = t.value.honours;
  const q = filters.value;
  const result = useAsync(
    () => loadChampions(q, board.period.start),
    `${q.teamId}|${q.period}|${board.period.start}`,
  );
  const champions = result.data?.champions ?? [];
  return (
    <section class="card honours" aria-labelledby="honours-title">
      <h2 id="honours-title">{m.title}</h2>
      <p class="muted">{m.champion}</p>
      {champions.length === 0 ? (
        <p class="muted">{result.loading ? t.value.loading : m.none}</p>
      ) : (
        <ul class="champions">
          {champions.map((c) => (
            <li key={c.member.id}>
              <span aria-hidden="true">🏆 </span>
              {c.member.name} · {formatPercent(c.percent, locale.value)}
            </li>
          ))}
        </ul>
      )}
      {result.data && (
        <p class="muted small">
          {result.data.period.start} – {result.data.period.end}
        </p>
      )}
      {/* A rep's own history; managers see each member's in the Team tab. */}
      {!isManager.value && me.value && (
        <MemberHonours memberId={me.value.member.id} title={m.yours} />
      )}
    </section>
  );
}

function Exports({ board }: { board: LeaderboardResponse }) {
  const m = t.value.csv;
  const links = exportLinks(
    filters.value,
    { from: board.period.start, to: board.period.end },
    locale.value,
  );
  return (
    <section class="card exports" aria-labelledby="export-title">
      <h2 id="export-title">{m.title}</h2>
      <a class="button" download href={links.leaderboard}>
        ⬇ {m.leaderboard}
      </a>
      <a class="button" download href={links.events}>
        ⬇ {m.events}
      </a>
    </section>
  );
}

/** Today's first logs, when the period has just begun and most of the team is still at zero. */
function Movers({ teamId }: { teamId: string }) {
  const m = t.value.table;
  const today = useAsync(
    () => loadLeaderboard({ teamId, period: 'day', date: undefined, by: 'points' }),
    teamId,
  );
  const movers = (today.data?.entries ?? []).filter((e) => e.points > 0).slice(0, 5);
  if (!today.data) return null;
  return (
    <section class="movers" aria-label={m.movers} data-testid="movers">
      <h3>{m.movers}</h3>
      <p class="muted">{movers.length > 0 ? m.moversLead : m.moversNone}</p>
      {movers.length > 0 && (
        <ol>
          {movers.map((e) => (
            <li key={e.member.id}>
              {e.member.name} <strong>+{plural(e.points, m.pointsShort, locale.value)}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Board({ board, settings }: { board: LeaderboardResponse; settings: OrgSettings }) {
  const m = t.value.table;
  const metric = boardMetric(board.by, settings);
  // A ratio has no daily values worth a line (it is never per day): its numerator's are drawn.
  const trendMetric = findRatio(metric)?.numerator ?? metric;
  const trends = useAsync(
    () => loadTrends(board.team.id, board.period.start, board.period.end, trendMetric),
    `${board.team.id}|${board.period.start}|${board.period.end}|${trendMetric}`,
  );
  const today = localDateOf(Date.now(), settings.calendar.timezone);
  const justBegun = periodJustBegun(board.period, today, board.entries);
  const note =
    isManager.value || board.privacy === 'open'
      ? null
      : board.privacy === 'top'
        ? m.topNote
        : m.privateNote;
  return (
    <section class="card board-card" aria-labelledby="board-title">
      <h2 id="board-title">
        {m.caption} · {board.team.name}
      </h2>
      {note && <p class="notice privacy-note">{note}</p>}
      {board.you && (
        <p class="your-rank" data-rank={board.you.rank}>
          {m.yourRank}: <strong>#{board.you.rank}</strong>
          {board.you.percentile >= 50 &&
            ` · ${m.topShare(formatPercent(Math.max(1, 100 - Math.round(board.you.percentile)), locale.value))}`}
        </p>
      )}
      {justBegun && <Movers teamId={board.team.id} />}
      <LeaderboardTable
        entries={board.entries}
        settings={settings}
        by={board.by}
        metric={metric}
        youId={me.value?.member.id}
        trends={trends.data?.series ?? {}}
        trendDays={trends.data?.days}
        today={today}
      />
    </section>
  );
}

export function Overview() {
  const profile = me.value;
  const q = filters.value;
  const board = useAsync(() => loadLeaderboard(q), JSON.stringify(q));
  if (!profile) return null;
  const settings = profile.org.settings;
  return (
    <main class="overview">
      <BoardFilters />
      {board.error && (
        <p class="error" role="alert">
          {board.error.message}
        </p>
      )}
      {!board.data ? (
        <p class="muted">{t.value.loading}</p>
      ) : (
        <div class={board.loading ? 'grid stale' : 'grid'} aria-busy={board.loading}>
          <aside class="side">
            <Summary board={board.data} settings={settings} />
            <Honours board={board.data} />
            {isManager.value && <Exports board={board.data} />}
          </aside>
          <Board board={board.data} settings={settings} />
        </div>
      )}
      {board.data && isManager.value && (
        <RepSegments
          board={board.data}
          metric={boardMetric(board.data.by, settings)}
          settings={settings}
        />
      )}
    </main>
  );
}
