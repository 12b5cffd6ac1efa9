/**
 * Collapsed sidebar: a slim pill at the page edge (progress ring, streak flame, today's points),
 * plain DOM patched in place: no signals or Preact, so the content script can paint it at load
 * without the sidebar's code.
 */
import type { Translate } from '../i18n/translate.ts';
import type { SidebarView } from '../platform/view.ts';
import { attr, h, text } from './dom.ts';
import { trusted } from './trusted.ts';

/**
 * The ring's fill (sidebar.css `.ring`), a registered property so that it animates: `@property`
 * rules in a shadow root's styles are not applied. The registry is the page's, hence the name.
 * Registered when the ring first changes, not at load: a registration restyles the whole page,
 * and a ring that never moves needs none.
 */
const RING_FILLED = '--pacer-ring-filled';
let ringFilledRegistered = false;

function registerRingFilled(): void {
  if (ringFilledRegistered) return;
  ringFilledRegistered = true;
  try {
    CSS.registerProperty({
      name: RING_FILLED,
      syntax: '<percentage>',
      inherits: true,
      initialValue: '0%',
    });
  } catch {
    // Registered already (an earlier copy of this script on the page), or not allowed here: the
    // ring shows its value all the same, at worst without turning to it.
  }
}

export interface PillHandlers {
  /** A real click on the pill: open the panel. */
  onActivate(): void;
  onDragStart(e: PointerEvent): void;
  /** The member is about to open the panel (pointer over the pill, or focus on it). */
  onIntent(): void;
}

/** What the pill shows: the primary target's attainment, the streak, today's points. */
export type PillFigures = Pick<SidebarView, 'primary' | 'streak' | 'points'>;

export interface Pill {
  element: HTMLElement;
  button: HTMLButtonElement;
  /** Patches what changed since the last paint. */
  paint(figures: PillFigures, t: Translate): void;
}

/**
 * Built once per page by the content script, which paints it at load from the stored view; the
 * sidebar's code (run-site-core.ts), once it is loaded, paints the same elements from the store,
 * so the pill is never replaced under the member's pointer or focus.
 */
export function createPill(handlers: PillHandlers): Pill {
  // The ring: attainment of the primary target, capped visually at one full turn, drawn by CSS
  // from one custom property: no SVG element is made at load, which in a content script's world
  // costs more than the few elements suggest. Decorative: the button's own label says the
  // percentage. Spans throughout (and the button): each other kind of element would cost the
  // content script's world its first-use set-up at load.
  const ringText = h('span', { class: 'ring-text' });
  const ring = h('span', { class: 'ring', 'aria-hidden': 'true' }, ringText);
  const streakCount = h('span', { 'data-testid': 'pacer-pill-streak' });
  const flame = h('span', { class: 'flame' }, '🔥', streakCount);
  const points = h('span', { 'data-testid': 'pacer-pill-points' });
  const pointsUnit = h('span', { class: 'unit' });
  const button = h(
    'button',
    { type: 'button', class: 'pill-button', 'aria-expanded': 'false' },
    ring,
    flame,
    h('span', { class: 'pill-points' }, points, pointsUnit),
  );
  button.addEventListener('click', trusted(handlers.onActivate));
  button.addEventListener('pointerenter', handlers.onIntent);
  button.addEventListener('focus', handlers.onIntent);
  const drag = h('span', { class: 'drag', 'aria-hidden': 'true' });
  drag.addEventListener('pointerdown', trusted(handlers.onDragStart));
  const element = h('span', { class: 'pill', 'data-testid': 'pacer-pill' }, drag, button);

  /** The fill the ring was first drawn with; the first other value registers the property. */
  let firstFilled: string | null = null;
  const paint = (view: PillFigures, t: Translate) => {
    const percent = view.primary?.percent ?? null;
    const streak = view.streak?.current ?? 0;
    const filled = Math.min(1, Math.max(0, (percent ?? 0) / 100));
    const filledText = `${Math.round(filled * 1000) / 10}%`;
    firstFilled ??= filledText;
    if (filledText !== firstFilled && !ringFilledRegistered) {
      registerRingFilled();
      // Styles the ring at its old value as a registered percentage, so it turns from there.
      getComputedStyle(ring).getPropertyValue(RING_FILLED);
    }
    attr(ring, 'style', `${RING_FILLED}: ${filledText}`);
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
  };
  return { element, button, paint };
}
