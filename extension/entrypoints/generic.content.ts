// First import: marks the script's start before any other module of the bundle runs.
import '../ui/script-start.ts';
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
