import {
  isRanking,
  type LeaderboardEntry,
  type OrgSettings,
} from '../../../../shared/api/index.ts';
import { inLanguage } from '../../../../shared/domain/language.ts';
import { formatCount, formatFigure, formatPercent } from '../app/format.ts';
import { figureKind, metricLabel } from '../app/metrics.ts';
import { locale, t } from '../i18n/index.ts';
import { tiedAtZero } from './movers.ts';
import { Sparkline } from './Sparkline.tsx';

export interface LeaderboardTableProps {
  entries: readonly LeaderboardEntry[];
  settings: OrgSettings;
  /** The ranking: attainment, points, streak or a metric id. */
  by: string;
  /** The metric behind achieved / target (the primary metric unless ranking by a metric). */
  metric: string;
  youId?: string | undefined;
  /** Daily values per member id for the sparkline; omitted on the TV. */
  trends?: Record<string, number[]> | undefined;
  /** The days of `trends` and today's date: a sparkline stops at today. */
  trendDays?: readonly string[] | undefined;
  today?: string | undefined;
  large?: boolean;
}

export function tierName(settings: OrgSettings, id: string | null): string | null {
  if (id === null) return null;
  const tier = settings.tiers.ladder.find((x) => x.id === id);
  if (!tier) return id;
  return inLanguage(tier.name, locale.value);
}

export function LeaderboardTable(props: LeaderboardTableProps) {
  const m = t.value.table;
  const { settings } = props;
  const lang = locale.value;
  const kind = figureKind(settings, props.metric);
  const money = (v: number) => formatFigure(v, kind, settings.currency, lang);
  const byMetric = !isRanking(props.by);
  if (props.entries.length === 0) return <p class="muted empty">{m.empty}</p>;
  // Days of the trend up to today: the days still ahead are not drawn (they are not zero).
  const pastDays =
    props.trendDays && props.today
      ? props.trendDays.filter((day) => day <= (props.today as string)).length
      : undefined;
  return (
    <table class={props.large ? 'board large' : 'board'}>
      <caption class="sr-only">{m.caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="num">
            {m.rank}
          </th>
          <th scope="col">{m.member}</th>
          {byMetric && (
            <th scope="col" class="num">
              {metricLabel(props.by, settings)}
            </th>
          )}
          <th scope="col" class="num achieved">
            {m.achieved}
          </th>
          <th scope="col" class="num target">
            {m.target}
          </th>
          <th scope="col" class="num percent">
            {m.percent}
          </th>
          <th scope="col" class="tier">
            {m.tier}
          </th>
          <th scope="col" class="num streak">
            {m.streak}
          </th>
          <th scope="col" class="num points">
            {m.points}
          </th>
          {props.trends && <th scope="col">{m.trend}</th>}
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => {
          const tier = tierName(settings, entry.tier);
          const you = entry.member.id === props.youId;
          return (
            <tr key={entry.member.id} class={you ? 'you' : undefined} data-member={entry.member.id}>
              <td class="num rank" data-rank={entry.rank}>
                {tiedAtZero(entry, props.entries) ? (
                  <span class="medal none" title={m.notStarted}>
                    {'\u2013'}
                    <span class="sr-only">{m.notStarted}</span>
                  </span>
                ) : (
                  <span class={`medal r${entry.rank}`}>{entry.rank}</span>
                )}
              </td>
              <td class="member">
                {entry.member.name}
                {you && <span class="you-tag">{m.you}</span>}
                {entry.standing && (
                  <span class={`standing-tag ${entry.standing}`} data-standing={entry.standing}>
                    {m[entry.standing]}
                  </span>
                )}
              </td>
              {byMetric && (
                <td class="num value">{entry.value === null ? '\u2014' : money(entry.value)}</td>
              )}
              <td class="num achieved">{money(entry.achieved)}</td>
              <td class="num target">
                {entry.target > 0 ? (
                  money(entry.target)
                ) : (
                  <span class="muted">{m.noTargetYet}</span>
                )}
              </td>
              <td class="num percent">
                <span class="pct">{formatPercent(entry.percent, lang)}</span>
                <span class="bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, entry.percent ?? 0)}%` }} />
                </span>
                {entry.pace && (
                  <span class={`pace ${entry.pace}`} data-pace={entry.pace}>
                    {t.value.pace[entry.pace]}
                  </span>
                )}
              </td>
              <td class="tier">
                {tier ? <span class={`badge tier-${entry.tier}`}>{tier}</span> : '\u2014'}
              </td>
              <td class="num streak">
                {entry.streak > 0 ? `🔥 ${formatCount(entry.streak, lang)}` : '0'}
              </td>
              <td class="num points">{formatCount(entry.points, lang)}</td>
              {props.trends && (
                <td class="trend">
                  <Sparkline
                    daily={props.trends[entry.member.id] ?? []}
                    upTo={pastDays}
                    label={`${m.trend}: ${entry.member.name}`}
                  />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
