import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The leaderboard page is a small static Preact app; the worker serves the built files from
// `out/` through Workers static assets (wrangler.toml [assets]) and answers /api/*, /signin and
// /signout itself. `npm run build:page` must run before `wrangler dev`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'out',
    emptyOutDir: true,
    target: 'es2022',
    // Small enough to inline nothing clever: one JS chunk and one CSS file, hashed names.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
