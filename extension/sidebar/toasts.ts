/**
 * Confirmations, Undo offers and celebrations, announced politely to screen readers. Painted with
 * the DOM (dom.ts) because they show while the panel is not loaded. Each toast's element is kept
 * while the toast lives (its entrance animation plays once, a focused button keeps its focus);
 * a language change draws them again.
 */
import { effect } from '@preact/signals-core';
import type { Translate } from '../i18n/index.ts';
import { h, text } from './dom.ts';
import type { SidebarStore, Toast } from './store.ts';
import { trusted } from './trusted.ts';

function link(label: string, onClick: () => void, testId?: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'link', 'data-testid': testId }, label);
  button.addEventListener('click', trusted(onClick));
  return button;
}

function toastElement(store: SidebarStore, t: Translate, toast: Toast): HTMLElement {
  const done = () => store.dismiss(toast.id);
  const { undoId, restoreSite, confirm } = toast;
  return h(
    'div',
    { class: 'toast', 'data-testid': 'pacer-toast' },
    h('span', {}, toast.text),
    toast.points
      ? h(
          'span',
          { class: 'points-gained', 'data-testid': 'pacer-points-gained' },
          t('pointsGained', { points: toast.points }),
        )
      : null,
    undoId
      ? link(
          t('undo'),
          () => {
            store.undo(undoId);
            done();
          },
          'pacer-toast-undo',
        )
      : null,
    restoreSite
      ? link(
          t('undo'),
          () => {
            store.showOnSite(restoreSite);
            done();
          },
          'pacer-toast-undo',
        )
      : null,
    confirm
      ? link(
          toast.yes ?? t('doubleLogYes'),
          () => {
            done();
            confirm();
          },
          'pacer-confirm-yes',
        )
      : null,
    confirm ? link(t('doubleLogNo'), done) : null,
  );
}

export function createToasts(store: SidebarStore): { element: HTMLElement; dispose(): void } {
  const element = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  const celebration = h('div', { class: 'toast celebrate', 'data-testid': 'pacer-celebration' });
  const shown = new Map<number, HTMLElement>();
  let drawnWith: Translate | null = null;
  const dispose = effect(() => {
    const t = store.t.value;
    const toasts = store.toasts.value;
    const celebrating = store.celebration.value;
    if (celebrating) {
      text(celebration, `🎉 ${celebrating}`);
      if (element.firstChild !== celebration) element.prepend(celebration);
    } else celebration.remove();
    if (t !== drawnWith) {
      for (const old of shown.values()) old.remove();
      shown.clear();
      drawnWith = t;
    }
    const live = new Set(toasts.map((x) => x.id));
    for (const [id, old] of shown)
      if (!live.has(id)) {
        old.remove();
        shown.delete(id);
      }
    // New toasts come last (ids only grow), so appending keeps the order.
    for (const toast of toasts)
      if (!shown.has(toast.id)) {
        const made = toastElement(store, t, toast);
        shown.set(toast.id, made);
        element.append(made);
      }
  });
  return { element, dispose };
}
