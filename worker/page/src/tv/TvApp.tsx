/**
 * TV mode (`/tv/<token>`): full screen, large type, no controls. Polls the board with If-None-Match
 * (a 304 costs the server one tiny read) and rotates between the leaderboard and today's activity.
 * A team longer than the screen is shown page by page (the page size measured from the screen),
 * every page in the rotation, so everyone appears once per rotation on any screen size.
 * `?by=` ranks the leaderboard by a metric (its own achieved / target / %) instead of attainment;
 * `?refresh=` and `?rotate=` (seconds) exist for tests and unusual screens.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnouncementView, OrgSettings } from '../../../../shared/api/index.ts';
import { inLanguage } from '../../../../shared/domain/language.ts';
import { ApiFailure, setTvToken } from '../app/api.ts';
import { formatCompactAmount, formatCount, formatFigure, formatPercent } from '../app/format.ts';
import { figureKind, metricKind, metricLabel } from '../app/metrics.ts';
import { ContestCard } from '../contests/ContestCard.tsx';
import { locale, t } from '../i18n/index.ts';
import { LeaderboardTable } from '../overview/LeaderboardTable.tsx';
import { boardMetric } from '../overview/Overview.tsx';
import { boardTotals } from '../overview/totals.ts';
import {
  loadBoard,
  loadTvInfo,
  readAnnouncements,
  type TvBoard,
  type TvInfo,
  tvRanking,
} from './api.ts';

/** Rows per page before the screen has been measured (a 16:9 screen fits about this many). */
const FIRST_GUESS = 12;

/**
 * How many rows of `list` fit on the screen below its top: the first row's height (and the
 * list's row gap) against the space left in `screen`, times the list's columns.
 */
function rowsThatFit(screen: HTMLElement, list: HTMLElement): number {
  const first = list.firstElementChild as HTMLElement | null;
  if (!first) return FIRST_GUESS;
  const style = getComputedStyle(list);
  const gap = Number.parseFloat(style.rowGap) || 0;
  const columns =
    style.display === 'grid' ? style.gridTemplateColumns.split(' ').filter(Boolean).length : 1;
  const space = screen.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
  const perColumn = Math.floor((space + gap) / (first.getBoundingClientRect().height + gap));
  return Math.max(1, perColumn) * Math.max(1, columns);
}

/** How many of the rows shown end inside `screen`, or null when all of them do. */
function rowsShownWhole(screen: HTMLElement, list: HTMLElement): number | null {
  const bottom = screen.getBoundingClientRect().bottom;
  const over = [...list.children].findIndex(
    (row) => row.getBoundingClientRect().bottom > bottom + 1,
  );
  return over === -1 ? null : Math.max(1, over);
}

/**
 * The page size for the list inside `screen`: estimated from the first row after layout and on
 * resize, then lowered after any render whose rows run past the screen (a long name wraps, a
 * headline takes two lines), so a page never hides its last rows. Only lowering: no loop.
 */
function usePageSize(
  screen: RefObject<HTMLElement | null>,
  listSelector: string,
  size: number,
  onSize: (size: number) => void,
): void {
  const list = () => screen.current?.querySelector<HTMLElement>(listSelector) ?? null;
  useLayoutEffect(() => {
    const measure = () => {
      const rows = list();
      if (screen.current && rows) onSize(rowsThatFit(screen.current, rows));
    };
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, [screen, listSelector, onSize]);
  useLayoutEffect(() => {
    const rows = list();
    const whole = screen.current && rows ? rowsShownWhole(screen.current, rows) : null;
    if (whole !== null && whole < size) onSize(whole);
  });
}

/** "2 / 3" in the headline when the team needs more than one page. */
function PageMark({ page, pages }: { page: number; pages: number }) {
  if (pages < 2) return null;
  return (
    <span class="tv-page" data-page={page + 1} data-pages={pages}>
      {t.value.tv.page(page + 1, pages)}
    </span>
  );
}

const pageOf = <T,>(items: readonly T[], page: number, size: number): T[] =>
  items.slice(page * size, (page + 1) * size);
const pageCount = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

interface Paging {
  page: number;
  size: number;
  onSize: (size: number) => void;
}

function seconds(name: string, fallback: number): number {
  const value = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(value) && value >= 1 ? value : fallback;
}

function LeaderboardScreen({ board, paging }: { board: TvBoard; paging: Paging }) {
  const screen = useRef<HTMLElement>(null);
  usePageSize(screen, 'table.board tbody', paging.size, paging.onSize);
  const settings = board.org.settings;
  const lb = board.leaderboard;
  const metric = boardMetric(lb.by, settings);
  const { achieved, target, percent } = boardTotals(lb.entries, metric);
  const lang = locale.value;
  const kind = figureKind(settings, metric);
  const show = (v: number | null) =>
    v === null ? '\u2014' : formatFigure(v, kind, settings.currency, lang, true);
  return (
    <section class="tv-screen" data-screen="leaderboard" ref={screen}>
      <h1>
        {lb.team.name} · {t.value.tv.leaderboard}
        <span class="tv-sub">
          {metricLabel(metric, settings)} {show(achieved)} / {show(target)} ·{' '}
          <strong>{formatPercent(percent, lang)}</strong>
        </span>
        <PageMark page={paging.page} pages={pageCount(lb.entries.length, paging.size)} />
      </h1>
      <LeaderboardTable
        entries={pageOf(lb.entries, paging.page, paging.size)}
        settings={settings}
        by={lb.by}
        metric={metric}
        large
      />
    </section>
  );
}

function ActivityScreen({ board, paging }: { board: TvBoard; paging: Paging }) {
  const screen = useRef<HTMLElement>(null);
  usePageSize(screen, 'ol.tv-activity', paging.size, paging.onSize);
  const settings = board.org.settings;
  const lang = locale.value;
  const totals = Object.entries(board.activityTotals).filter(
    ([metric, value]) => value > 0 && metricKind(settings, metric) === 'count',
  );
  return (
    <section class="tv-screen" data-screen="activity" ref={screen}>
      <h1>
        {board.activity.team.name} · {t.value.tv.activity}
        <PageMark
          page={paging.page}
          pages={pageCount(board.activity.entries.length, paging.size)}
        />
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
        {pageOf(board.activity.entries, paging.page, paging.size).map((e) => (
          <li key={e.member.id} data-member={e.member.id}>
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
interface Showing {
  screen: Screen;
  page: number;
}

/** The next screen of the rotation; contests join it only while one is running. */
function nextScreen(current: Screen, hasContests: boolean): Screen {
  if (current === 'leaderboard') return 'activity';
  if (current === 'activity' && hasContests) return 'contests';
  return 'leaderboard';
}

/** The next step of the rotation: the screen's next page, else the next screen's first. */
export function nextStep(
  current: Showing,
  pages: (screen: Screen) => number,
  hasContests: boolean,
): Showing {
  if (current.page + 1 < pages(current.screen)) return { ...current, page: current.page + 1 };
  return { screen: nextScreen(current.screen, hasContests), page: 0 };
}

export function TvApp({ token }: { token: string }) {
  const [board, setBoard] = useState<TvBoard | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [showing, setShowing] = useState<Showing>({ screen: 'leaderboard', page: 0 });
  const screen = showing.screen;
  // Rows per page of each list, as measured on this screen.
  const [sizes, setSizes] = useState({ leaderboard: FIRST_GUESS, activity: FIRST_GUESS });
  const onLeaderboardSize = useRef((size: number) =>
    setSizes((s) => (s.leaderboard === size ? s : { ...s, leaderboard: size })),
  ).current;
  const onActivitySize = useRef((size: number) =>
    setSizes((s) => (s.activity === size ? s : { ...s, activity: size })),
  ).current;
  const [announced, setAnnounced] = useState<AnnouncementView[]>([]);
  const hasContests = (board?.contests.length ?? 0) > 0;
  // The rotation timer reads the latest answer through a ref (it is set up once per token).
  const hasContestsRef = useRef(hasContests);
  const pagesRef = useRef<(screen: Screen) => number>(() => 1);

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
      () => setShowing((s) => nextStep(s, pagesRef.current, hasContestsRef.current)),
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
  const card = announced[0];
  useEffect(() => {
    if (!card) return;
    const done = setTimeout(() => setAnnounced((q) => q.slice(1)), seconds('announce', 10) * 1000);
    return () => clearTimeout(done);
  }, [card]);
  hasContestsRef.current = hasContests;
  pagesRef.current = (s: Screen) =>
    s === 'leaderboard'
      ? pageCount(board?.leaderboard.entries.length ?? 0, sizes.leaderboard)
      : s === 'activity'
        ? pageCount(board?.activity.entries.length ?? 0, sizes.activity)
        : 1;

  // A page past the end (the team shrank, the screen grew) shows the last page.
  const clampPage = (page: number, items: number, size: number) =>
    Math.min(page, pageCount(items, size) - 1);
  const leaderboardPaging = {
    page:
      screen === 'leaderboard'
        ? clampPage(showing.page, board?.leaderboard.entries.length ?? 0, sizes.leaderboard)
        : 0,
    size: sizes.leaderboard,
  };
  const activityPaging = {
    page:
      screen === 'activity'
        ? clampPage(showing.page, board?.activity.entries.length ?? 0, sizes.activity)
        : 0,
    size: sizes.activity,
  };

  if (invalid) return <p class="tv-invalid">{t.value.tv.invalid}</p>;
  if (!board) return <p class="tv-invalid">{t.value.loading}</p>;
  return (
    <div class="tv-root">
      {screen === 'activity' ? (
        <ActivityScreen board={board} paging={{ ...activityPaging, onSize: onActivitySize }} />
      ) : screen === 'contests' && hasContests ? (
        <ContestsScreen board={board} />
      ) : (
        <LeaderboardScreen
          board={board}
          paging={{ ...leaderboardPaging, onSize: onLeaderboardSize }}
        />
      )}
      {card && <AnnouncementCard item={card} settings={board.org.settings} />}
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
