/**
 * Under the primary bar, when its target is broken down by customer segment or product category:
 * one compact line of each part against what was won in it, and what fits no part
 * (shared/domain/breakdown.ts): the server's figures with the logs it does not count yet
 * (shared/domain/overlay.ts), so a won deal moves its part in the frame of the click.
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

const KEYS = {
  new: 'segmentNew',
  existing: 'segmentExisting',
  unknown: 'segmentUnknown',
  uncategorised: 'segmentUncategorised',
} as const;

const isFixed = (segment: string): segment is keyof typeof KEYS => Object.hasOwn(KEYS, segment);

export function SegmentLine({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const p = view.primary;
  if (!p?.segments?.length || !(p.target > 0)) return null;
  const locale = intlLocale(store.language.value);
  const fmt = (v: number) => formatValue(v, p.kind, view.currency, locale);
  const parts = p.segments
    // What fits no part ("Customer unknown", "No category") only when something was won so.
    .filter((s) => s.target !== null || s.achieved > 0)
    .map((s) => {
      const values = { achieved: fmt(s.achieved), target: s.target === null ? '' : fmt(s.target) };
      const name = s.label ?? s.segment.replace(/^category:/, '');
      return (
        <span key={s.segment} data-segment={s.segment}>
          {isFixed(s.segment)
            ? t(KEYS[s.segment], values)
            : t(s.target === null ? 'segmentOther' : 'segmentCategory', { ...values, name })}
        </span>
      );
    });
  const byCategory = p.segments.some((s) => s.segment.startsWith('category:'));
  return (
    <p class="muted segments" data-testid="pacer-segments">
      {t(byCategory ? 'segmentsByCategory' : 'segmentsLabel')}:{' '}
      {parts.flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
    </p>
  );
}
