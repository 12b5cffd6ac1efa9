// First, before any other module of the bundle runs: the start mark, then the storage read.
import '../ui/script-start.ts';
import '../ui/startup-read.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { generic } from '../sites/generic.ts';
import { runSite } from '../sites/run-site.tsx';

/**
 * Not in the manifest: registered at run time for each origin the member enables
 * (ui/site-access.ts), under the id 'pacer-generic'.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runSite(ctx, generic),
});
