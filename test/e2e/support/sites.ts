/**
 * Serving site fixtures at their real URLs (request interception), for the adapters' browser
 * tests: every request to the site's hosts is answered with the fixture page `pick` chooses for
 * that URL, so the real content script matches, and nothing leaves the machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { repoRoot } from '../../support/worker-server.ts';

/**
 * A fixture page by `<site>/<file>`: an adapter's own pages live beside it
 * (extension/sites/<site>/fixtures/); pages that belong to no adapter (hostile/) in test/fixtures.
 */
export function siteFixture(path: string): string {
  const [site = '', ...file] = path.split('/');
  const beside = join(repoRoot, 'extension/sites', site, 'fixtures', ...file);
  return readFileSync(existsSync(beside) ? beside : join(repoRoot, 'test/fixtures', path), 'utf8');
}

/** Routes `patterns` (Playwright globs) to fixture pages; `pick` gets each request's URL. */
export async function serveFixtures(
  context: BrowserContext,
  patterns: readonly string[],
  pick: (url: URL) => string,
): Promise<void> {
  for (const pattern of patterns) {
    await context.unroute(pattern);
    await context.route(pattern, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: siteFixture(pick(new URL(route.request().url()))),
      }),
    );
  }
}

/** Uncaught errors and console errors of a page, collected from now on. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** The key of the log buttons on the page (the adapter's record key), one per host element. */
export function buttonKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-pacer-log-buttons]')
    .evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-pacer-log-buttons') ?? ''));
}

/** A log button inside the buttons' shadow root. */
export function logButton(page: Page, metric: string): Locator {
  return page.locator(`[data-pacer-log-buttons] button[data-metric="${metric}"]`);
}

/** Clicks a log button (a real, trusted click). */
export function clickLogButton(page: Page, metric: string): Promise<void> {
  return logButton(page, metric).click();
}
