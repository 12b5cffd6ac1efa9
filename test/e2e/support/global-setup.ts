/**
 * Builds the extension once for all e2e files: the Chrome and Firefox test builds (open shadow
 * roots, so tests can find the sidebar's elements) and the Chrome build as shipped (closed roots)
 * for the hostile-page tests. The API server's port is chosen here and baked into the builds' host
 * permissions (the browser cannot answer a permission prompt in a test), then handed to the tests
 * with `provide`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, repoRoot } from '../../support/worker-server.ts';

// One folder per run: two runs at once (two engineers, CI) must not rebuild each other's
// extension while a browser has it loaded.
const E2E_OUT_DIR = `.output/e2e-${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    apiPort: number;
    /**
     * A test build: its shadow roots are open, so tests find the sidebar's elements by test id,
     * and the daily rhythm's clock can be pinned (extension/platform/clock.ts).
     */
    extensionDir: string;
    /**
     * The build as shipped (closed shadow roots), for the hostile-page tests; only its daily
     * rhythm waits for a pinned clock (extension/platform/clock.ts).
     */
    closedExtensionDir: string;
    /** The Firefox build (MV2, see extension/README.md) of the test build. */
    firefoxExtensionDir: string;
    /** A localhost origin the build grants at install, for the "enable on any site" test. */
    siteOrigin: string;
  }
}

function build(outDir: string, env: Record<string, string>, browserArgs: string[] = []): void {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...browserArgs],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PACER_OUT_DIR: outDir, ...env } },
  );
  if (result.status !== 0) {
    throw new Error(`extension build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const apiPort = await freePort();
  const siteOrigin = `http://localhost:${await freePort()}`;
  const env = {
    PACER_API_ORIGINS: `http://127.0.0.1:${apiPort}`,
    PACER_TEST_SITE_ORIGINS: siteOrigin,
  };
  project.provide('apiPort', apiPort);
  project.provide('siteOrigin', siteOrigin);
  const open = { ...env, PACER_TEST_OPEN_SHADOW_ROOTS: '1', PACER_TEST_CLOCK: '1' };
  build(E2E_OUT_DIR, open);
  build(E2E_OUT_DIR, open, ['-b', 'firefox']);
  // The daily rhythm's clock is test-only too: without a pinned clock its cards stay away, so
  // the hostile pages find the sidebar as collapsed on any day and at any hour.
  build(`${E2E_OUT_DIR}-closed`, { ...env, PACER_TEST_CLOCK: '1' });
  project.provide('extensionDir', join(repoRoot, E2E_OUT_DIR, 'chrome-mv3'));
  project.provide('firefoxExtensionDir', join(repoRoot, E2E_OUT_DIR, 'firefox-mv2'));
  project.provide('closedExtensionDir', join(repoRoot, `${E2E_OUT_DIR}-closed`, 'chrome-mv3'));
  return () => {
    rmSync(join(repoRoot, E2E_OUT_DIR), { recursive: true, force: true });
    rmSync(join(repoRoot, `${E2E_OUT_DIR}-closed`), { recursive: true, force: true });
  };
}
