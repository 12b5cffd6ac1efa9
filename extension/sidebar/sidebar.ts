/**
 * The sidebar root: side, vertical position (draggable), theme, collapsed or expanded. Collapsed,
 * it is the pill (pill.ts) and the toasts (toasts.ts, built with the first one), drawn with the
 * DOM: nothing of Preact runs on a page where the member never opens the panel. The content
 * script draws the root and the pill at load (content/run-site.ts); the sidebar's code, loaded
 * on first use (content/run-site-core.ts), keeps them in step with the store from then on
 * (`mountSidebar`). The expanded panel's code is loaded on first open (part-loader.ts) and
 * renders itself with the Preact it brings; until it is there, the pill stays.
 */
import { effect, untracked } from '@preact/signals-core';
import { h } from './dom.ts';
import { paintRoot } from './frame.ts';
import type { PanelLoader } from './part-loader.ts';
import type { Pill } from './pill.ts';
import type { SidebarStore } from './store.ts';
import { createToasts } from './toasts.ts';

/**
 * Keeps the sidebar the content script drew (`root`, holding `pill`) in step with the store;
 * returns what stops it.
 */
export function mountSidebar(
  root: HTMLElement,
  pill: Pill,
  store: SidebarStore,
  app: string,
  panel: PanelLoader,
): () => void {
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
  // The pill's painting while it is shown.
  let stopPill: (() => void) | null = null;
  // The panel's own element (Preact renders into it) and its styles, while it is shown.
  let expanded: { element: HTMLElement; unmount: () => void } | null = null;

  const showPill = (on: boolean) => {
    if (on && !stopPill) {
      if (pill.element.parentNode !== root) place(pill.element);
      stopPill = effect(() => pill.paint(store.shown.value, store.t.value));
      // The panel just closed from inside: the keyboard focus goes back to the pill.
      if (store.focusPill.peek()) {
        store.focusPill.value = false;
        pill.button.focus();
      }
    } else if (!on && stopPill) {
      stopPill();
      stopPill = null;
      pill.element.remove();
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
    paintRoot(root, prefs, loaded !== null, store.t.value, store.language.value);
    // Hidden on this site: only the toasts stay, while Undo is still offered.
    const hidden = prefs.sites[app] === false;
    // What the pill and the panel read is theirs to follow, not this effect's.
    untracked(() => {
      showPanel(hidden ? null : loaded);
      showPill(!hidden && !loaded);
    });
  });
  return () => {
    stop();
    showPanel(null);
    stopPill?.();
    stopPill = null;
    stopToasts();
    toasts?.dispose();
    toasts?.element.remove();
    toasts = null;
  };
}
