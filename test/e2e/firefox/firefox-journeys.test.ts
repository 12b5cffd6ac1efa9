/**
 * The core journeys in real Firefox (Debian's firefox-esr) with the Firefox build of the
 * extension, against the real API (wrangler dev, local D1): sign in through the popup, the
 * sidebar on a Gmail thread and on a HubSpot record (fixtures at the sites' real URLs), a one-click
 * log that reaches the server exactly once, a real double click that logs once, logs made while the server is down that are kept
 * and arrive exactly once when it is back, a milestone's celebration reaching the page, and the built-in sites' permissions staying granted. The extension's background is out of reach in Firefox,
 * so what reached the server is read through the API (the manager's view of the member's logs).
 * Every wait is for a state, with generous limits: nothing here is timed.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventView } from '../../../shared/api/events.ts';
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, memberEvents, setMonthTarget } from '../support/api.ts';
import {
  FIREFOX_WAIT_MS,
  type FirefoxWithExtension,
  firefoxScreenshot,
  launchFirefoxWithExtension,
  openExtensionPage,
  openSitePage,
  sidebarText,
  signInThroughPopup,
  waitForSidebarText,
} from '../support/firefox.ts';

// Firefox's extension API, inside the options page (evaluated there, not in Node).
declare const browser: {
  permissions: {
    remove(permissions: { origins: string[] }): Promise<boolean>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
  };
};

const REP_EMAIL = 'li.lei@example.cn';
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';
const HUBSPOT_URL = 'https://app.hubspot.com/contacts/4410021/record/0-1/75101';
const SERVER_WAIT = { timeout: 120_000, interval: 500 };

let server: WorkerServer;
let ff: FirefoxWithExtension;
let org: CreateOrgResponse;
let gmail: Page;

function eventsOnServer(): Promise<EventView[]> {
  return memberEvents(server.url, org.token, REP_EMAIL);
}

async function eventsFor(url: string, metric: string): Promise<EventView[]> {
  return (await eventsOnServer()).filter((e) => e.source?.url === url && e.metric === metric);
}

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  await setMonthTarget(server.url, org.token, org.team.id, 10_000_000);
  ff = await launchFirefoxWithExtension(inject('firefoxExtensionDir'));
});

afterAll(async () => {
  await ff?.close();
  await server?.dispose();
});

describe('Pacer in Firefox', () => {
  it('signs in through the popup with an invite code', async () => {
    const popup = await signInThroughPopup(ff, server.url, org.inviteCode, 'Li Lei');
    await firefoxScreenshot(popup, 'firefox-popup-signed-in');
    await popup.close();
    // The member now exists on the server, and has logged nothing yet.
    expect(await eventsOnServer()).toEqual([]);
  });

  it('shows the sidebar on a Gmail thread, collapsed and then expanded (the panel loaded on that first open)', async () => {
    gmail = await openSitePage(ff, (url) =>
      url.host === 'mail.google.com' ? 'gmail/one-message.html' : undefined,
    );
    await gmail.goto(THREAD_URL);
    const panelLoads = () =>
      gmail.evaluate(() => performance.getEntriesByName('pacer:panel-loaded').length);
    await gmail.waitForSelector('pacer-sidebar >>> [data-testid="pacer-pill"] button', {
      timeout: FIREFOX_WAIT_MS,
    });
    // The panel's code is loaded on first open (extension/sidebar/panel-host.ts), not before.
    expect(await panelLoads()).toBe(0);
    await gmail.locator('pacer-sidebar >>> [data-testid="pacer-pill"] button').click();
    // `visible` makes puppeteer check every frame: by default a `>>>` wait re-checks on the
    // document's mutations only, and the panel is added inside the sidebar's shadow root.
    await gmail.waitForSelector('pacer-sidebar >>> [data-testid="pacer-panel"]', {
      visible: true,
      timeout: FIREFOX_WAIT_MS,
    });
    expect(await panelLoads()).toBe(1);
    await waitForSidebarText(gmail, 'pacer-sync', 'Synced');
    await firefoxScreenshot(gmail, 'firefox-sidebar-gmail');
  });

  it('one click logs a call with the thread and its sender, and it reaches the server once', async () => {
    await gmail.waitForSelector('[data-pacer-log-buttons] >>> button[data-metric="calls"]', {
      timeout: FIREFOX_WAIT_MS,
    });
    expect(await gmail.$$('[data-pacer-log-buttons]')).toHaveLength(1);
    expect(await sidebarText(gmail, 'pacer-today-calls')).toBe('0');
    await gmail.locator('[data-pacer-log-buttons] >>> button[data-metric="calls"]').click();
    await waitForSidebarText(gmail, 'pacer-today-calls', '1');

    await expect.poll(() => eventsFor(THREAD_URL, 'calls'), SERVER_WAIT).toHaveLength(1);
    const [logged] = await eventsFor(THREAD_URL, 'calls');
    expect(logged).toMatchObject({
      metric: 'calls',
      quantity: 1,
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
      source: { app: 'gmail', url: THREAD_URL, title: 'Renewal quote for 2027' },
      voided: false,
      evidence: true,
    });
    // Still one after the sync that confirmed it has settled.
    await waitForSidebarText(gmail, 'pacer-sync', 'Synced');
    expect(await eventsOnServer()).toHaveLength(1);
    expect(await sidebarText(gmail, 'pacer-today-calls')).toBe('1');
  });

  it('a real double click on a log button logs once (the double-log guard)', async () => {
    const button = await gmail.waitForSelector(
      '[data-pacer-log-buttons] >>> button[data-metric="meetings"]',
      { timeout: FIREFOX_WAIT_MS },
    );
    // Two trusted clicks in one gesture, as a member's double click: the second is within the
    // guard's window for the same thread and metric, so it must not log again.
    await button?.click({ count: 2 });
    await waitForSidebarText(gmail, 'pacer-today-meetings', '1');
    await expect.poll(() => eventsFor(THREAD_URL, 'meetings'), SERVER_WAIT).toHaveLength(1);
    await waitForSidebarText(gmail, 'pacer-sync', 'Synced');
    expect(await eventsFor(THREAD_URL, 'meetings')).toHaveLength(1);
    expect(await sidebarText(gmail, 'pacer-today-meetings')).toBe('1');
    // The second click was ignored, not turned into a "log another?" question.
    const prompts = await gmail.$$eval('pacer-sidebar >>> [data-testid="pacer-toast"]', (toasts) =>
      toasts.map((t) => t.textContent ?? '').filter((text) => text.includes('Log another')),
    );
    expect(prompts).toEqual([]);
  });

  it('on a HubSpot record: buttons beside the record, one log with its contact', async () => {
    const page = await openSitePage(ff, (url) =>
      url.host === 'app.hubspot.com' ? 'hubspot/record-spa.html' : undefined,
    );
    await page.goto(HUBSPOT_URL);
    await page.waitForSelector('[data-pacer-log-buttons] >>> button[data-metric="meetings"]', {
      timeout: FIREFOX_WAIT_MS,
    });
    const keys = await page.$$eval('[data-pacer-log-buttons]', (hosts) =>
      hosts.map((host) => host.getAttribute('data-pacer-log-buttons')),
    );
    expect(keys).toEqual([expect.stringContaining('Contact/75101')]);
    await page.waitForSelector('pacer-sidebar >>> [data-testid="pacer-panel"]', {
      visible: true,
      timeout: FIREFOX_WAIT_MS,
    });
    await page.locator('[data-pacer-log-buttons] >>> button[data-metric="meetings"]').click();

    await expect.poll(() => eventsFor(HUBSPOT_URL, 'meetings'), SERVER_WAIT).toHaveLength(1);
    const [logged] = await eventsFor(HUBSPOT_URL, 'meetings');
    expect(logged?.source).toEqual({
      app: 'hubspot',
      url: HUBSPOT_URL,
      title: 'Contact: Margaret Hamilton',
    });
    expect(logged?.contact).toEqual({
      name: 'Margaret Hamilton',
      email: 'margaret@apollo.example',
    });
    await firefoxScreenshot(page, 'firefox-sidebar-hubspot');
    await waitForSidebarText(page, 'pacer-sync', 'Synced');
    expect(await eventsFor(HUBSPOT_URL, 'meetings')).toHaveLength(1);
    await page.close();
  });

  it('logs made while the server is down are kept, then reach it exactly once', async () => {
    const before = (await eventsOnServer()).length;
    await server.stop();
    for (let i = 0; i < 3; i++) {
      await gmail.locator('pacer-sidebar >>> [data-testid="pacer-plus-visits"]').click();
      await waitForSidebarText(gmail, 'pacer-today-visits', String(i + 1));
    }
    await waitForSidebarText(gmail, 'pacer-sync', 'Offline', { contains: true, timeout: 120_000 });
    await firefoxScreenshot(gmail, 'firefox-sidebar-offline');
    expect(await sidebarText(gmail, 'pacer-today-visits')).toBe('3');

    await server.start();
    const visits = async () => (await eventsOnServer()).filter((e) => e.metric === 'visits');
    await expect
      .poll(async () => (await visits()).length, { ...SERVER_WAIT, timeout: 180_000 })
      .toBe(3);
    await waitForSidebarText(gmail, 'pacer-sync', 'Synced', { timeout: 120_000 });
    expect(await sidebarText(gmail, 'pacer-today-visits')).toBe('3');
    const all = await eventsOnServer();
    expect(all).toHaveLength(before + 3);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('a milestone the background celebrates shows in the Gmail tab (handed to the content script there)', async () => {
    // ¥30,000 of the team's ¥100,000 month: past the 25 % milestone, logged in the popup.
    const popup = await openExtensionPage(ff, 'popup.html', 'select[name=metric]');
    await popup.select('select[name=metric]', 'revenue');
    await popup.locator('input[name=quantity]').fill('30,000');
    await popup.locator('form button[type=submit]').click();
    await waitForSidebarText(gmail, 'pacer-celebration', '% of target', { contains: true });
    await popup.close();
  });

  it('the built-in sites stay enabled: their host permissions cannot be withdrawn (why MV2)', async () => {
    const options = await openExtensionPage(ff, 'options.html', 'select[name=language]');
    const gmailOrigin = { origins: ['https://mail.google.com/*'] };
    // What Firefox's extensions panel does when the member withdraws a site. Under MV2 a required
    // permission stays; under MV3 it would go, and with it the content script.
    const after = await options.evaluate(async (perm) => {
      await browser.permissions.remove(perm);
      return browser.permissions.contains(perm);
    }, gmailOrigin);
    expect(after).toBe(true);
    await options.close();
    const page = await openSitePage(ff, (url) =>
      url.host === 'mail.google.com' ? 'gmail/one-message.html' : undefined,
    );
    await page.goto(THREAD_URL);
    await page.waitForSelector('[data-pacer-log-buttons]', { timeout: FIREFOX_WAIT_MS });
    await page.close();
  });
});
