// First, before any other module of the bundle runs: the start mark, then the storage read.
import '../content/script-start.ts';
import '../content/startup-read.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '../content/run-site.ts';
import { generic } from '../sites/generic/adapter.ts';

/**
 * Not in the manifest: registered at run time for each origin the member enables
 * (site-access/registration.ts), under the id 'pacer-generic'. The built-in sites' content
 * scripts are the same wiring, generated from sites/catalog.ts by wxt.config.ts.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // The sidebar's CSS is passed inline to its shadow root (no extra fetch before first paint).
  cssInjectionMode: 'manual',
  main: (ctx) => runSite(ctx, generic),
});
