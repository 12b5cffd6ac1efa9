import { defineProject } from 'vitest/config';

// Real Chromium and Firefox + the real built extension + the real worker (wrangler dev, local D1).
// Files run one after another: each starts its own browser and server.
export default defineProject({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
