// First, before any other module of the bundle runs: the start mark, then the storage read.
import '../ui/script-start.ts';
import '../ui/startup-read.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlook } from '../sites/outlook.ts';
import { runSite } from '../sites/run-site.tsx';
import { SITE_MATCHES } from '../sites/site-matches.ts';

export default defineContentScript({
  matches: [...SITE_MATCHES.outlook],
  runAt: 'document_idle',
  // The sidebar's CSS is passed inline to its shadow root (no extra fetch before first paint).
  cssInjectionMode: 'manual',
  main: (ctx) => runSite(ctx, outlook),
});
