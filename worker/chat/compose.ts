/**
 * The words of every message a channel posts, in the channel's language (English or Chinese),
 * as platform-neutral `ChatMessage`s. Numbers and dates use the shared formats; names are placed
 * as they are (formatters keep them plain text).
 */
import type { OrgSettings, Period, TeamReviewResponse } from '../../shared/api/index.ts';
import { LANGUAGES, type Language } from '../../shared/domain/language.ts';
import { findMetric, metricLabel } from '../../shared/domain/metrics.ts';
import { formatMoney } from '../../shared/domain/money.ts';
import { reviewStageName } from '../../shared/domain/review.ts';
import type { ChatMessage } from './message.ts';

const number = (n: number, lang: Language) =>
  new Intl.NumberFormat(LANGUAGES[lang].intl, { maximumFractionDigits: 1 }).format(n);

/** A metric's figure: money in the org's currency for amount metrics, else a plain number. */
function figure(metric: string, value: number, settings: OrgSettings, lang: Language): string {
  const def = findMetric(metric, settings);
  return def?.kind === 'amount'
    ? formatMoney(value, settings.currency, LANGUAGES[lang].intl)
    : number(value, lang);
}

const labelOf = (metric: string, settings: OrgSettings, lang: Language) =>
  metricLabel(metric, lang, settings.customMetrics.find((m) => m.id === metric)?.label);

/** An announcement as stored (worker/db/announcements.ts): its kind and its payload's fields. */
export interface AnnouncedMoment {
  kind: string;
  memberName: string;
  payload: Record<string, string | number>;
}

export function announcementMessage(
  a: AnnouncedMoment,
  settings: OrgSettings,
  lang: Language,
): ChatMessage {
  const p = a.payload;
  const who = a.memberName;
  const zh = lang === 'zh';
  switch (a.kind) {
    case 'big_deal': {
      const metric = String(p.metric ?? settings.primaryMetric);
      const amount = figure(metric, Number(p.amount ?? 0), settings, lang);
      return zh
        ? { title: `🎉 ${who} 签下大单`, lines: [`${labelOf(metric, settings, lang)}：${amount}`] }
        : {
            title: `🎉 ${who} closed a big one`,
            lines: [`${labelOf(metric, settings, lang)}: ${amount}`],
          };
    }
    case 'tier_reached': {
      const tier = settings.tiers.ladder.find((t) => t.id === p.tier);
      const name = tier ? tier.name[lang] : String(p.tier);
      return zh
        ? { title: `🏅 ${who} 达到「${name}」`, lines: [] }
        : { title: `🏅 ${who} reached ${name}`, lines: [] };
    }
    case 'milestone':
      return zh
        ? { title: `🚩 ${who} 完成目标的 ${number(Number(p.percent), lang)}%`, lines: [] }
        : { title: `🚩 ${who} passed ${number(Number(p.percent), lang)}% of target`, lines: [] };
    case 'streak_record':
      return zh
        ? { title: `🔥 ${who} 创下连续 ${number(Number(p.days), lang)} 天的纪录`, lines: [] }
        : {
            title: `🔥 ${who} set a record streak of ${number(Number(p.days), lang)} days`,
            lines: [],
          };
    default: {
      // A contest round won (told once, when its honours are recorded).
      const contest = String(p.contest ?? '');
      const team = p.teamName ? ` (${p.teamName})` : '';
      return zh
        ? { title: `🏆 ${who}${team} 赢得「${contest}」`, lines: [] }
        : { title: `🏆 ${who}${team} won ${contest}`, lines: [] };
    }
  }
}

export interface StandingsRow {
  rank: number;
  name: string;
  percent: number | null;
  achieved: number;
}

export function standingsMessage(input: {
  teamName: string;
  period: 'day' | 'week' | 'month';
  date: string;
  rows: StandingsRow[];
  /** Reps on the board (more than the rows when the privacy mode shows only the top). */
  of: number;
  settings: OrgSettings;
  lang: Language;
}): ChatMessage {
  const { lang, settings } = input;
  const zh = lang === 'zh';
  const periodName = zh
    ? { day: '今日', week: '本周', month: '本月' }[input.period]
    : { day: 'Today', week: 'This week', month: 'This month' }[input.period];
  const title = zh
    ? `📊 ${input.teamName} ${periodName}排名（${input.date}）`
    : `📊 ${input.teamName} standings · ${periodName} (${input.date})`;
  if (input.rows.length === 0) {
    return { title, lines: [zh ? '排名不公开。' : 'Standings are private in this team.'] };
  }
  const lines = input.rows.map((r) => {
    const achieved = figure(settings.primaryMetric, r.achieved, settings, lang);
    const percent = r.percent === null ? '' : ` · ${number(r.percent, lang)}%`;
    return `${r.rank}. ${r.name} · ${achieved}${percent}`;
  });
  if (input.of > input.rows.length) {
    lines.push(zh ? `…共 ${input.of} 人` : `… of ${input.of} reps`);
  }
  return { title, lines };
}

export interface BehindRow {
  name: string;
  value: number;
}

export function alertsMessage(input: {
  time: string;
  metric: string;
  atLeast: number;
  behind: BehindRow[];
  atRisk: Array<{ name: string; days: number }>;
  /** false: count the reps without naming them (the team's privacy mode is not open). */
  named: boolean;
  settings: OrgSettings;
  lang: Language;
}): ChatMessage | null {
  const { lang, settings } = input;
  if (input.behind.length === 0 && input.atRisk.length === 0) return null;
  const zh = lang === 'zh';
  const metric = labelOf(input.metric, settings, lang);
  const goal = figure(input.metric, input.atLeast, settings, lang);
  const lines: string[] = [];
  if (input.behind.length > 0) {
    lines.push(
      zh
        ? `截至 ${input.time}，${input.behind.length} 人的${metric}不足 ${goal}：`
        : `${input.behind.length} below ${goal} ${metric} by ${input.time}:`,
    );
    if (input.named) {
      for (const r of input.behind)
        lines.push(`· ${r.name}: ${figure(input.metric, r.value, settings, lang)}`);
    }
  }
  if (input.atRisk.length > 0) {
    lines.push(
      zh
        ? `${input.atRisk.length} 人今天未达标将中断连续记录：`
        : `${input.atRisk.length} at risk of losing their streak today:`,
    );
    if (input.named) {
      for (const r of input.atRisk) {
        lines.push(zh ? `· ${r.name}（连续 ${r.days} 天）` : `· ${r.name} (${r.days} days)`);
      }
    }
  }
  return { title: zh ? '⏰ 进度提醒' : '⏰ Behind pace', lines };
}

/**
 * The weekly review: the team's total against its plan, a line counting the reps by the stage
 * that held each back most (and those on plan or without one), the team's median conversion
 * rates, and, when `named`, one line per rep with their attainment and bottleneck.
 */
export function reviewMessage(input: {
  teamName: string;
  period: Period;
  rows: TeamReviewResponse['rows'];
  medians: TeamReviewResponse['medians'];
  named: boolean;
  settings: OrgSettings;
  lang: Language;
}): ChatMessage {
  const { lang, settings, rows } = input;
  const zh = lang === 'zh';
  const span = `${input.period.start} – ${input.period.end}`;
  const title = zh
    ? `📝 ${input.teamName} 周复盘（${span}）`
    : `📝 ${input.teamName} week review (${span})`;
  const metric = settings.primaryMetric;
  const achieved = rows.reduce((sum, r) => sum + r.achieved, 0);
  const plan = rows.reduce((sum, r) => sum + r.plan, 0);
  const total = figure(metric, achieved, settings, lang);
  const label = labelOf(metric, settings, lang);
  const planned = figure(metric, plan, settings, lang);
  const percent = number(plan > 0 ? (achieved / plan) * 100 : 0, lang);
  const lines = [
    zh
      ? plan > 0
        ? `团队${label}：${total} / 计划 ${planned}（${percent}%）`
        : `团队${label}：${total}`
      : plan > 0
        ? `Team ${label.toLowerCase()}: ${total} of ${planned} planned (${percent}%)`
        : `Team ${label.toLowerCase()}: ${total}`,
  ];
  const byStage = new Map<string, number>();
  let onPlan = 0;
  let noPlan = 0;
  for (const r of rows) {
    if (r.bottleneck) {
      const name = reviewStageName(r.bottleneck.stage)[lang];
      byStage.set(name, (byStage.get(name) ?? 0) + 1);
    } else if (r.plan > 0) onPlan++;
    else noPlan++;
  }
  const parts = [...byStage]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => (zh ? `${name} ${n} 人` : `${name} ${n}`));
  if (onPlan > 0) parts.push(zh ? `达成计划 ${onPlan} 人` : `on plan ${onPlan}`);
  if (noPlan > 0) parts.push(zh ? `无计划 ${noPlan} 人` : `no plan ${noPlan}`);
  lines.push(zh ? `瓶颈：${parts.join(' · ')}` : `Bottlenecks: ${parts.join(' · ')}`);
  const rate = (v: number | null) => (v === null ? '–' : `${number(v * 100, lang)}%`);
  const m = input.medians;
  lines.push(
    zh
      ? `团队中位数：线索→拜访 ${rate(m.leadToVisit)} · 拜访→会议 ${rate(m.visitToMeeting)} · 会议→成交 ${rate(m.meetingToDeal)}`
      : `Team median: lead → visit ${rate(m.leadToVisit)} · visit → meeting ${rate(m.visitToMeeting)} · meeting → deal ${rate(m.meetingToDeal)}`,
  );
  if (input.named) {
    for (const r of rows) {
      const pct = r.percent === null ? '' : ` · ${number(r.percent, lang)}%`;
      const stage = r.bottleneck ? ` · ${reviewStageName(r.bottleneck.stage)[lang]}` : '';
      lines.push(`· ${r.member.name}: ${figure(metric, r.achieved, settings, lang)}${pct}${stage}`);
    }
  }
  return { title, lines: lines.slice(0, 60) };
}

export function testMessage(channelName: string, lang: Language): ChatMessage {
  return lang === 'zh'
    ? { title: `✅ Pacer 测试消息`, lines: [`「${channelName}」已连接。`] }
    : { title: '✅ Pacer test message', lines: [`"${channelName}" is connected.`] };
}
