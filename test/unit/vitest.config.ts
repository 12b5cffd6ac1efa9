import { defineProject } from 'vitest/config';

// Unit tests live beside the module they test (`*.test.ts`); test/unit/ keeps the few that test
// the repository as a whole (shared/ purity) or several areas at once.
export default defineProject({
  test: {
    name: 'unit',
    root: new URL('../..', import.meta.url).pathname,
    include: ['{shared,extension,worker}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**', '**/.wxt/**'],
    environment: 'node',
  },
  // The build-time constants (wxt.config.ts `define`) that modules under test read, as a test
  // build sets them.
  define: {
    __PACER_SHADOW_ROOT_MODE__: JSON.stringify('open'),
    __PACER_VERSION__: JSON.stringify('0.0.0-test'),
  },
});
