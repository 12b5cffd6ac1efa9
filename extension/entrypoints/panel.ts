/**
 * The expanded panel's bundle, run in the page's isolated world on first open
 * (sidebar/panel-host.ts). Preact, its hooks and signals are the content script's
 * (wxt.config.ts), so what this bundle holds is the panel itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Panel } from '../sidebar/components/Panel.tsx';
import css from '../sidebar/panel.css?inline';
import { registerPanel } from '../sidebar/panel-host.ts';

export default defineUnlistedScript({
  // Nothing to hand back to executeScript, and no global `panel` left in the isolated world.
  globalName: false,
  main: () => registerPanel({ Panel, css }),
});
