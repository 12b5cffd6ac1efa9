/**
 * The expanded panel is not part of the content script: its code (entrypoints/panel.ts: the
 * Panel component, everything it shows, and panel.css) is injected into the page's isolated world
 * the first time the member opens the sidebar (sidebar/panel-loader.ts asks the background, which
 * runs `scripting.executeScript`). Nothing is web-accessible: the page can neither fetch nor run
 * the panel's file, on any site.
 *
 * Both bundles must use one Preact, one hooks state and one signals graph (the panel renders in
 * the content script's tree and reads its store's signals), so in the panel's bundle these
 * packages are the small modules in `panel-shared/` (wxt.config.ts maps the imports to them),
 * which take what the panel uses from the object the content script puts on its isolated
 * world's global before asking for the panel. Code added to the panel (anything imported from
 * Panel.tsx) lands in the lazy bundle by itself; a Preact or signals export it needs that is not
 * shared yet fails the build (not exported by `panel-shared/…`) until it is added here, in
 * panel-loader.ts and in that module.
 */
import type * as Signals from '@preact/signals';
import type * as Preact from 'preact';
import type * as Hooks from 'preact/hooks';
import type * as JsxRuntime from 'preact/jsx-runtime';
import type { SidebarStore } from './store.ts';

/** The isolated world's global the panel's bundle reads (never the page's window). */
const PANEL_HOST_GLOBAL = '__pacerPanelHost';

/** Import name → the module the panel's bundle uses instead (wxt.config.ts). */
export const SHARED_PACKAGES = {
  preact: 'panel-shared/preact.ts',
  'preact/hooks': 'panel-shared/hooks.ts',
  'preact/jsx-runtime': 'panel-shared/jsx-runtime.ts',
  // What JSX compiles to when the build's mode is not production (the e2e builds).
  'preact/jsx-dev-runtime': 'panel-shared/jsx-runtime.ts',
  '@preact/signals': 'panel-shared/signals.ts',
} as const;

/** What the content script shares with the panel. */
export interface SharedModules {
  preact: Pick<typeof Preact, 'Fragment'>;
  hooks: Pick<typeof Hooks, 'useCallback' | 'useEffect' | 'useMemo' | 'useRef' | 'useState'>;
  jsxRuntime: Pick<typeof JsxRuntime, 'Fragment' | 'jsx' | 'jsxDEV' | 'jsxs'>;
  signals: Pick<
    typeof Signals,
    'batch' | 'computed' | 'effect' | 'signal' | 'useComputed' | 'useSignal'
  >;
}

export interface PanelProps {
  store: SidebarStore;
  /** The site adapter's id (the panel's "off on this site" button). */
  app: string;
}

/** What the panel's bundle hands back when it runs. */
export interface PanelModule {
  Panel: (props: PanelProps) => Preact.JSX.Element;
  /** panel.css, added to the sidebar's shadow root with the panel. */
  css: string;
}

export interface PanelHost extends SharedModules {
  register(panel: PanelModule): void;
}

/** The content script's side: shares its modules, and hears the panel register. */
export function setPanelHost(host: PanelHost): void {
  (globalThis as Record<string, unknown>)[PANEL_HOST_GLOBAL] = host;
}

/** The panel's side (panel-shared/, entrypoints/panel.ts). */
export function panelHost(): PanelHost {
  const host = (globalThis as Record<string, unknown>)[PANEL_HOST_GLOBAL] as PanelHost | undefined;
  if (!host) throw new Error('Pacer: the panel ran before its content script');
  return host;
}

/** Called by the panel's bundle when it runs. */
export function registerPanel(panel: PanelModule): void {
  performance.mark('pacer:panel-loaded');
  panelHost().register(panel);
}
