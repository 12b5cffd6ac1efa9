/**
 * Under the primary bar, when its target is broken down by customer segment: one compact line of
 * each part against what was won in it, and what was won with no known customer
 * (shared/domain/breakdown.ts; the server's figures, as of the last sync).
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

const KEYS = {
  new: 'segmentNew',
  existing: 'segmentExisting',
  unknown: 'segmentUnknown',
} as const;

export function SegmentLine({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const p = view.primary;
  if (!p?.segments?.length || !(p.target > 0)) return null;
  const locale = intlLocale(store.language.value);
  const fmt = (v: number) => formatValue(v, p.kind, view.currency, locale);
  const parts = p.segments
    // "Customer unknown" only when something was won without a known customer.
    .filter((s) => s.segment !== 'unknown' || s.achieved > 0)
    .map((s) => (
      <span key={s.segment} data-segment={s.segment}>
        {t(KEYS[s.segment], {
          achieved: fmt(s.achieved),
          target: s.target === null ? '' : fmt(s.target),
        })}
      </span>
    ));
  return (
    <p class="muted segments" data-testid="pacer-segments">
      {t('segmentsLabel')}: {parts.flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
    </p>
  );
}
