/**
 * Primary target: progress bar with a pace marker (and the member's personal goal as a second
 * marker), the pace status, the gap to pace and what is needed per day (or today, on the last
 * workday), and the conversion rates the funnel plans with.
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricLabel } from '../../../shared/domain/metrics.ts';
import type { PaceStatus } from '../../../shared/domain/pace.ts';
import { formatPercent, formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';
import { Tick } from './Tick.tsx';

const PACE_TEXT: Record<PaceStatus, 'paceOnTrack' | 'paceAtRisk' | 'paceOffTrack'> = {
  'on-track': 'paceOnTrack',
  'at-risk': 'paceAtRisk',
  'off-track': 'paceOffTrack',
};

export function PrimaryBar({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const locale = intlLocale(store.language.value);
  const view = store.shown.value;
  const p = view.primary;
  // Nothing to pace against (a new joiner before their manager sets a target): say so, and
  // show no pace and no "needed per day".
  if (!p || !(p.target > 0)) {
    return (
      <p class="muted" data-testid="pacer-no-target">
        {t('noTarget')}
      </p>
    );
  }
  const fmt = (v: number) => formatValue(v, p.kind, view.currency, locale);
  // With a personal goal above the target the bar runs to the goal, the target a marker on it.
  const goal = p.goal && p.goal > p.target ? p.goal : null;
  const scale = goal ?? p.target;
  const at = (v: number) => Math.min(100, Math.max(0, (v / scale) * 100));
  const paceText =
    Math.round(p.gap) === 0
      ? t('onPace')
      : p.gap < 0
        ? t('behindPace', { amount: fmt(-p.gap) })
        : t('aheadPace', { amount: fmt(p.gap) });
  const lastDay =
    p.remainingWorkdays !== undefined && p.remainingWorkdays !== null && p.remainingWorkdays < 1;
  return (
    <section class="primary" aria-label={metricLabel(p.metric, store.language.value)}>
      <div class="primary-head">
        <strong class="big" data-testid="pacer-percent">
          <Tick value={p.achieved}>{formatPercent(p.percent, locale)}</Tick>
        </strong>
        <span>{t('ofTarget', { target: fmt(p.target) })}</span>
        {p.pace ? (
          <span class={`pace-chip ${p.pace}`} data-testid="pacer-pace">
            {t(PACE_TEXT[p.pace])}
          </span>
        ) : null}
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={p.target}
        aria-valuenow={p.achieved}
        aria-valuetext={`${fmt(p.achieved)} / ${fmt(p.target)}`}
      >
        <div class="bar-fill" style={{ width: `${at(p.achieved)}%` }} />
        <div class="bar-pace" style={{ left: `${at(p.expectedByNow)}%` }} title={t('paceMarker')} />
        {goal ? (
          <>
            <div class="bar-target" style={{ left: `${at(p.target)}%` }} title={fmt(p.target)} />
            <div
              class="bar-goal"
              style={{ left: 'calc(100% - 2px)' }}
              title={t('goalMarker', { goal: fmt(goal) })}
            />
          </>
        ) : null}
      </div>
      {goal ? (
        <p class="muted" data-testid="pacer-goal">
          {t('goalMarker', { goal: fmt(goal) })}
        </p>
      ) : null}
      <p class={p.gap < 0 ? 'behind' : 'ahead'}>{paceText}</p>
      <p class="needed" data-testid="pacer-needed">
        {p.achieved >= p.target
          ? t('targetHit')
          : t(lastDay ? 'neededToday' : 'neededPerDay', { amount: fmt(p.neededPerWorkday) })}
      </p>
      <FunnelRates store={store} />
    </section>
  );
}

const STAGES = [
  ['leadToVisit', 'leads', 'visits'],
  ['visitToMeeting', 'visits', 'meetings'],
  ['meetingToDeal', 'meetings', 'deals'],
] as const;

/** The conversion rates behind the "to close the gap" needs, and the look-back they come from. */
function FunnelRates({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const rates = store.shown.value.funnelRates;
  if (!rates) return null;
  const language = store.language.value;
  const pct = (rate: number) => formatPercent(rate * 100, intlLocale(language));
  const items = STAGES.map(([key, from, to]) => {
    const stage = rates[key];
    const names = { from: metricLabel(from, language), to: metricLabel(to, language) };
    return stage.learned
      ? t('funnelRate', { ...names, rate: pct(stage.rate) })
      : t('funnelTooLittle', { ...names, rate: pct(stage.rate) });
  });
  return (
    <p class="muted" data-testid="pacer-funnel">
      {t('funnelRates', { days: rates.lookBackDays, items: items.join(' · ') })}
    </p>
  );
}
