/**
 * A hostile page cannot act as the rep or read what Pacer shows (test/fixtures/hostile/
 * acting-page.html), in real Chromium against the real API. The rep first logs a call on another
 * thread (Ada Lovelace) and, on the hostile thread, a call (Mallory) and a second click that
 * leaves the double-log prompt open. Then the page's script clicks everything it can reach,
 * reads what it can, and replays WXT's "content script started" event. After that: the server
 * holds exactly the rep's two logs, neither undone; the page read nothing of the sidebar (not
 * the other thread's contact) and never heard the extension id; and the sidebar and buttons are
 * still there and still log on a real click.
 *
 * Twice: with the build as shipped (closed shadow roots: the page cannot even reach the buttons)
 * and with the test build whose roots are open (the page reaches every button: only the
 * trusted-event check stands between its clicks and a log).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, recentEvents } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { clickInShadow, shadowMarkup } from '../support/closed-roots.ts';
import { readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import { serveFixtures } from '../support/sites.ts';

const OTHER_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQOtherThread';
// Another account's path: fixtures are chosen by the request URL, which has no hash.
const HOSTILE_THREAD = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQHostileThread';
const BUTTONS = '[data-pacer-log-buttons]';
const SIDEBAR = 'pacer-sidebar';

/** The content scripts' names (WXT's entrypoint names), from the built manifest. */
function scriptNames(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  return (manifest.content_scripts ?? [])
    .flatMap((c) => c.js ?? [])
    .map((file) => file.replace(/^content-scripts\//, '').replace(/\.js$/, ''));
}

interface AttackReport {
  readableRoots: number;
  clicked: number;
  readText: string;
  leaked: string[];
}

describe.each([
  {
    build: 'as shipped (closed shadow roots)',
    dir: () => inject('closedExtensionDir'),
    closed: true,
  },
  { build: 'test build (open shadow roots)', dir: () => inject('extensionDir'), closed: false },
])('a hostile page, $build', ({ dir, closed }) => {
  let server: WorkerServer;
  let ext: ExtensionBrowser;
  let token: string;

  const events = async () => (await recentEvents(server.url, token)).events;
  /** A real (trusted) click on a button inside one of Pacer's shadow roots. */
  const realClick = (page: Page, host: string, selector: string) =>
    closed
      ? clickInShadow(page, host, selector)
      : page.locator(host).locator(selector).first().click();

  beforeAll(async () => {
    server = await startWorkerServer({ port: inject('apiPort') });
    const org = await createOrg(server.url);
    ext = await launchWithExtension(dir());
    await (await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei')).close();
    token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  });

  afterAll(async () => {
    await ext?.close();
    await server?.dispose();
  });

  it('cannot log, undo, confirm, read the sidebar, learn the extension id or stop Pacer', async () => {
    await serveFixtures(ext.context, ['https://mail.google.com/**'], (url) =>
      url.pathname.startsWith('/mail/u/1/') ? 'hostile/acting-page.html' : 'gmail/one-message.html',
    );
    const other = await ext.context.newPage();
    await other.goto(OTHER_THREAD);
    await other.locator(BUTTONS).waitFor();
    await realClick(other, BUTTONS, 'button[data-metric="calls"]');
    await expect.poll(events, { timeout: 30_000 }).toHaveLength(1);
    await other.close();

    const page = await ext.context.newPage();
    await page.goto(HOSTILE_THREAD);
    await page.locator(BUTTONS).waitFor();
    await realClick(page, SIDEBAR, '[data-testid="pacer-pill"] button');
    // The other thread's contact is on screen, in the recent logs.
    await expect.poll(() => shadowMarkup(page, SIDEBAR)).toContain('Ada Lovelace');
    await realClick(page, BUTTONS, 'button[data-metric="calls"]');
    await expect.poll(events, { timeout: 30_000 }).toHaveLength(2);
    // A second click a moment later asks first: the prompt is open when the page attacks.
    await page.waitForTimeout(1_200);
    await realClick(page, BUTTONS, 'button[data-metric="calls"]');
    await expect.poll(() => shadowMarkup(page, SIDEBAR)).toContain('pacer-confirm-yes');

    const extensionId = ext.extensionId;
    const report = (await page.evaluate(
      (args) => (window as unknown as { __attack(a: unknown): unknown }).__attack(args),
      { extensionId, scriptNames: scriptNames(dir()) },
    )) as AttackReport;

    expect(report.leaked).toEqual([]);
    if (closed) {
      expect(report.readableRoots).toBe(0);
      expect(report.clicked).toBe(0);
      expect(report.readText).not.toContain('Ada Lovelace');
      expect(report.readText).not.toContain('Li Lei');
      expect(report.readText).not.toMatch(/Log call|Logged|Log again/);
    } else {
      // The test build lets the page reach every button; none of its clicks counts.
      expect(report.readableRoots).toBeGreaterThanOrEqual(2);
      expect(report.clicked).toBeGreaterThan(5);
    }

    await page.waitForTimeout(1_500);
    const after = await events();
    expect(after).toHaveLength(2);
    expect(after.every((e) => !e.voided)).toBe(true);

    // Still there after the replayed start event, and still logging on a real click.
    expect(await page.locator(BUTTONS).count()).toBe(1);
    expect(await page.locator(SIDEBAR).count()).toBe(1);
    await realClick(page, BUTTONS, 'button[data-metric="visits"]');
    await expect.poll(events, { timeout: 30_000 }).toHaveLength(3);
    await page.close();
  });
});
