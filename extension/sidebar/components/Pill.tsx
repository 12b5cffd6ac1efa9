/** Collapsed sidebar: a slim pill at the page edge (progress ring, streak flame, today's points). */
import { useEffect, useRef } from 'preact/hooks';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import { ProgressRing } from './ProgressRing.tsx';

export function Pill({
  store,
  onDragStart,
  onIntent,
}: {
  store: SidebarStore;
  onDragStart: (e: PointerEvent) => void;
  /** The member is about to open the panel (pointer over the pill, or focus on it). */
  onIntent: () => void;
}) {
  const t = store.t.value;
  const view = store.shown.value;
  const percent = view.primary?.percent ?? null;
  const streak = view.streak?.current ?? 0;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (store.focusPill.peek()) {
      store.focusPill.value = false;
      button.current?.focus();
    }
  }, [store]);
  return (
    <div class="pill" data-testid="pacer-pill">
      <div class="drag" onPointerDown={trusted(onDragStart)} aria-hidden="true" />
      <button
        type="button"
        ref={button}
        class="pill-button"
        aria-expanded="false"
        aria-label={`${t('expand')}: ${Math.round(percent ?? 0)}%, ${t('streakDays', { days: streak })}, ${t('pointsToday', { points: view.points.today })}`}
        title={t('expand')}
        onClick={trusted(() => store.toggle(false))}
        onPointerEnter={onIntent}
        onFocus={onIntent}
      >
        <ProgressRing percent={percent} />
        <span class={`flame${view.streak?.atRisk ? ' at-risk' : ''}`}>
          🔥<span data-testid="pacer-pill-streak">{streak}</span>
        </span>
        <span class="pill-points">
          <span data-testid="pacer-pill-points">{view.points.today}</span>
          <small>pts</small>
        </span>
      </button>
    </div>
  );
}
