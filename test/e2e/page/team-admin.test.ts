/**
 * Restoring a removed member from the Team tab, in real Chromium against the real worker with the
 * demo organisation: the manager removes a rep, finds them under "Removed members", restores them
 * with an explicit button and is shown the new token once; it signs in, the old one stays dead.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResponse, MeResponse } from '../../../shared/api/index.ts';
import {
  api,
  type DemoServer,
  HttpError,
  launchBrowser,
  newContext,
  see,
  signInWithToken,
  startDemoServer,
} from './support.ts';

let env: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  env = await startDemoServer();
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  // Remove and Restore ask first.
  page.on('dialog', (dialog) => void dialog.accept());
  await signInWithToken(page, env.url, env.demo.managerToken);
});

afterAll(async () => {
  await browser?.close();
  await env?.server.dispose();
});

const status = (token: string) =>
  api<MeResponse>(env.url, 'GET', '/me', token).then(
    () => 200,
    (error: unknown) => (error instanceof HttpError ? error.status : 0),
  );

describe('team admin: removed members', () => {
  it('a manager restores a removed member with an explicit button; a new token is shown once', async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    const invite = await api<{ code: string }>(env.url, 'POST', '/invites', env.demo.managerToken, {
      teamId: rep.team.id,
    });
    const joined = await api<JoinResponse>(env.url, 'POST', '/join', undefined, {
      code: invite.code,
      name: 'Leaving Lu',
      email: 'lu@example.com',
      timezone: 'Asia/Shanghai',
    });
    const id = joined.member.id;

    await page.goto(`${env.url}/#/team`);
    const row = page.locator(`table.members tr[data-member="${id}"]`);
    await row.getByRole('button', { name: 'Remove' }).click();
    await see(row).hasCount(0);
    expect(await status(joined.token)).toBe(401);

    const removed = page.locator(`.removed-members li[data-removed-member="${id}"]`);
    await see(page.locator('.removed-members h2')).hasText('Removed members');
    await see(removed).containsText('Leaving Lu');
    await removed.getByRole('button', { name: 'Restore' }).click();
    const shown = page.locator('.removed-members [data-restored-token]');
    await see(shown).containsText('Leaving Lu is back.');
    const token = (await shown.locator('code').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await see(removed).hasCount(0);
    await see(row).hasCount(1);

    // The new token works; the one from before the removal stays dead.
    expect(await status(token)).toBe(200);
    expect(await status(joined.token)).toBe(401);
    expect((await api<MeResponse>(env.url, 'GET', '/me', token)).member.id).toBe(id);

    // In Chinese too.
    await page.goto(`${env.url}/?lang=zh-CN#/team`);
    await see(page.locator('.removed-members h2')).hasText('已移除的成员');
  });
});
