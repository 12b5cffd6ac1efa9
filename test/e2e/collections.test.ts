/**
 * Collections (回款) in real Chromium against the real API: a won deal of ¥50,000 with Acme
 * (logged on another device) is offered in the sidebar's collection form; a collection of ¥20,000
 * for it shows in the recent logs as "CN¥20,000 collected · for deal CN¥50,000 Acme", the
 * period's line moves to "collected CN¥20,000 · outstanding CN¥30,000" and the server holds the
 * link. The popup's manual log names the deal the same way.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, recentEvents } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import { readTokenFromVault, sidebar, sidebarText, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let gmail: Page;
const dealId = crypto.randomUUID();

const summary = (page: Page) => sidebarText(page, 'pacer-collection-summary');

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  // The won deal, logged on the rep's phone a minute ago.
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${repToken}` },
    body: JSON.stringify({
      events: [
        {
          id: dealId,
          metric: 'deals',
          quantity: 1,
          amount: 5_000_000,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          contact: { name: 'Acme' },
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
  // Opening the popup asks the background to sync now, which brings the deal.
  const sync = await ext.context.newPage();
  await sync.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await sync.close();
  await serveGmail(ext.context, 'one-message.html');
  gmail = await ext.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA');
  await gmail.getByTestId('pacer-pill').getByRole('button').click();
  await gmail.getByTestId('pacer-panel').waitFor();
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

const collections = async () =>
  (await recentEvents(server.url, repToken)).events.filter((e) => e.metric === 'collections');

describe('collections', () => {
  it('in the sidebar: names the won deal it pays, shows it back, and what is still outstanding', async () => {
    await expect
      .poll(() => summary(gmail), { timeout: 30_000 })
      .toBe('This period: won CN¥50,000 · collected CN¥0 · outstanding CN¥50,000');
    await sidebar(gmail).getByTestId('pacer-collection').click();
    const deal = sidebar(gmail).getByTestId('pacer-collection-deal');
    expect(await deal.locator('option').allTextContents()).toEqual([
      'No deal named',
      'CN¥50,000 Acme',
    ]);
    await deal.selectOption(dealId);
    await sidebar(gmail).getByTestId('pacer-collection-amount').fill('20,000');
    await sidebar(gmail).getByTestId('pacer-collection-save').click();
    // At once, before the server answers.
    expect(await sidebar(gmail).getByTestId('pacer-recent').first().textContent()).toContain(
      'CN¥20,000 collected · for deal CN¥50,000 Acme',
    );
    expect(await summary(gmail)).toBe(
      'This period: won CN¥50,000 · collected CN¥20,000 · outstanding CN¥30,000',
    );
    await screenshot(gmail, 'collection-for-deal');
    // On the server: the amount, the deal it pays, the deal's contact.
    await expect.poll(collections, { timeout: 30_000 }).toHaveLength(1);
    expect((await collections())[0]).toMatchObject({
      quantity: 2_000_000,
      deal: dealId,
      contact: { name: 'Acme' },
    });
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect(await sidebar(gmail).getByTestId('pacer-recent').first().textContent()).toContain(
      'CN¥20,000 collected · for deal CN¥50,000 Acme',
    );
  });

  it('in the popup’s manual log: picks the deal too', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.selectOption('select[name=metric]', 'collections');
    const deal = popup.getByTestId('manual-collection-deal');
    expect(await deal.locator('option').allTextContents()).toEqual([
      'No deal named',
      'CN¥50,000 Acme',
    ]);
    await deal.selectOption(dealId);
    await popup.fill('input[name=quantity]', '10,000');
    await popup.click('form button[type=submit] >> text=Log');
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Logged');
    await popup.close();
    await expect.poll(collections, { timeout: 30_000 }).toHaveLength(2);
    expect((await collections())[0]).toMatchObject({
      quantity: 1_000_000,
      deal: dealId,
      contact: { name: 'Acme' },
      source: { app: 'manual' },
    });
    await expect
      .poll(() => summary(gmail), { timeout: 30_000 })
      .toBe('This period: won CN¥50,000 · collected CN¥30,000 · outstanding CN¥20,000');
  });
});
