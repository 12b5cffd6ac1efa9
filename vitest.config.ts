import { defineConfig } from 'vitest/config';

// Each kind of test is its own project with its own config:
//   unit   – shared/ domain and extension logic, plain Node
//   worker – the Hono API inside workerd with a real local D1 (@cloudflare/vitest-plugin)
//   e2e    – the built extension and the worker in real Chromium (playwright-core) and Firefox ESR
//            (puppeteer-core), and web-ext lint on the Firefox build
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      'test/unit/vitest.config.ts',
      'test/worker/vitest.config.ts',
      'test/e2e/vitest.config.ts',
    ],
  },
});
