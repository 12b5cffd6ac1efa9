/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox extension installed, driven by
 * puppeteer-core over WebDriver BiDi (playwright-core cannot launch this Firefox). Site pages are
 * fixtures served at their real URLs by request interception, so the extension's real content
 * scripts match and run. The background page is out of reach here: tests check what reached the
 * server through the API instead.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import { z } from 'zod';
import { artifactsDir } from './browser.ts';
import { siteFixture } from './sites.ts';

/** Generous: the suite shares a small, busy machine; nothing here measures speed. */
export const FIREFOX_WAIT_MS = 60_000;

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the extension's pages (the UUID is fixed at launch by a pref). */
  extensionOrigin: string;
  close(): Promise<void>;
}

const BuiltManifest = z.object({
  browser_specific_settings: z.object({ gecko: z.object({ id: z.string().min(1) }) }),
});

/** Starts headless Firefox with a fresh profile and installs the extension built in `extensionDir`. */
export async function launchFirefoxWithExtension(
  extensionDir: string,
): Promise<FirefoxWithExtension> {
  const manifest = BuiltManifest.parse(
    JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')),
  );
  const addonId = manifest.browser_specific_settings.gecko.id;
  // Firefox gives each install a random UUID for moz-extension:// unless this pref names it.
  const uuid = randomUUID();
  const options: LaunchOptions = {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: 120_000,
    // A fresh profile's first start, beside the other e2e files on two busy cores, has taken
    // longer than puppeteer's default 30 s to print its endpoint.
    timeout: 75_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    },
    // Lets WebDriver BiDi install an add-on.
    args: ['--remote-allow-system-access'],
  };
  // One more start if the first never printed its endpoint (the browser, not Pacer, was stuck).
  const browser = await puppeteer
    .launch(options)
    .catch((error: unknown) =>
      error instanceof Error && error.name === 'TimeoutError'
        ? puppeteer.launch(options)
        : Promise.reject(error),
    );
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, extensionOrigin: `moz-extension://${uuid}`, close: () => browser.close() };
}

/** A tab whose waits (locators, selectors) all get the generous limit. */
async function newPage(ff: FirefoxWithExtension): Promise<Page> {
  const page = await ff.browser.newPage();
  page.setDefaultTimeout(FIREFOX_WAIT_MS);
  return page;
}

/**
 * Opens one of the extension's pages and resolves once `readySelector` is on it. Firefox sends no
 * load event for moz-extension:// pages, so the navigation is not awaited; and while the page
 * replaces about:blank a query can fail with a protocol error, so the element is polled for until
 * the deadline instead of waited for once.
 */
export async function openExtensionPage(
  ff: FirefoxWithExtension,
  path: string,
  readySelector: string,
): Promise<Page> {
  const page = await newPage(ff);
  const url = `${ff.extensionOrigin}/${path}`;
  page.goto(url).catch(() => {
    // The navigation happens; only its load event never comes.
  });
  const deadline = Date.now() + FIREFOX_WAIT_MS;
  for (;;) {
    // (page.url() stays about:blank here: Puppeteer sees no navigation to extension pages.)
    const found = await page.$(readySelector).catch(() => null);
    if (found) return page;
    if (Date.now() > deadline)
      throw new Error(`${url}: no ${readySelector} after ${FIREFOX_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Signs in through the popup with an invite code; resolves once the popup says so. */
export async function signInThroughPopup(
  ff: FirefoxWithExtension,
  server: string,
  code: string,
  name: string,
): Promise<Page> {
  const popup = await openExtensionPage(ff, 'popup.html', 'input[name=server]');
  await popup.locator('input[name=server]').fill(server);
  await popup.locator('input[name=code]').fill(code);
  await popup.locator('input[name=name]').fill(name);
  await popup.locator('input[name=email]').fill('li.lei@example.cn');
  await popup.locator('button[type=submit]').click();
  // A plain function, not a ::-p-text selector: Puppeteer's text query does not run on
  // moz-extension:// pages.
  await popup.waitForFunction(
    (expected) => document.querySelector('h1')?.textContent === expected,
    { timeout: FIREFOX_WAIT_MS, polling: 200 },
    `Signed in as ${name}`,
  );
  return popup;
}

/**
 * A new tab whose requests to the sites `pick` knows are answered with fixture pages (`pick`
 * returns a path under test/fixtures, or undefined to let the request through).
 */
export async function openSitePage(
  ff: FirefoxWithExtension,
  pick: (url: URL) => string | undefined,
): Promise<Page> {
  const page = await newPage(ff);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const fixture = pick(new URL(request.url()));
    if (fixture === undefined) {
      void request.continue();
      return;
    }
    void request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: siteFixture(fixture),
    });
  });
  return page;
}

/** Text of the first element with this test id inside the sidebar's shadow root. */
export function sidebarText(page: Page, testId: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      document
        .querySelector('pacer-sidebar')
        ?.shadowRoot?.querySelector(`[data-testid="${id}"]`)
        ?.textContent?.trim() ?? null,
    testId,
  );
}

/** Waits until the sidebar element with this test id reads `expected` (or contains it). */
export async function waitForSidebarText(
  page: Page,
  testId: string,
  expected: string,
  { contains = false, timeout = FIREFOX_WAIT_MS } = {},
): Promise<void> {
  await page.waitForFunction(
    (id, want, partial) => {
      const text =
        document
          .querySelector('pacer-sidebar')
          ?.shadowRoot?.querySelector(`[data-testid="${id}"]`)
          ?.textContent?.trim() ?? null;
      return partial ? (text?.includes(want) ?? false) : text === want;
    },
    { timeout, polling: 200 },
    testId,
    expected,
    contains,
  );
}

export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
