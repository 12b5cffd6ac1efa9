/**
 * The expanded panel is not part of the content script: its code (entrypoints/panel.ts: the
 * Panel component, everything it shows, Preact itself, and panel.css) is injected into the
 * page's isolated world the first time the member opens the sidebar (sidebar/part-loader.ts
 * asks the background, which runs `scripting.executeScript`). Nothing is web-accessible: the
 * page can neither fetch nor run the panel's file, on any site.
 *
 * The content script draws the pill and toasts with the DOM (sidebar.ts), so Preact, its hooks
 * and its signals bindings come with the panel. What both bundles must share is one signals graph
 * (the panel reads the content script's store), so in the panel's bundle `@preact/signals-core`
 * is the small module `panel-shared/signals-core.ts` (wxt.config.ts maps the import to it), which
 * takes the content script's from the object put on its isolated world's global before asking
 * for the panel. Code added to the panel (anything imported from Panel.tsx) lands in the lazy
 * bundle by itself.
 */
import type * as SignalsCore from '@preact/signals-core';
import { type PartHost, partHost } from './part-host.ts';
import type { SidebarStore } from './store.ts';

/** Import name → the module the panel's bundle uses instead (wxt.config.ts). */
export const SHARED_PACKAGES = {
  '@preact/signals-core': 'panel-shared/signals-core.ts',
} as const;

/** What the content script shares with the panel: everything `@preact/signals` imports. */
export interface SharedModules {
  signals: Pick<
    typeof SignalsCore,
    'Signal' | 'action' | 'batch' | 'computed' | 'createModel' | 'effect' | 'signal' | 'untracked'
  >;
}

export interface PanelProps {
  store: SidebarStore;
  /** The site adapter's id (the panel's "off on this site" button). */
  app: string;
}

/** What the panel's bundle hands back when it runs. */
export interface PanelModule {
  /** Renders the panel into `container`; returns what unmounts it. */
  mount(container: HTMLElement, props: PanelProps): () => void;
  /** panel.css, added to the sidebar's shadow root with the panel. */
  css: string;
}

export interface PanelHost extends SharedModules, PartHost<PanelModule> {}

/** The panel's side (panel-shared/, entrypoints/panel.ts). */
export const panelHost = (): PanelHost => partHost<PanelHost>('panel');

/** Called by the panel's bundle when it runs. */
export function registerPanel(panel: PanelModule): void {
  performance.mark('pacer:panel-loaded');
  panelHost().register(panel);
}
