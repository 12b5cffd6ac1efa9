/**
 * Logging's bundle (sidebar/local-logging.ts: the local overlay and what it recomputes), run in
 * the page's isolated world on the member's first intent to log (sidebar/part-loader.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createLocalLogging } from '../sidebar/local-logging.ts';
import { type PartHost, partHost } from '../sidebar/part-host.ts';

export default defineUnlistedScript({
  // Nothing to hand back to executeScript, and no global `logging` left in the isolated world.
  globalName: false,
  main: () => {
    performance.mark('pacer:logging-loaded');
    partHost<PartHost<typeof createLocalLogging>>('logging').register(createLocalLogging);
  },
});
