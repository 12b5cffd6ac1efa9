/**
 * Builds the leaderboard page (worker/page) into worker/page/out, which wrangler serves as static
 * assets. Same as `npm run build:page`; used by `npm start` and the page's browser tests, since the
 * worker serves whatever the folder holds when it starts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../test/support/worker-server.ts';

export function buildPage(): void {
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'worker/page/vite.config.ts',
    ],
    // Test runners set NODE_ENV=test; the page is always built as it ships.
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0)
    throw new Error(`page build failed:\n${result.stdout}\n${result.stderr}`);
}
