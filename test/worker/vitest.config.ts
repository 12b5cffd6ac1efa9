import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';
import { startChatReceiver } from '../../scripts/demo/chat-receiver.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The real worker (wrangler.toml) in workerd with a real local D1 and local queues; migrations
// are read here in Node and applied inside the runtime by test/worker/setup.ts. Chat channels
// post to a local receiver started here (scripts/demo/chat-receiver.ts).
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
          CHAT_RECEIVER_URL: (await startChatReceiver()).url,
          CHAT_ALLOW_LOCALHOST: 'true',
          // A dev key (tests only); deployments set their own Worker secret.
          CHAT_SECRET_KEY: 'cGFjZXItdGVzdC1rZXktcGFjZXItdGVzdC1rZXktMzI=',
          // Retries without waiting, so the retry and dead-letter paths run in seconds.
          CHAT_RETRY_BASE_SECONDS: '0',
          // Runs the tests at another date (test/worker/setup.ts).
          PACER_FAKE_NOW: process.env.PACER_FAKE_NOW ?? '',
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
