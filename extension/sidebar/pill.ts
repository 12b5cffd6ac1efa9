/**
 * Collapsed sidebar: a slim pill at the page edge (progress ring, streak flame, today's points),
 * kept in step with the store by one signals effect that patches only what changed.
 */
import { effect } from '@preact/signals-core';
import { attr, h, svg, text } from './dom.ts';
import type { SidebarStore } from './store.ts';
import { trusted } from './trusted.ts';

const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export interface Pill {
  element: HTMLElement;
  /** Takes the keyboard focus when the panel just closed from inside (store.focusPill). */
  takeFocus(): void;
  dispose(): void;
}

export function createPill(
  store: SidebarStore,
  handlers: {
    onDragStart: (e: PointerEvent) => void;
    /** The member is about to open the panel (pointer over the pill, or focus on it). */
    onIntent: () => void;
  },
): Pill {
  // The ring: attainment of the primary target, capped visually at one full turn. Decorative:
  // the button's own label says the percentage.
  const fillCircle = svg('circle', {
    class: 'ring-fill',
    cx: 18,
    cy: 18,
    r: RADIUS,
    transform: 'rotate(-90 18 18)',
  });
  const ringText = svg('text', { x: 18, y: 21, 'text-anchor': 'middle', class: 'ring-text' });
  const ring = svg(
    'svg',
    { class: 'ring', viewBox: '0 0 36 36', width: 36, height: 36, 'aria-hidden': 'true' },
    svg('circle', { class: 'ring-track', cx: 18, cy: 18, r: RADIUS }),
    fillCircle,
    ringText,
  );
  const streakCount = h('span', { 'data-testid': 'pacer-pill-streak' });
  const flame = h('span', { class: 'flame' }, '🔥', streakCount);
  const points = h('span', { 'data-testid': 'pacer-pill-points' });
  const pointsUnit = h('small');
  const button = h(
    'button',
    { type: 'button', class: 'pill-button', 'aria-expanded': 'false' },
    ring,
    flame,
    h('span', { class: 'pill-points' }, points, pointsUnit),
  );
  button.addEventListener(
    'click',
    trusted(() => store.expand()),
  );
  button.addEventListener('pointerenter', handlers.onIntent);
  button.addEventListener('focus', handlers.onIntent);
  const drag = h('div', { class: 'drag', 'aria-hidden': 'true' });
  drag.addEventListener('pointerdown', trusted(handlers.onDragStart));
  const element = h('div', { class: 'pill', 'data-testid': 'pacer-pill' }, drag, button);

  const dispose = effect(() => {
    const t = store.t.value;
    const view = store.shown.value;
    const percent = view.primary?.percent ?? null;
    const streak = view.streak?.current ?? 0;
    const filled = Math.min(1, Math.max(0, (percent ?? 0) / 100)) * CIRCUMFERENCE;
    attr(fillCircle, 'stroke-dasharray', `${filled} ${CIRCUMFERENCE}`);
    text(ringText, percent === null ? '–' : Math.round(percent));
    attr(flame, 'class', `flame${view.streak?.atRisk ? ' at-risk' : ''}`);
    text(streakCount, streak);
    text(points, view.points.today);
    text(pointsUnit, t('pointsShort'));
    attr(
      button,
      'aria-label',
      `${t('expand')}: ${Math.round(percent ?? 0)}%, ${streak > 0 ? t('streakDays', { days: streak }) : t('streakStart')}, ${t('pointsToday', { points: view.points.today })}`,
    );
    attr(button, 'title', t('expand'));
  });
  return {
    element,
    takeFocus: () => {
      if (store.focusPill.peek()) {
        store.focusPill.value = false;
        button.focus();
      }
    },
    dispose,
  };
}
