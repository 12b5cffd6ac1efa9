/**
 * The morning plan in words, from the published view: the plan's content rule is
 * shared/domain/rhythm.ts (`morningPlan`); this only gathers its input from the view and words
 * each line in the member's language. The sidebar's plan card and the background's morning
 * notification both say the same lines.
 */
import { intlLocale } from '../../shared/domain/language.ts';
import { metricLabel } from '../../shared/domain/metrics.ts';
import { type MorningPlan, morningPlan } from '../../shared/domain/rhythm.ts';
import type { Language, Translate } from '../i18n/index.ts';
import type { ContestLine, SidebarView } from '../platform/view.ts';
import { formatValue } from '../ui/format.ts';
import { contestGap } from './components/Contests.tsx';

/** Customers due today, when the team tracks customers (most pressing first). */
export type DueCustomer = { id: string; name: string };

export function planOf(
  view: Pick<SidebarView, 'counters' | 'primary' | 'contests'>,
  due: readonly DueCustomer[] = [],
): MorningPlan<ContestLine> {
  const p = view.primary;
  return morningPlan({
    quotas: view.counters
      .filter((c) => c.kind === 'count')
      .map((c) => ({ metric: c.metric, done: c.today, quota: c.todayTarget ?? 0 })),
    primary: p
      ? {
          metric: p.metric,
          achieved: p.achieved,
          target: p.target,
          neededPerWorkday: p.neededPerWorkday,
          remainingWorkdays: p.remainingWorkdays ?? null,
        }
      : null,
    contests: view.contests ?? [],
    due,
  });
}

/** One line of the plan; `key` names it for tests and list keys. */
export type PlanLine = { key: string; text: string; done?: boolean };

export function planLines(
  plan: MorningPlan<ContestLine>,
  view: Pick<SidebarView, 'counters' | 'primary' | 'currency'>,
  t: Translate,
  language: Language,
): PlanLine[] {
  const locale = intlLocale(language);
  const lines: PlanLine[] = [];
  if (plan.pace) {
    const kind = view.primary?.kind ?? 'amount';
    const amount = formatValue(plan.pace.needed, kind, view.currency, locale);
    lines.push({
      key: 'pace',
      text: plan.pace.reached
        ? t('planPaceReached')
        : t(plan.pace.lastDay ? 'planPaceLastDay' : 'planPace', { amount }),
      done: plan.pace.reached,
    });
  }
  for (const q of plan.quotas) {
    const custom = view.counters.find((c) => c.metric === q.metric)?.label ?? null;
    const metric = metricLabel(q.metric, language, custom);
    lines.push({
      key: `quota-${q.metric}`,
      text: t(q.left > 0 ? 'planQuotaLeft' : 'planQuotaDone', {
        metric,
        left: q.left,
        done: q.done,
        quota: q.quota,
      }),
      done: q.left === 0,
    });
  }
  for (const c of plan.contests) {
    const gap = contestGap(c, t, language, view.currency);
    const place = t('contestPlace', { rank: c.rank, of: c.of });
    lines.push({
      key: `contest-${c.id}`,
      text: t('planContest', { contest: c.name, place: gap ? `${place} — ${gap}` : place }),
    });
  }
  if (plan.moreContests > 0) {
    lines.push({ key: 'more-contests', text: t('planMoreContests', { count: plan.moreContests }) });
  }
  if (plan.due.length > 0) {
    const names = plan.due.map((d) => d.name).join(language === 'zh_CN' ? '、' : ', ');
    const more = plan.moreDue > 0 ? ` ${t('planMoreDue', { count: plan.moreDue })}` : '';
    lines.push({ key: 'due', text: `${t('planDue', { names })}${more}` });
  }
  if (plan.empty) lines.push({ key: 'empty', text: t('planEmpty') });
  return lines;
}
