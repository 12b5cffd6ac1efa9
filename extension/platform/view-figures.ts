/**
 * The overlay's figures (shared/domain/overlay.ts) in the published view's shape. The background
 * (sync/local-view.ts) and the sidebar in a page (sidebar/optimistic.ts) both put figures into a
 * view through this one function, so the same figures always read the same.
 */
import type { OverlayFigures } from '../../shared/domain/overlay.ts';
import { DEFAULT_TIERS } from '../../shared/domain/tiers.ts';
import type { OverlayBasis, SidebarView, TierRung } from './view.ts';

function tierLadder(basis: OverlayBasis): TierRung[] {
  return (basis.settings.tiers?.ladder ?? DEFAULT_TIERS).map((r) => ({
    id: r.id,
    threshold: r.threshold,
    name: r.name,
  }));
}

export function withFigures(
  view: SidebarView,
  basis: OverlayBasis,
  figures: OverlayFigures,
): SidebarView {
  const byMetric = new Map(figures.counters.map((c) => [c.metric, c]));
  const ladder = tierLadder(basis);
  const rung = (id: string | null) => ladder.find((r) => r.id === id) ?? null;
  const primary = figures.primary;
  const answer = basis.period ?? basis.day;
  const quotas = answer?.quotas ?? [];
  const goal = basis.period?.goal ?? null;
  return {
    ...view,
    period: figures.period,
    counters: view.counters.map((c) => {
      const figure = byMetric.get(c.metric);
      if (!figure) return c;
      const quota = quotas.find((q) => q.metric === c.metric);
      return {
        ...c,
        today: figure.today,
        period: figure.period,
        todayTarget: figure.todayTarget,
        periodTarget: figure.periodTarget,
        quota: quota ? { per: quota.per, value: quota.value } : null,
      };
    }),
    primary: primary
      ? {
          ...primary,
          kind: view.counters.find((c) => c.metric === primary.metric)?.kind ?? 'amount',
          goal: goal?.metric === primary.metric ? goal.value : null,
          segments: figures.segments,
        }
      : null,
    tier: figures.tier
      ? {
          current: rung(figures.tier.current),
          next: rung(figures.tier.next),
          toNext: figures.tier.toNext,
          ladder,
        }
      : null,
    points: figures.points,
    streak: figures.streak,
  };
}
