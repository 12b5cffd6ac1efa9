/** The sidebar root: side, vertical position (draggable), theme, collapsed or expanded. */
import { intlLocale } from '../../../shared/domain/language.ts';
import type { SidebarStore } from '../store.ts';
import { Panel } from './Panel.tsx';
import { Pill } from './Pill.tsx';
import { Toasts } from './Toasts.tsx';

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

export function Sidebar({ store, app }: { store: SidebarStore; app: string }) {
  const prefs = store.prefs.value;
  return (
    <aside
      class={`pacer ${prefs.side} theme-${prefs.theme} ${prefs.collapsed ? 'collapsed' : 'expanded'}`}
      style={{ top: `${prefs.collapsed ? prefs.top : 16}px` }}
      aria-label={store.t.value('sidebar')}
      lang={intlLocale(store.language.value)}
    >
      {/* Hidden on this site: only the toasts stay, while Undo is still offered. */}
      {prefs.sites[app] === false ? null : prefs.collapsed ? (
        <Pill store={store} onDragStart={(e) => startDrag(store, e)} />
      ) : (
        <Panel store={store} app={app} />
      )}
      <Toasts store={store} />
    </aside>
  );
}
