/**
 * Real Chromium with the built extension loaded, and Gmail served from fixtures at its real
 * URLs (request interception), so the extension's real content script matches and runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { repoRoot } from '../../support/worker-server.ts';

export const artifactsDir = join(repoRoot, 'test-results', 'e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the extension. `profileDir` reuses a browser profile (to restart the
 * browser with its storage); without it a fresh one is made and deleted on close.
 */
export async function launchWithExtension(
  extensionDir: string,
  profileDir?: string,
): Promise<ExtensionBrowser> {
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'pacer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function gmailFixture(name: string): string {
  return readFileSync(join(repoRoot, 'extension/sites/gmail/fixtures', name), 'utf8');
}

/** Answers every mail.google.com request with the named fixture page. */
export async function serveGmail(context: BrowserContext, fixture: string): Promise<void> {
  await context.unroute('https://mail.google.com/**');
  const body = gmailFixture(fixture);
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
