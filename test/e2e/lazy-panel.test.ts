/**
 * What the content script leaves to later (extension/content/run-site.ts): the sidebar's code
 * (the store and what it drives, content/run-site-core.ts) on the member's first move, logging's
 * on the first intent to log, the expanded panel's on first open (sidebar/panel-host.ts). The
 * content scripts do not hold them, a page left alone runs none, each runs once, and nothing of
 * them is reachable by the page. Real Chromium, the Gmail fixture at its real address. (Firefox:
 * firefox/firefox-journeys.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPILE_HINT } from '../../wxt.config.ts';
import { type ExtensionBrowser, launchWithExtension, serveGmail } from './support/browser.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';
/** Strings only the panel's code holds: its root's and its +1 buttons' test ids. */
const PANEL_ONLY = ['pacer-panel', 'pacer-plus-'];
/** Strings only logging's code holds (sidebar/local-logging.ts): its double-log question's keys. */
const LOGGING_ONLY = ['doubleLogConfirm', 'loggedNoContact'];
/** Strings only the sidebar's code holds: the toasts' and the celebration's test ids. */
const CORE_ONLY = ['pacer-toast', 'pacer-celebration'];

let ext: ExtensionBrowser;
let gmail: Page;

function panelLoads(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('pacer:panel-loaded').length);
}

function coreLoads(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('pacer:core-loaded').length);
}

function loggingLoads(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('pacer:logging-loaded').length);
}

/** Counts the adapter's reads of the page (content/watch-records.ts), from the first script on. */
const COUNT_CHECKS = `
  window.__checks = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'pacer:record-check') window.__checks += 1;
  }).observe({ type: 'measure' });
`;

async function openGmail(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(COUNT_CHECKS);
  await page.goto(THREAD_URL);
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('pacer:sidebar-painted').length))
    .toBe(1);
  return page;
}

beforeAll(async () => {
  ext = await launchWithExtension(inject('extensionDir'));
  await serveGmail(ext.context, 'one-message.html');
});

afterAll(async () => {
  await ext?.close();
});

describe('the sidebar panel, loaded on first open', () => {
  it('is not in any content script, and no file of the extension is web-accessible', () => {
    const dir = inject('extensionDir');
    const scripts = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(7);
    for (const file of scripts) {
      const code = readFileSync(join(dir, 'content-scripts', file), 'utf8');
      for (const marker of [...PANEL_ONLY, ...LOGGING_ONLY, ...CORE_ONLY])
        expect(code, `${file} holds ${marker}`).not.toContain(marker);
      // What remains runs at load, so V8 is told to compile it all at once (wxt.config.ts).
      expect(code.startsWith(`${COMPILE_HINT}\n`), `${file} starts with the compile hint`).toBe(
        true,
      );
    }
    const panel = readFileSync(join(dir, 'panel.js'), 'utf8');
    for (const marker of PANEL_ONLY) expect(panel).toContain(marker);
    const core = readFileSync(join(dir, 'core.js'), 'utf8');
    for (const marker of CORE_ONLY) expect(core).toContain(marker);
    const logging = readFileSync(join(dir, 'logging.js'), 'utf8');
    for (const marker of LOGGING_ONLY) expect(logging).toContain(marker);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as object;
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it("a page where the member does not open the sidebar never runs the sidebar's code", async () => {
    gmail = await openGmail();
    await gmail.getByTestId('pacer-pill').waitFor();
    // The log buttons are there from the start; the panel's code is not.
    await gmail.locator('[data-pacer-log-buttons] button[data-metric="calls"]').waitFor();
    await gmail.waitForTimeout(1_000);
    expect(await coreLoads(gmail)).toBe(0);
    expect(await panelLoads(gmail)).toBe(0);
    expect(await loggingLoads(gmail)).toBe(0);
    expect(await gmail.getByTestId('pacer-panel').count()).toBe(0);
    // Nor are the toasts built before there is one to show (sidebar/sidebar.ts).
    expect(await gmail.locator('pacer-sidebar .toasts').count()).toBe(0);
    // The page was read once: placing the sidebar and the buttons did not make it read again.
    expect(await gmail.evaluate(() => (window as unknown as { __checks: number }).__checks)).toBe(
      1,
    );
  });

  it("pointing at a log button loads the sidebar's and logging's code, once, and not the panel's", async () => {
    const call = gmail.locator('[data-pacer-log-buttons] button[data-metric="calls"]');
    await call.hover();
    await expect.poll(() => loggingLoads(gmail)).toBe(1);
    expect(await coreLoads(gmail)).toBe(1);
    await gmail.locator('[data-pacer-log-buttons] button[data-metric="visits"]').hover();
    await call.hover();
    await gmail.waitForTimeout(500);
    expect(await coreLoads(gmail)).toBe(1);
    expect(await loggingLoads(gmail)).toBe(1);
    expect(await panelLoads(gmail)).toBe(0);
    // The buttons and the pill the content script drew are the ones the sidebar's code keeps.
    expect(await gmail.locator('[data-pacer-log-buttons]').count()).toBe(1);
  });

  it('pointing at the pill loads it ahead of the click; the first open runs it once, and only once', async () => {
    await gmail.getByTestId('pacer-pill').getByRole('button').hover();
    await expect.poll(() => panelLoads(gmail)).toBe(1);
    expect(await gmail.getByTestId('pacer-panel').count()).toBe(0);
    await gmail.getByTestId('pacer-pill').getByRole('button').click();
    await gmail.getByTestId('pacer-panel').waitFor();
    expect(await panelLoads(gmail)).toBe(1);
    // Opened by the member: the panel has the keyboard focus, and its styles apply.
    await expect
      .poll(() =>
        gmail.evaluate(
          () => document.querySelector('pacer-sidebar')?.shadowRoot?.activeElement?.tagName ?? null,
        ),
      )
      .toBe('H2');
    const width = await gmail
      .getByTestId('pacer-panel')
      .evaluate((el) => getComputedStyle(el).width);
    expect(width).toBe('300px');
    await gmail.getByTestId('pacer-collapse').click();
    await gmail.getByTestId('pacer-pill').waitFor();
    await gmail.getByTestId('pacer-pill').getByRole('button').click();
    await gmail.getByTestId('pacer-panel').waitFor();
    expect(await panelLoads(gmail)).toBe(1);
  });

  it('a panel left open is there on the next page load', async () => {
    await gmail.close();
    gmail = await openGmail();
    await gmail.getByTestId('pacer-panel').waitFor();
    expect(await panelLoads(gmail)).toBe(1);
    expect(await coreLoads(gmail)).toBe(1);
    // The panel logs in the frame of a click: logging's code is there with it, loaded once.
    expect(await loggingLoads(gmail)).toBe(1);
    // Put back as the member found it: collapsed.
    await gmail.getByTestId('pacer-collapse').click();
    await gmail.getByTestId('pacer-pill').waitFor();
  });

  it("the page cannot fetch the panel's file, nor logging's, nor the sidebar's", async () => {
    for (const file of ['panel.js', 'logging.js', 'core.js']) {
      const url = `chrome-extension://${ext.extensionId}/${file}`;
      const fetched = await gmail.evaluate(async (u) => {
        try {
          return (await fetch(u)).status;
        } catch (error) {
          return String(error);
        }
      }, url);
      expect(fetched, file).toMatch(/Failed to fetch/);
    }
  });
});
