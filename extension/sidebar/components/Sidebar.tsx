/**
 * The sidebar root: side, vertical position (draggable), theme, collapsed or expanded. The
 * expanded panel's code is loaded on first open (panel-loader.ts); until it is there, the pill
 * stays.
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import type { PanelLoader } from '../panel-loader.ts';
import type { SidebarStore } from '../store.ts';
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

export function Sidebar({
  store,
  app,
  panel,
}: {
  store: SidebarStore;
  app: string;
  panel: PanelLoader;
}) {
  const prefs = store.prefs.value;
  const loaded = prefs.collapsed ? null : panel.module.value;
  return (
    <aside
      class={`pacer ${prefs.side} theme-${prefs.theme} ${loaded ? 'expanded' : 'collapsed'}`}
      style={{ top: `${loaded ? 16 : prefs.top}px` }}
      aria-label={store.t.value('sidebar')}
      lang={intlLocale(store.language.value)}
    >
      {loaded ? (
        <>
          <style>{loaded.css}</style>
          <loaded.Panel store={store} app={app} />
        </>
      ) : (
        <Pill
          store={store}
          onDragStart={(e) => startDrag(store, e)}
          // Pointing at or focusing the pill starts loading the panel, ahead of the click.
          onIntent={() => void panel.load().catch(() => undefined)}
        />
      )}
      <Toasts store={store} />
    </aside>
  );
}
