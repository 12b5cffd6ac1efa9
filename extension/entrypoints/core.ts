import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type StartCore, startCore } from '../content/run-site-core.ts';
import { type PartHost, partHost } from '../sidebar/part-host.ts';

/**
 * The sidebar's code (content/run-site-core.ts), run in a page's isolated world by the
 * background when the content script asks for it on first use (content/run-site.ts).
 */
export default defineUnlistedScript({
  globalName: false,
  main: () => {
    performance.mark('pacer:core-loaded');
    partHost<PartHost<StartCore>>('core').register(startCore);
  },
});
