/**
 * Activity quotas end to end, in real Chromium against the real worker: a manager sets
 * "5 visits per workday" in the board's quota editor; after one sync the rep's sidebar shows
 * "0 / 5 today" (今天 0 / 5 in Chinese), and a +1 on visits shows "1 / 5 today" in the very next
 * frame (shared/domain/overlay.ts carries the quota's target beside the count).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPage } from '../../scripts/build-page.ts';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { submitToken } from './page/support.ts';
import { createOrg } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import { clickAndReadNextFrame, sidebarText, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let gmail: Page;

async function syncOnce(): Promise<void> {
  // Opening the popup asks the background for one sync.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.close();
}

async function setLanguage(language: 'en' | 'zh_CN'): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.selectOption('select[name=language]', language);
  await options.close();
}

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  // Every day a workday, so "per workday" means today whatever day the test runs.
  const patched = await fetch(`${server.url}/api/v1/org`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
    body: JSON.stringify({
      calendar: { timezone: 'Asia/Shanghai', workweeks: [[1, 2, 3, 4, 5, 6, 7]] },
    }),
  });
  expect(patched.status).toBe(200);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
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

describe('activity quotas from the board to the sidebar', () => {
  it('a quota set on the board shows as "0 / 5 today" after one sync; a visit makes it "1 / 5" in the same frame', async () => {
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect(
      await gmail.locator('pacer-sidebar').getByTestId('pacer-quota-today-visits').count(),
    ).toBe(0);

    // The manager's board, signed in with their token.
    const board = await ext.context.newPage();
    await board.goto(`${server.url}/`);
    await submitToken(board, org.token);
    await board.locator('table.board, .empty').first().waitFor();
    await board.goto(`${server.url}/#targets`);
    const form = board.locator('section.quotas form');
    await form.waitFor();
    await form.locator('select[name=quota-metric]').selectOption('visits');
    await form.locator('input[name=quota-value]').fill('5');
    await form.locator('select[name=quota-per]').selectOption('workday');
    // From two days back: today in any member's time zone is covered.
    const from = addDays(localDateOf(new Date(), 'UTC'), -2);
    await form.locator('input[name=quota-from]').fill(from);
    await form.getByRole('button', { name: 'Set quota' }).click();
    await board.getByText('Quota saved.').waitFor();
    await board
      .locator('section.quotas li[data-quota]')
      .getByText('Visits: 5 per workday')
      .waitFor();
    await board.close();

    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => sidebarText(gmail, 'pacer-quota-today-visits'), { timeout: 30_000 })
      .toBe('0 / 5 today');
    expect(await sidebarText(gmail, 'pacer-quota-note-visits')).toContain('quota 5 per workday');

    await setLanguage('zh_CN');
    await expect.poll(() => sidebarText(gmail, 'pacer-quota-today-visits')).toBe('今天 0 / 5');
    await screenshot(gmail, 'sidebar-quota-zh');
    await setLanguage('en');
    await expect.poll(() => sidebarText(gmail, 'pacer-quota-today-visits')).toBe('0 / 5 today');

    const { before, nextFrame } = await clickAndReadNextFrame(
      gmail,
      '[data-testid="pacer-plus-visits"]',
      'pacer-quota-today-visits',
    );
    expect(before).toBe('0 / 5 today');
    expect(nextFrame).toBe('1 / 5 today');
    await screenshot(gmail, 'sidebar-quota');

    // The popup shows the same: done / quota for today.
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-today-visits').textContent()).toBe('1');
    expect(await popup.getByTestId('popup-quota-visits').textContent()).toBe(' / 5');
    await popup.close();
  });
});
