/**
 * TV mode (`/tv/<token>`): full screen, large type, no controls. Polls the board with If-None-Match
 * (a 304 costs the server one tiny read) and rotates between the leaderboard and today's activity.
 * `?by=` ranks the leaderboard by a metric (its own achieved / target / %) instead of attainment;
 * `?refresh=` and `?rotate=` (seconds) exist for tests and unusual screens.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnnouncementView, OrgSettings } from '../../../../shared/api/index.ts';
import { inLanguage } from '../../../../shared/domain/language.ts';
import { ApiFailure, setTvToken } from '../app/api.ts';
import { formatCompactAmount, formatCount, formatPercent } from '../app/format.ts';
import { metricKind, metricLabel } from '../app/metrics.ts';
import { ContestCard } from '../contests/ContestCard.tsx';
import { locale, t } from '../i18n/index.ts';
import { LeaderboardTable } from '../overview/LeaderboardTable.tsx';
import { boardMetric } from '../overview/Overview.tsx';
import {
  loadBoard,
  loadTvInfo,
  readAnnouncements,
  type TvBoard,
  type TvInfo,
  tvRanking,
} from './api.ts';

const TV_ENTRIES = 12;

function seconds(name: string, fallback: number): number {
  const value = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(value) && value >= 1 ? value : fallback;
}

function LeaderboardScreen({ board }: { board: TvBoard }) {
  const settings = board.org.settings;
  const lb = board.leaderboard;
  const metric = boardMetric(lb.by, settings);
  let achieved = 0;
  let target = 0;
  for (const e of lb.entries) {
    achieved += e.achieved;
    target += e.target;
  }
  const lang = locale.value;
  const kind = metricKind(settings, metric);
  const show = (v: number) =>
    kind === 'amount' ? formatCompactAmount(v, settings.currency, lang) : formatCount(v, lang);
  return (
    <section class="tv-screen" data-screen="leaderboard">
      <h1>
        {lb.team.name} · {t.value.tv.leaderboard}
        <span class="tv-sub">
          {metricLabel(metric, settings)} {show(achieved)} / {show(target)} ·{' '}
          <strong>{formatPercent(target > 0 ? (achieved / target) * 100 : null, lang)}</strong>
        </span>
      </h1>
      <LeaderboardTable
        entries={lb.entries.slice(0, TV_ENTRIES)}
        settings={settings}
        by={lb.by}
        metric={metric}
        large
      />
    </section>
  );
}

function ActivityScreen({ board }: { board: TvBoard }) {
  const settings = board.org.settings;
  const lang = locale.value;
  const totals = Object.entries(board.activityTotals).filter(
    ([metric, value]) => value > 0 && metricKind(settings, metric) === 'count',
  );
  return (
    <section class="tv-screen" data-screen="activity">
      <h1>
        {board.activity.team.name} · {t.value.tv.activity}
      </h1>
      <ul class="tv-totals">
        {totals.map(([metric, value]) => (
          <li key={metric} data-metric={metric}>
            <strong>{formatCount(value, lang)}</strong>
            <span>{metricLabel(metric, settings)}</span>
          </li>
        ))}
      </ul>
      <ol class="tv-activity">
        {board.activity.entries.slice(0, TV_ENTRIES).map((e) => (
          <li key={e.member.id}>
            <span class={`medal r${e.rank}`}>{e.rank}</span>
            <span class="name">{e.member.name}</span>
            <span class="pts">
              {formatCount(e.points, lang)} {t.value.table.points}
            </span>
            <span class="streak">{e.streak > 0 ? `🔥 ${e.streak}` : ''}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ContestsScreen({ board }: { board: TvBoard }) {
  return (
    <section class="tv-screen" data-screen="contests">
      <h1>{t.value.contests.title}</h1>
      <div class="tv-contests">
        {board.contests.slice(0, 2).map((c) => (
          <ContestCard
            key={c.contest.id}
            running={c}
            settings={board.org.settings}
            limit={6}
            large
          />
        ))}
      </div>
    </section>
  );
}

/** The interrupting card: one announced moment, over whatever screen is showing. */
function AnnouncementCard({ item, settings }: { item: AnnouncementView; settings: OrgSettings }) {
  const lang = locale.value;
  let detail = '';
  if (item.kind === 'big_deal' && item.metric !== undefined && item.amount !== undefined) {
    const value =
      metricKind(settings, item.metric) === 'amount'
        ? formatCompactAmount(item.amount, settings.currency, lang)
        : formatCount(item.amount, lang);
    detail = `${metricLabel(item.metric, settings)} ${value}`;
  } else if (item.kind === 'tier_reached' && item.tier !== undefined) {
    const tier = settings.tiers.ladder.find((x) => x.id === item.tier);
    detail = tier ? inLanguage(tier.name, lang) : item.tier;
  } else if (item.kind === 'milestone' && item.percent !== undefined) {
    detail = formatPercent(item.percent, lang);
  } else if (item.kind === 'streak_record' && item.days !== undefined) {
    detail = `🔥 ${formatCount(item.days, lang)}`;
  } else if (item.kind === 'contest_won' && item.contest !== undefined) {
    detail = item.teamName ? `🏆 ${item.contest} · ${item.teamName}` : `🏆 ${item.contest}`;
  }
  return (
    <div class="tv-announcement" role="alert" data-announcement={item.kind}>
      <span class="tv-announcement-kind">🎉 {t.value.announce[item.kind]}</span>
      <strong class="tv-announcement-who">{item.member.name}</strong>
      <span class="tv-announcement-what">{detail}</span>
    </div>
  );
}

type Screen = 'leaderboard' | 'activity' | 'contests';

/** The next screen of the rotation; contests join it only while one is running. */
function nextScreen(current: Screen, hasContests: boolean): Screen {
  if (current === 'leaderboard') return 'activity';
  if (current === 'activity' && hasContests) return 'contests';
  return 'leaderboard';
}

export function TvApp({ token }: { token: string }) {
  const [board, setBoard] = useState<TvBoard | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [screen, setScreen] = useState<Screen>('leaderboard');
  const [announced, setAnnounced] = useState<AnnouncementView[]>([]);
  const hasContests = (board?.contests.length ?? 0) > 0;
  // The rotation timer reads the latest answer through a ref (it is set up once per token).
  const hasContestsRef = useRef(hasContests);

  useEffect(() => {
    document.body.classList.add('tv');
    // No controls on a TV: a double click (or OK on a remote) asks for real full screen.
    const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => {});
    document.addEventListener('dblclick', fullScreen);
    setTvToken(token);
    let stopped = false;
    let info: TvInfo | undefined;
    const by = tvRanking(location.search);
    // Announcements seen so far; null until the first poll, which only sets the baseline (a TV
    // switched on does not replay old news).
    let since: number | null = null;
    const poll = async () => {
      try {
        info ??= await loadTvInfo();
        const [result, news] = await Promise.all([
          loadBoard(info, by),
          readAnnouncements(info.team.id, since ?? 0),
        ]);
        if (stopped) return;
        if (since !== null && news.changed && news.data.announcements.length > 0) {
          const fresh = news.data.announcements;
          setAnnounced((queue) => [...queue, ...fresh]);
        }
        since = Math.max(since ?? 0, news.data.latest);
        if (result.changed) setBoard(result.board);
        setUpdatedAt(new Date());
      } catch (error) {
        if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) {
          setInvalid(true);
        }
      }
    };
    void poll();
    const refresh = setInterval(poll, seconds('refresh', 30) * 1000);
    const rotate = setInterval(
      () => setScreen((s) => nextScreen(s, hasContestsRef.current)),
      seconds('rotate', 20) * 1000,
    );
    return () => {
      stopped = true;
      document.removeEventListener('dblclick', fullScreen);
      clearInterval(refresh);
      clearInterval(rotate);
    };
  }, [token]);

  // The card interrupts for a while, then the next one (if any), then back to the rotation.
  const showing = announced[0];
  useEffect(() => {
    if (!showing) return;
    const done = setTimeout(() => setAnnounced((q) => q.slice(1)), seconds('announce', 10) * 1000);
    return () => clearTimeout(done);
  }, [showing]);
  hasContestsRef.current = hasContests;

  if (invalid) return <p class="tv-invalid">{t.value.tv.invalid}</p>;
  if (!board) return <p class="tv-invalid">{t.value.loading}</p>;
  return (
    <div class="tv-root">
      {screen === 'leaderboard' && <LeaderboardScreen board={board} />}
      {screen === 'activity' && <ActivityScreen board={board} />}
      {screen === 'contests' &&
        (hasContests ? <ContestsScreen board={board} /> : <LeaderboardScreen board={board} />)}
      {showing && <AnnouncementCard item={showing} settings={board.org.settings} />}
      <footer class="tv-foot">
        <span>Pacer · {board.org.name}</span>
        <span>
          {screen === 'activity'
            ? board.activity.period.start
            : `${board.leaderboard.period.start} – ${board.leaderboard.period.end}`}
        </span>
        {updatedAt && (
          <span data-updated={updatedAt.toISOString()}>
            {t.value.tv.updated} {updatedAt.toLocaleTimeString(locale.value)}
          </span>
        )}
      </footer>
    </div>
  );
}
