/**
 * The whole path in real Chromium: sign in through the popup with an invite code, open Gmail
 * threads (fixtures at real mail.google.com URLs), log with one click, undo, log while the API
 * is down, and check on the real API (wrangler dev, local D1) that every log arrived once.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, recentEvents, setMonthTarget } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import {
  clickAndReadNextFrame,
  readLocalStorage,
  readTokenFromVault,
  sidebar,
  sidebarText,
  signInWithInvite,
} from './support/extension.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let gmail: Page;

async function eventsOnServer() {
  return (await recentEvents(server.url, repToken)).events;
}

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  await setMonthTarget(server.url, org.token, org.team.id, 10_000_000);
  ext = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('Pacer extension end to end', () => {
  it('signs in through the popup with an invite code; the token stays in the background', async () => {
    const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
    const worker = await ext.serviceWorker();
    repToken = (await readTokenFromVault(worker)) ?? '';
    expect(repToken.length).toBeGreaterThanOrEqual(32);
    // Content scripts can read chrome.storage.local: the token must not be there.
    expect(JSON.stringify(await readLocalStorage(worker))).not.toContain(repToken);
    await popup.close();
  });

  it('shows the sidebar on a Gmail thread, collapsed and expanded (screenshots)', async () => {
    await serveGmail(ext.context, 'one-message.html');
    gmail = await ext.context.newPage();
    await gmail.goto(THREAD_URL);
    const pill = gmail.getByTestId('pacer-pill');
    await pill.waitFor();
    await expect
      .poll(() =>
        gmail.evaluate(() => performance.getEntriesByName('pacer:sidebar-painted').length),
      )
      .toBe(1);
    await screenshot(gmail, 'sidebar-collapsed');
    await pill.getByRole('button').click();
    await gmail.getByTestId('pacer-panel').waitFor();
    await expect.poll(() => sidebarText(gmail, 'pacer-sync')).toBe('Synced');
    await screenshot(gmail, 'sidebar-expanded');
    // The snapshot keeps the server's change token, so polling can be answered with 304.
    const sync = (await readLocalStorage(await ext.serviceWorker()))['pacer:sync'] as {
      snapshot: { period: { etag?: string } } | null;
    };
    expect(sync.snapshot?.period.etag).toBeTruthy();
  });

  it('Log call: the counter moves in the next frame, Undo works, the API gets it exactly once', async () => {
    const buttons = gmail.locator('[data-pacer-log-buttons]');
    await expect.poll(() => buttons.count()).toBe(1);
    const { before, nextFrame } = await clickAndReadNextFrame(
      gmail,
      'button[data-metric="calls"]',
      'pacer-today-calls',
    );
    expect(before).toBe('0');
    expect(nextFrame).toBe('1');
    // The toast says what the log earned, from the same overlay as the counters (a call: 2 pts).
    const gained = sidebar(gmail).getByTestId('pacer-points-gained').first();
    expect(await gained.textContent()).toBe('+2 pts');
    expect(await gained.evaluate((el) => getComputedStyle(el).animationName)).toBe('rise');
    // Under reduced motion it appears without moving.
    await gmail.emulateMedia({ reducedMotion: 'reduce' });
    expect(await gained.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await gmail.emulateMedia({ reducedMotion: null });
    // And beside the button that logged it, for a moment.
    expect(
      await gmail.locator('[data-pacer-log-buttons] [data-pacer-gain="calls"]').textContent(),
    ).toBe('+2 pts');

    await expect.poll(async () => (await eventsOnServer()).length, { timeout: 30_000 }).toBe(1);
    const [logged] = await eventsOnServer();
    expect(logged).toMatchObject({
      metric: 'calls',
      quantity: 1,
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
      source: { app: 'gmail', url: THREAD_URL, title: 'Renewal quote for 2027' },
      voided: false,
      evidence: true,
    });

    await gmail.getByTestId('pacer-toast-undo').first().click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-calls')).toBe('0');
    await expect
      .poll(async () => (await eventsOnServer())[0]?.voided, { timeout: 30_000 })
      .toBe(true);
    expect(await eventsOnServer()).toHaveLength(1);
    await screenshot(gmail, 'sidebar-after-undo');
  });

  it('a second log of the same kind for the same contact within 2 minutes asks first', async () => {
    const visit = gmail.locator('[data-pacer-log-buttons] button[data-metric="visits"]');
    await visit.click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-visits')).toBe('1');
    // A second click within a second is the other half of a double click: never a second log.
    await gmail.waitForTimeout(1_100);
    await visit.click();
    await gmail.getByTestId('pacer-confirm-yes').waitFor();
    expect(await sidebarText(gmail, 'pacer-today-visits')).toBe('1');
    await gmail.getByTestId('pacer-confirm-yes').click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-visits')).toBe('2');
    await expect
      .poll(async () => (await eventsOnServer()).filter((e) => e.metric === 'visits').length, {
        timeout: 30_000,
      })
      .toBe(2);
  });

  it('logs made while the API is down are kept, then synced exactly once', async () => {
    await server.stop();
    for (let i = 0; i < 3; i++) await gmail.getByTestId('pacer-plus-meetings').click();
    expect(await sidebarText(gmail, 'pacer-today-meetings')).toBe('3');
    const worker = await ext.serviceWorker();
    await expect
      .poll(async () => {
        const stored = (await readLocalStorage(worker))['pacer:sync'] as { outbox: unknown[] };
        return stored.outbox.length;
      })
      .toBe(3);
    await expect
      .poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 })
      .toContain('Offline');
    await screenshot(gmail, 'sidebar-offline');

    await server.start();
    const meetings = async () => (await eventsOnServer()).filter((e) => e.metric === 'meetings');
    await expect
      .poll(async () => (await meetings()).length, { timeout: 120_000, interval: 1_000 })
      .toBe(3);
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect(await sidebarText(gmail, 'pacer-today-meetings')).toBe('3');
    expect(new Set((await meetings()).map((e) => e.id)).size).toBe(3);
  });

  it('in a long thread logs against the latest expanded sender; page text stays text', async () => {
    await serveGmail(ext.context, 'long-thread.html');
    // A new tab: going to a URL that differs only in its hash would not load the new fixture.
    await gmail.close();
    gmail = await ext.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqLONG');
    const call = gmail.locator('[data-pacer-log-buttons] button[data-metric="calls"]');
    await call.click();
    await expect
      .poll(
        async () => (await eventsOnServer()).find((e) => e.contact?.name === 'Wang Fang')?.contact,
        {
          timeout: 30_000,
        },
      )
      .toEqual({ name: 'Wang Fang', email: 'wang.fang@example.cn' });
    const logged = (await eventsOnServer()).find((e) => e.contact?.name === 'Wang Fang');
    expect(logged?.source?.title).toContain('<img src=x');
    expect(await gmail.title()).not.toBe('pwned');
    expect(await gmail.locator('[data-pacer-log-buttons]').count()).toBe(1);
  });

  it('follows SPA navigation: buttons appear on a thread, once, and go away on the inbox', async () => {
    await serveGmail(ext.context, 'spa-inbox.html');
    await gmail.close();
    gmail = await ext.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    const hosts = gmail.locator('[data-pacer-log-buttons]');
    await gmail.getByText('Demo next Tuesday?').waitFor();
    expect(await hosts.count()).toBe(0);

    await gmail.getByText('Demo next Tuesday?').click();
    await expect.poll(() => hosts.count()).toBe(1);
    expect(await hosts.getAttribute('data-pacer-log-buttons')).toContain(
      'thread-f:1800000000000000001',
    );

    await gmail.evaluate(() => {
      location.hash = '#inbox/FMfcgzQXJWvqBBB';
    });
    await expect
      .poll(() => hosts.first().getAttribute('data-pacer-log-buttons'))
      .toContain('thread-f:1800000000000000002');
    expect(await hosts.count()).toBe(1);

    await gmail.evaluate(() => {
      location.hash = '#inbox';
    });
    await expect.poll(() => hosts.count()).toBe(0);
  });
});
