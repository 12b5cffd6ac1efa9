/**
 * Builds the extension once for all e2e files: the Chrome build and the Firefox build. The API server's port is chosen here and baked
 * into the build's host permissions (the browser cannot answer a permission prompt in a test),
 * then handed to the tests with `provide`.
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
    extensionDir: string;
    /** The Firefox build (MV2, see extension/README.md) of the same extension. */
    firefoxExtensionDir: string;
    /** A localhost origin the build grants at install, for the "enable on any site" test. */
    siteOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const apiPort = await freePort();
  const siteOrigin = `http://localhost:${await freePort()}`;
  const env = {
    ...process.env,
    PACER_OUT_DIR: E2E_OUT_DIR,
    PACER_API_ORIGINS: `http://127.0.0.1:${apiPort}`,
    PACER_TEST_SITE_ORIGINS: siteOrigin,
  };
  for (const browserArgs of [[], ['-b', 'firefox']]) {
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...browserArgs],
      { cwd: repoRoot, encoding: 'utf8', env },
    );
    if (result.status !== 0) {
      throw new Error(`extension build failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
  project.provide('apiPort', apiPort);
  project.provide('siteOrigin', siteOrigin);
  project.provide('extensionDir', join(repoRoot, E2E_OUT_DIR, 'chrome-mv3'));
  project.provide('firefoxExtensionDir', join(repoRoot, E2E_OUT_DIR, 'firefox-mv2'));
  return () => rmSync(join(repoRoot, E2E_OUT_DIR), { recursive: true, force: true });
}
