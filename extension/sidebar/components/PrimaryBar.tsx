/** Primary target: progress bar with a pace marker, gap to pace and what is needed per day. */
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricLabel } from '../../../shared/domain/metrics.ts';
import { formatPercent, formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

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
  const width = Math.min(100, Math.max(0, p.percent ?? 0));
  const pace = p.target > 0 ? Math.min(100, (p.expectedByNow / p.target) * 100) : 0;
  const paceText =
    Math.round(p.gap) === 0
      ? t('onPace')
      : p.gap < 0
        ? t('behindPace', { amount: fmt(-p.gap) })
        : t('aheadPace', { amount: fmt(p.gap) });
  return (
    <section class="primary" aria-label={metricLabel(p.metric, store.language.value)}>
      <div class="primary-head">
        <strong class="big" data-testid="pacer-percent">
          {formatPercent(p.percent, locale)}
        </strong>
        <span>{t('ofTarget', { target: fmt(p.target) })}</span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={p.target}
        aria-valuenow={p.achieved}
        aria-valuetext={`${fmt(p.achieved)} / ${fmt(p.target)}`}
      >
        <div class="bar-fill" style={{ width: `${width}%` }} />
        <div class="bar-pace" style={{ left: `${pace}%` }} title={t('paceMarker')} />
      </div>
      <p class={p.gap < 0 ? 'behind' : 'ahead'}>{paceText}</p>
      <p class="needed">
        {p.achieved >= p.target && p.target > 0
          ? t('targetHit')
          : t('neededPerDay', { amount: fmt(p.neededPerWorkday) })}
      </p>
      <FunnelLine store={store} />
    </section>
  );
}

/** What the funnel back-calculation says is needed per workday, e.g. "Per day: 2 Meetings · 4 Visits". */
function FunnelLine({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const funnel = store.shown.value.funnelPerWorkday;
  if (!funnel) return null;
  const items = (['deals', 'meetings', 'visits', 'leads'] as const)
    .filter((metric) => funnel[metric] > 0)
    .map((metric) => `${Math.ceil(funnel[metric])} ${metricLabel(metric, store.language.value)}`);
  if (items.length === 0) return null;
  return (
    <p class="muted" data-testid="pacer-funnel">
      {t('funnelPerDay', { items: items.join(' · ') })}
    </p>
  );
}
