/**
 * One running contest (or one just over, awaiting settlement: marked provisional, with the moment
 * its results become final): name, prize, a live countdown to the round's end and the standings, as the
 * viewer may see them (the team's privacy mode, applied by the server: a note says when only part
 * is shown). On the board a rep without a place is told why. Used on the board and, large, on TV
 * mode. Page data is rendered as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContestBoardResponse, OrgSettings } from '../../../../shared/api/index.ts';
import { formatMetricValue } from '../app/format.ts';
import { metricKind, metricLabel } from '../app/metrics.ts';
import { isManager } from '../app/session.ts';
import { type Locale, locale, t } from '../i18n/index.ts';

type Contest = ContestBoardResponse['contests'][number];

/** "2d 5h", "3h 12m", "4m 09s": coarse when far, to the second when close. */
export function formatCountdown(ms: number, lang: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const [dd, hh, mm, ss] = lang === 'zh-CN' ? ['天', '小时', '分', '秒'] : ['d', 'h', 'm', 's'];
  if (d > 0) return `${d}${dd} ${h}${hh}`;
  if (h > 0) return `${h}${hh} ${m}${mm}`;
  return `${m}${mm} ${String(s).padStart(2, '0')}${ss}`;
}

export function Countdown({ until }: { until: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return (
    <span class="countdown" data-ends-at={until}>
      {t.value.contests.endsIn} {formatCountdown(Date.parse(until) - now, locale.value)}
    </span>
  );
}

/** The settlement instant in the team's time zone, as a date and time in the viewer's language. */
export function formatSettlement(at: string, timeZone: string, lang: Locale): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(at));
}

export function contestMetricLabel(metric: string, settings: OrgSettings): string {
  return metric === 'points' ? t.value.contests.points : metricLabel(metric, settings);
}

export function ContestCard({
  running,
  settings,
  limit = 10,
  large = false,
}: {
  running: Contest;
  settings: OrgSettings;
  limit?: number;
  large?: boolean;
}) {
  const { contest, round, entries, visibility, takingPart } = running;
  const m = t.value.contests;
  const lang = locale.value;
  const privacyNote = visibility === 'top' ? m.topNote : visibility === 'own' ? m.ownNote : null;
  // Managers run contests without a place in them; a TV has no viewer to tell.
  const outsideNote =
    large || isManager.value || takingPart !== 'none'
      ? null
      : contest.mode === 'teams'
        ? m.notInTeams
        : m.notIn;
  const kind = contest.metric === 'points' ? 'count' : metricKind(settings, contest.metric);
  const show = (v: number | null) =>
    v === null ? '\u2014' : formatMetricValue(v, kind, settings.currency, lang);
  return (
    <article
      class={large ? 'contest large' : 'contest card'}
      data-contest={contest.id}
      data-provisional={round.decided && round.provisional ? 'true' : undefined}
      aria-label={contest.name}
    >
      <header class="contest-head">
        <h3>{contest.name}</h3>
        <span class="muted">
          {contestMetricLabel(contest.metric, settings)} · {round.start} – {round.end}
        </span>
        {contest.prize && <span class="prize">🏆 {contest.prize}</span>}
        {round.decided ? (
          <span class="contest-provisional-badge">{m.provisional}</span>
        ) : (
          <Countdown until={round.endsAt} />
        )}
      </header>
      {round.decided && round.provisional && (
        <p class="notice contest-provisional" data-settles-at={round.settlesAt}>
          {m.provisionalUntil(formatSettlement(round.settlesAt, settings.calendar.timezone, lang))}
        </p>
      )}
      {outsideNote && <p class="notice contest-outside">{outsideNote}</p>}
      {privacyNote && <p class="muted small contest-privacy">{privacyNote}</p>}
      <ol class="contest-standings">
        {entries.slice(0, limit).map((e) => (
          <li key={e.id} data-rank={e.rank}>
            <span class={`medal r${e.rank}`}>{e.rank}</span>
            <span class="name">{e.name}</span>
            <span class="value">{show(e.value)}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
