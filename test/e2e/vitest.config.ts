import { defineProject } from 'vitest/config';

// Browser tests: the built extension and the leaderboard page in real Chromium against the real
// worker (wrangler dev + local D1). One file at a time: each starts its own worker and browser.
export default defineProject({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
