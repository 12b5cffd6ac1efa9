/**
 * "Open leaderboard" in the popup: the background trades its token for a one-time sign-in link
 * (POST /api/v1/session/codes) and opens it; one click on the page's confirmation signs the board
 * in as this member (opening a link never signs anyone in by itself: login CSRF), and the token
 * never appears in a URL or leaves the background.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPage } from '../../scripts/build-page.ts';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg } from './support/api.ts';
import { type ExtensionBrowser, launchWithExtension, screenshot } from './support/browser.ts';
import { readTokenFromVault, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;

beforeAll(async () => {
  // The worker serves the page from the folder as it is when it starts.
  buildPage();
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('Open leaderboard', () => {
  it('opens the board in a new tab, signed in as this member after one confirming click, without the token', async () => {
    // Signed out, the popup says what Pacer is and where an invite code comes from.
    const intro = await ext.context.newPage();
    await intro.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect
      .poll(() => intro.getByTestId('popup-intro').textContent(), { timeout: 10_000 })
      .toMatch(/counts your calls.*Your manager gives you an invite code.*Create an organisation/s);
    await intro.close();
    const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
    const token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
    expect(token).toMatch(/^pcr_/);
    const visited: string[] = [];
    ext.context.on('request', (request) => visited.push(request.url()));

    const opened = ext.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Open leaderboard' }).click();
    const board = await opened;
    // The link signs nobody in by itself: the member confirms on the page.
    await board.getByTestId('confirm-signin').waitFor({ timeout: 30_000 });
    expect((await ext.context.cookies(server.url)).map((c) => c.name)).not.toContain(
      '__Host-pacer',
    );
    await board.getByRole('button', { name: 'Continue' }).click();
    await board.locator('table.board').waitFor({ timeout: 30_000 });

    expect(new URL(board.url()).origin).toBe(server.url);
    expect(new URL(board.url()).pathname).toBe('/');
    await expect
      .poll(() => board.locator('.who .name').first().textContent(), { timeout: 10_000 })
      .toBe('Li Lei');
    await expect.poll(() => board.locator('.org').first().textContent()).toBe(org.org.name);
    // Signed in through a one-time code: the token is in no address the browser loaded, nor
    // in the link the popup shows.
    expect(visited.length).toBeGreaterThan(0);
    expect(visited.filter((url) => url.includes(token))).toEqual([]);
    const href = await popup.getByRole('link', { name: 'Open leaderboard' }).getAttribute('href');
    expect(href).toBe(`${server.url}/`);
    // Signed in by a link, with no passkey yet: the board offers to add one.
    await board.getByTestId('passkey-prompt').waitFor({ timeout: 10_000 });
    await screenshot(board, 'open-leaderboard');
  });

  it('says why when the server refuses (token revoked), and opens nothing', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByTestId('popup-sync').getByText('Synced').waitFor();
    const token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
    const revoked = await fetch(`${server.url}/api/v1/me/token`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);
    const pagesBefore = ext.context.pages().length;
    await popup.getByRole('link', { name: 'Open leaderboard' }).click();
    await expect
      .poll(() => popup.locator('[role=alert]').first().textContent(), { timeout: 10_000 })
      .toMatch(/\S/);
    expect(ext.context.pages().length).toBe(pagesBefore);
  });
});
