/**
 * The sidebar's numbers in real Chromium against the real API, with the team's manual-log share
 * at 50 %: a +1 on a meeting (3 points; no evidence, so half, rounded down per day) shows the
 * points the server will count in the very next frame, and the sidebar never changes those
 * numbers afterwards, when the background commits the log and when the server's answer arrives
 * (shared/domain/overlay.ts on both sides).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import type { ProgressResponse } from '../../shared/api/progress.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, recentEvents } from './support/api.ts';
import { type ExtensionBrowser, launchWithExtension, serveGmail } from './support/browser.ts';
import { readTokenFromVault, sidebarText, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let gmail: Page;

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  const patched = await fetch(`${server.url}/api/v1/org`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
    body: JSON.stringify({ manualLogPointsPercent: 50 }),
  });
  expect(patched.status).toBe(200);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
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

/** Points today and meetings today as the sidebar shows them. */
type Shown = { points: string | null; meetings: string | null };

/** Starts recording every (points, meetings) pair the sidebar shows, at each DOM change. */
function recordShown(page: Page): Promise<void> {
  return page.evaluate(() => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    if (!root) throw new Error('no sidebar');
    const read = () => ({
      points: root.querySelector('[data-testid="pacer-points"]')?.getAttribute('aria-valuenow'),
      meetings: root.querySelector('[data-testid="pacer-today-meetings"]')?.textContent,
    });
    const seen: unknown[] = [];
    (window as unknown as { __pacerSeen: unknown[] }).__pacerSeen = seen;
    new MutationObserver(() => seen.push(read())).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/**
 * Clicks +1 on meetings (a real, trusted click: the sidebar ignores synthetic ones) and reads
 * what the sidebar shows just before Pacer's handler runs and in the next animation frame.
 */
async function plusMeetingNextFrame(page: Page): Promise<{ before: Shown; nextFrame: Shown }> {
  await page.evaluate(() => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    const read = () => ({
      points:
        root?.querySelector('[data-testid="pacer-points"]')?.getAttribute('aria-valuenow') ?? null,
      meetings: root?.querySelector('[data-testid="pacer-today-meetings"]')?.textContent ?? null,
    });
    const button = root?.querySelector('[data-testid="pacer-plus-meetings"]');
    if (!button) throw new Error('no +1 button');
    // At the target, a capture listener runs before Pacer's own (bubble) click handler.
    (window as unknown as { __pacerFrame: Promise<unknown> }).__pacerFrame = new Promise(
      (resolve) =>
        button.addEventListener(
          'click',
          () => {
            const before = read();
            requestAnimationFrame(() => resolve({ before, nextFrame: read() }));
          },
          { capture: true, once: true },
        ),
    );
  });
  await page.locator('pacer-sidebar').getByTestId('pacer-plus-meetings').click();
  return page.evaluate(
    () =>
      (window as unknown as { __pacerFrame: Promise<{ before: Shown; nextFrame: Shown }> })
        .__pacerFrame,
  );
}

async function serverToday(): Promise<ProgressResponse> {
  const res = await fetch(`${server.url}/api/v1/me/progress?period=day`, {
    headers: { authorization: `Bearer ${repToken}` },
  });
  return (await res.json()) as ProgressResponse;
}

describe('sidebar numbers with a 50 % manual-log share', () => {
  it('a +1 shows the final points in the same frame, and they never change when the server answers', async () => {
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect((await serverToday()).points.today).toBe(0);
    // First manual meeting: floor(3 × 50 %) = 1 point.
    const first = await plusMeetingNextFrame(gmail);
    expect(first.before).toEqual({ points: '0', meetings: '0' });
    expect(first.nextFrame).toEqual({ points: '1', meetings: '1' });
    // Second: the day's two manual meetings earn floor(6 × 50 %) = 3, so this one adds 2.
    const second = await plusMeetingNextFrame(gmail);
    expect(second.nextFrame).toEqual({ points: '3', meetings: '2' });

    await recordShown(gmail);
    await expect
      .poll(async () => (await recentEvents(server.url, repToken)).events.length, {
        timeout: 30_000,
      })
      .toBe(2);
    // The server counts what the sidebar showed.
    await expect.poll(async () => (await serverToday()).points.today).toBe(3);
    // Let the background fetch that answer and publish its view of it.
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    await gmail.getByTestId('pacer-recent').first().waitFor();
    await gmail.waitForTimeout(1_500);
    const seen = await gmail.evaluate(
      () => (window as unknown as { __pacerSeen: Shown[] }).__pacerSeen,
    );
    // The sidebar did re-render meanwhile (sync status, the logs' state), never with other numbers.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.points !== '3' || s.meetings !== '2')).toEqual([]);
    expect(await gmail.getByTestId('pacer-points').getAttribute('aria-valuenow')).toBe('3');
  });
});
