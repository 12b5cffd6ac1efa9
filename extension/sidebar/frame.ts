/**
 * The sidebar's root as the content script draws it at load and the sidebar's code (sidebar.ts)
 * keeps it: plain DOM, no signals, so both use the same rules.
 */
import { intlLocale } from '../../shared/domain/language.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import type { Prefs } from '../platform/prefs.ts';

/** The root's classes, position, label and language, as `prefs` and the panel's presence say. */
export function paintRoot(
  root: HTMLElement,
  prefs: Prefs,
  expanded: boolean,
  t: Translate,
  language: Language,
): void {
  root.className = `pacer ${prefs.side} theme-${prefs.theme} ${expanded ? 'expanded' : 'collapsed'}`;
  root.style.top = `${expanded ? 16 : prefs.top}px`;
  root.setAttribute('aria-label', t('sidebar'));
  root.lang = intlLocale(language);
}

/** Drags the collapsed sidebar up or down from `startTop`; `save` keeps where it was let go. */
export function startDrag(down: PointerEvent, startTop: number, save: (top: number) => void) {
  const target = down.currentTarget as HTMLElement;
  const startY = down.clientY;
  let top = startTop;
  target.setPointerCapture(down.pointerId);
  const root = target.closest('.pacer') as HTMLElement | null;
  const move = (e: PointerEvent) => {
    top = Math.max(0, Math.min(window.innerHeight - 60, startTop + e.clientY - startY));
    if (root) root.style.top = `${top}px`;
  };
  const up = () => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    save(top);
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
}
