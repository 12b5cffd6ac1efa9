/**
 * The expanded panel's bundle, run in the page's isolated world on first open
 * (sidebar/panel-host.ts). It brings Preact and renders the panel itself; its signals are the
 * content script's (wxt.config.ts), so the panel reads the page's one store.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPanel } from '../sidebar/components/mount-panel.tsx';
import css from '../sidebar/panel.css?inline';
import { registerPanel } from '../sidebar/panel-host.ts';

export default defineUnlistedScript({
  // Nothing to hand back to executeScript, and no global `panel` left in the isolated world.
  globalName: false,
  main: () => registerPanel({ mount: mountPanel, css }),
});
