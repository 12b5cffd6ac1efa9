/**
 * The sidebar root: side, vertical position (draggable), theme, collapsed or expanded. Collapsed,
 * it is the pill (pill.ts) and the toasts (toasts.ts, built with the first one), drawn with the
 * DOM: nothing of Preact runs on a page where the member never opens the panel. The expanded panel's code is loaded on first
 * open (part-loader.ts) and renders itself with the Preact it brings; until it is there, the
 * pill stays.
 */
import { effect, untracked } from '@preact/signals-core';
import { intlLocale } from '../../shared/domain/language.ts';
import { h } from './dom.ts';
import type { PanelLoader } from './part-loader.ts';
import { createPill, type Pill } from './pill.ts';
import type { SidebarStore } from './store.ts';
import { createToasts } from './toasts.ts';

function startDrag(store: SidebarStore, down: PointerEvent): void {
  const target = down.currentTarget as HTMLElement;
  const startY = down.clientY;
  const startTop = store.prefs.value.top;
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
    store.setPrefs({ top });
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
}

/** Draws the sidebar into `container` and keeps it in step; returns what takes it down. */
export function mountSidebar(
  container: HTMLElement,
  store: SidebarStore,
  app: string,
  panel: PanelLoader,
): () => void {
  const root = h('aside', {});
  // Made with the first toast or celebration: most page loads show none, and building them
  // (and running their effect) at load was part of what the sidebar cost every page.
  let toasts: ReturnType<typeof createToasts> | null = null;
  const stopToasts = effect(() => {
    if (toasts || (store.toasts.value.length === 0 && !store.celebration.value)) return;
    toasts = untracked(() => createToasts(store));
    root.append(toasts.element);
  });
  /** The pill or the panel goes before the toasts. */
  const place = (element: HTMLElement) => root.insertBefore(element, toasts?.element ?? null);
  let pill: Pill | null = null;
  // The panel's own element (Preact renders into it) and its styles, while it is shown.
  let expanded: { element: HTMLElement; unmount: () => void } | null = null;

  const showPill = (on: boolean) => {
    if (on && !pill) {
      pill = createPill(store, {
        onDragStart: (e) => startDrag(store, e),
        // Pointing at or focusing the pill starts loading the panel, ahead of the click.
        onIntent: () => void panel.load().catch(() => undefined),
      });
      place(pill.element);
      pill.takeFocus();
    } else if (!on && pill) {
      pill.dispose();
      pill.element.remove();
      pill = null;
    }
  };
  const showPanel = (loaded: NonNullable<PanelLoader['module']['value']> | null) => {
    if (loaded && !expanded) {
      const element = h('div', { style: 'display: contents' }, h('style', {}, loaded.css));
      const host = element.appendChild(h('div', { style: 'display: contents' }));
      place(element);
      expanded = { element, unmount: loaded.mount(host, { store, app }) };
    } else if (!loaded && expanded) {
      expanded.unmount();
      expanded.element.remove();
      expanded = null;
    }
  };

  const stop = effect(() => {
    const prefs = store.prefs.value;
    const loaded = prefs.collapsed ? null : panel.module.value;
    root.className = `pacer ${prefs.side} theme-${prefs.theme} ${loaded ? 'expanded' : 'collapsed'}`;
    root.style.top = `${loaded ? 16 : prefs.top}px`;
    root.setAttribute('aria-label', store.t.value('sidebar'));
    root.lang = intlLocale(store.language.value);
    // Hidden on this site: only the toasts stay, while Undo is still offered.
    const hidden = prefs.sites[app] === false;
    // What the pill and the panel read is theirs to follow, not this effect's.
    untracked(() => {
      showPanel(hidden ? null : loaded);
      showPill(!hidden && !loaded);
    });
  });
  container.append(root);
  return () => {
    stop();
    showPanel(null);
    showPill(false);
    stopToasts();
    toasts?.dispose();
    root.remove();
  };
}
