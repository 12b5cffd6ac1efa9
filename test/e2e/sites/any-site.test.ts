/**
 * "Enable Pacer on this site" in real Chromium with the built extension and the real API: an
 * in-house CRM page served at a localhost origin gets no sidebar until the member enables the
 * site in the options page; then the generic content script is registered for that origin, the
 * sidebar and log buttons appear, and logs carry the page title and URL; turning the site off
 * unregisters the script and the sidebar is gone from the next page load.
 *
 * Not covered here: the permission prompt itself. Playwright cannot answer it, so the test build
 * grants this origin at install (PACER_TEST_SITE_ORIGINS, see test/e2e/support/global-setup.ts);
 * `permissions.request` then resolves without a prompt, and `permissions.remove` of an
 * install-time grant is refused (the code tolerates that; a real optional grant is removed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventView } from '../../../shared/api/events.ts';
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, recentEvents, setMonthTarget } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension, screenshot } from '../support/browser.ts';
import { readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import { buttonKeys, clickLogButton, collectPageErrors, serveFixtures } from '../support/sites.ts';

// Runs inside the service worker.
declare const chrome: {
  windows: { create(options: { url: string; type: 'popup'; focused: boolean }): Promise<unknown> };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]>;
  };
};

const PAGE_TITLE = '客户详情 · 深圳华星贸易 · 内部CRM';
/** Longer than a content script takes to start and mount the sidebar on this page. */
const QUIET_MS = 1_500;

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let siteOrigin: string;
let pageUrl: string;
let options: Page;

const eventsOnServer = async (): Promise<EventView[]> =>
  (await recentEvents(server.url, repToken)).events;

async function registeredScripts() {
  const worker = await ext.serviceWorker();
  return worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

async function openSitePage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(pageUrl);
  // The page itself loaded (so "no sidebar" below means Pacer stayed away, not a blank tab).
  await page.getByRole('heading', { name: '深圳华星贸易' }).waitFor();
  return page;
}

beforeAll(async () => {
  siteOrigin = inject('siteOrigin');
  pageUrl = `${siteOrigin}/customers/88?tab=info`;
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  await setMonthTarget(server.url, org.token, org.team.id, 10_000_000);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  await serveFixtures(ext.context, [`${siteOrigin}/**`], () => 'generic/in-house-crm.html');
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('Enable Pacer on any site', () => {
  it('before the member enables it, Pacer does not run there (host access alone is not enough)', async () => {
    const page = await openSitePage();
    await page.waitForTimeout(QUIET_MS);
    expect(await page.locator('pacer-sidebar').count()).toBe(0);
    expect(await registeredScripts()).toEqual([]);
    await page.close();
  });

  it('enabling it in the options registers the generic script for that origin only', async () => {
    const sites = options.getByTestId('other-sites');
    await sites.locator('input[name="site-address"]').fill(siteOrigin);
    await sites.getByRole('button', { name: 'Enable' }).click();
    await sites.locator(`li[data-origin="${siteOrigin}/*"]`).waitFor();
    expect(await registeredScripts()).toEqual([
      expect.objectContaining({
        id: 'pacer-generic',
        matches: [`${siteOrigin}/*`],
        js: ['content-scripts/generic.js'],
      }),
    ]);
  });

  it('then the sidebar and log buttons appear; logs carry the page title and URL', async () => {
    const page = await openSitePage();
    const errors = collectPageErrors(page);
    await page
      .locator('pacer-sidebar')
      .getByTestId(/^pacer-(pill|panel)$/)
      .first()
      .waitFor();
    await expect.poll(() => buttonKeys(page)).toHaveLength(1);
    await clickLogButton(page, 'calls');
    await expect
      .poll(async () => (await eventsOnServer()).filter((e) => e.source?.app === 'generic'), {
        timeout: 30_000,
      })
      .toHaveLength(1);
    const [event] = await eventsOnServer();
    expect(event).toMatchObject({
      metric: 'calls',
      source: { app: 'generic', url: pageUrl, title: PAGE_TITLE },
      evidence: true,
    });
    const pill = page.getByTestId('pacer-pill');
    if (await pill.isVisible()) await pill.getByRole('button').click();
    await page.getByTestId('pacer-plus-visits').click();
    await expect
      .poll(async () => (await eventsOnServer()).filter((e) => e.source?.app === 'generic'), {
        timeout: 30_000,
      })
      .toHaveLength(2);
    const manual = (await eventsOnServer()).find((e) => e.metric === 'visits');
    expect(manual).toMatchObject({ source: { app: 'generic' }, evidence: false });
    await screenshot(page, 'site-generic');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turning it off unregisters the script: the next page load has no sidebar', async () => {
    const sites = options.getByTestId('other-sites');
    await sites.locator(`li[data-origin="${siteOrigin}/*"]`).getByRole('button').click();
    await expect.poll(() => sites.locator('li[data-origin]').count()).toBe(0);
    expect(await registeredScripts()).toEqual([]);
    const page = await openSitePage();
    await page.waitForTimeout(QUIET_MS);
    expect(await page.locator('pacer-sidebar').count()).toBe(0);
    expect(await buttonKeys(page)).toEqual([]);
    await page.close();
  });

  it('the popup offers it for the tab in front, and turns it off again', async () => {
    const site = await openSitePage();
    // The toolbar popup cannot be clicked open from a test; the same page in its own unfocused
    // window sees the site's window as the last focused one, as the real popup does.
    const opened = ext.context.waitForEvent('page');
    const worker = await ext.serviceWorker();
    await worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', focused: false }),
      `chrome-extension://${ext.extensionId}/popup.html`,
    );
    const popup = await opened;
    const host = new URL(siteOrigin).host;
    const toggle = popup.getByTestId('enable-this-site').getByRole('button');
    await expect.poll(() => toggle.textContent()).toBe(`Enable Pacer on ${host}`);
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe(`Turn off Pacer on ${host}`);
    expect((await registeredScripts()).map((script) => script.matches)).toEqual([
      [`${siteOrigin}/*`],
    ]);
    await site.reload();
    await site
      .locator('pacer-sidebar')
      .getByTestId(/^pacer-(pill|panel)$/)
      .first()
      .waitFor();

    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe(`Enable Pacer on ${host}`);
    expect(await registeredScripts()).toEqual([]);
    await popup.close();
    await site.close();
  });

  it('the popup offers nothing on a site with a built-in adapter', async () => {
    await serveFixtures(
      ext.context,
      ['https://app.hubspot.com/**'],
      () => 'hubspot/record-spa.html',
    );
    const crm = await ext.context.newPage();
    await crm.goto('https://app.hubspot.com/contacts/4410021/record/0-1/75101');
    const opened = ext.context.waitForEvent('page');
    const worker = await ext.serviceWorker();
    await worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', focused: false }),
      `chrome-extension://${ext.extensionId}/popup.html`,
    );
    const popup = await opened;
    await popup.getByTestId('popup-sync').waitFor();
    await popup.waitForTimeout(QUIET_MS);
    expect(await popup.getByTestId('enable-this-site').count()).toBe(0);
    await popup.close();
    await crm.close();
  });
});
