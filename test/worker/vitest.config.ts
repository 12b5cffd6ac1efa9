import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The real worker (wrangler.toml) in workerd with a real local D1; migrations are read here in
// Node and applied inside the runtime by test/worker/setup.ts.
export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      main: `${root}worker/index.ts`,
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        bindings: {
          // test/worker/helpers.ts calls the worker as BASE.
          PUBLIC_ORIGIN: 'https://pacer.test',
          TEST_MIGRATIONS: await readD1Migrations(`${root}worker/db/migrations`),
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    root,
    include: ['test/worker/**/*.test.ts'],
    setupFiles: ['test/worker/setup.ts'],
    testTimeout: 30_000,
  },
});
