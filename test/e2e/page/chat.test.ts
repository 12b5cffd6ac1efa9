/**
 * Team chat channels on the board's Team tab, in real Chromium against the real worker (wrangler
 * dev, local queues) and a local receiver: a manager adds a Slack channel and sends a test
 * message, which arrives; a channel whose webhook keeps failing pauses and the manager sees it
 * paused with its last error, then resumes it. The webhook URL never appears on the page again.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import { type ChatReceiver, startChatReceiver } from '../../../scripts/demo/chat-receiver.ts';
import { type DemoCredentials, seedDemo } from '../../../scripts/demo/seed.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { launchBrowser, newContext, screenshot, see, signInWithToken } from './support.ts';

let server: WorkerServer;
let demo: DemoCredentials;
let receiver: ChatReceiver;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildPage();
  receiver = await startChatReceiver();
  server = await startWorkerServer({
    vars: {
      CHAT_ALLOW_LOCALHOST: 'true',
      CHAT_SECRET_KEY: 'cGFjZXItZTJlLWtleS1lMmUta2V5LWUyZS1rZXktMzI=',
      CHAT_RETRY_BASE_SECONDS: '0',
    },
  });
  demo = await seedDemo(server.url, join(server.persistTo, 'demo.json'));
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await signInWithToken(page, server.url, demo.managerToken);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await receiver?.stop();
});

async function addChannel(name: string, path: string): Promise<void> {
  const form = page.locator('.chat-add');
  await form.locator('select[name=chat-platform]').selectOption('slack');
  await form.locator('input[name=chat-name]').fill(name);
  await form.locator('select[name=chat-language]').selectOption('en');
  await form.locator('input[name=chat-url]').fill(`${receiver.url}${path}`);
  await form.getByRole('button', { name: 'Add channel' }).click();
  await see(page.locator('.chat-channel', { hasText: name })).isVisible();
}

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

describe('team chat on the board', () => {
  it('a manager adds a channel and its test message arrives; the URL is not shown again', async () => {
    await page.goto(`${server.url}/#/team`);
    await addChannel('Sales room', '/slack/e2e-ok');
    const item = page.locator('.chat-channel', { hasText: 'Sales room' });
    await expect(item.textContent()).resolves.not.toContain('/slack/e2e-ok');
    await item.getByRole('button', { name: 'Send test message' }).click();
    await see(item.locator('.notice')).hasText('Test message queued.');
    await until(() => receiver.received('/slack/e2e-ok').length > 0);
    expect(receiver.received('/slack/e2e-ok')).toHaveLength(1);
    expect(receiver.received('/slack/e2e-ok')[0]?.body).toMatchObject({
      text: expect.stringContaining('Sales room'),
    });
    await page.locator('.chat').scrollIntoViewIfNeeded();
    await screenshot(page, 'chat-channels');
  }, 120_000);

  it('a channel that keeps failing shows as paused with its last error, and resumes', async () => {
    await addChannel('Broken room', '/slack/e2e-broken');
    await fetch(`${receiver.url}/_control/fail?path=/slack/e2e-broken&times=1000`, {
      method: 'POST',
    });
    const item = () => page.locator('.chat-channel', { hasText: 'Broken room' });
    // Two messages, six attempts each (wrangler.toml max_retries = 5): ten failures pause it.
    await item().getByRole('button', { name: 'Send test message' }).click();
    await item().getByRole('button', { name: 'Send test message' }).click();
    const deadline = Date.now() + 360_000;
    while (Date.now() < deadline) {
      await page.reload();
      if (await item().locator('[data-paused]').count()) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await see(item().locator('[data-paused]')).hasText('Paused');
    await see(item().locator('.error')).containsText('HTTP 500');
    await item().scrollIntoViewIfNeeded();
    await screenshot(page, 'chat-channel-paused');
    await fetch(`${receiver.url}/_control/fail?path=/slack/e2e-broken&times=0`, { method: 'POST' });
    await item().getByRole('button', { name: 'Resume' }).click();
    await see(item().locator('.notice')).hasText('Resumed.');
    await see(item().locator('[data-paused]')).hasCount(0);
    expect(receiver.received('/slack/e2e-broken')).toEqual([]);
  }, 420_000);
});
