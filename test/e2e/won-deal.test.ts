/**
 * "Won deal" in real Chromium against the real API: a won deal of ¥180,000 is one log that moves
 * deals +1, revenue (the primary bar), today's points and the streak in the same frame as the
 * click and shows one celebration; the colleague it passes on the board is announced once, and
 * not again after a reload; one Undo takes the deal and its revenue back together.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, me, memberTarget, recentEvents } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import { readTokenFromVault, sidebar, sidebarText, signInWithInvite } from './support/extension.ts';

const TARGET = 36_000_000; // ¥360,000 in fen
const DEAL = '180000';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let gmail: Page;

async function api(path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const log = (metric: string, quantity: number) => ({
  id: crypto.randomUUID(),
  metric,
  quantity,
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
});

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  // A colleague at 30 % of the same target: the won deal takes the rep past her.
  const joined = await fetch(`${server.url}/api/v1/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: org.inviteCode,
      name: 'Zhao Min',
      email: 'zhao.min@example.cn',
      timezone: 'Asia/Shanghai',
    }),
  });
  const zhao = (await joined.json()) as { member: { id: string }; token: string };
  await memberTarget(server.url, org.token, zhao.member.id, 'revenue', TARGET);
  await api('/events', zhao.token, { events: [log('revenue', 10_800_000)] });

  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  await popup.close();
  const rep = await me(server.url, repToken);
  await memberTarget(server.url, org.token, rep.member.id, 'revenue', TARGET);
  // 6 calls today: 12 points, short of the daily goal of 20, so no streak yet.
  await api('/events', repToken, { events: [log('calls', 6)] });

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

type Shown = Record<'deals' | 'percent' | 'points' | 'streak', string | null>;

/** Deals today, the primary bar's percent, today's points and the streak, as shown. */
function readShown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    const text = (id: string) => root?.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    return {
      deals: text('pacer-today-deals'),
      percent: text('pacer-percent'),
      points:
        root?.querySelector('[data-testid="pacer-points"]')?.getAttribute('aria-valuenow') ?? null,
      streak: text('pacer-streak-days') ?? text('pacer-streak-start'),
    };
  });
}

/** Submits the won-deal form with a real click; what is shown before and in the next frame. */
async function saveNextFrame(page: Page): Promise<{ before: Shown; nextFrame: Shown }> {
  await page.evaluate(() => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    const text = (id: string) => root?.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    const read = () => ({
      deals: text('pacer-today-deals'),
      percent: text('pacer-percent'),
      points:
        root?.querySelector('[data-testid="pacer-points"]')?.getAttribute('aria-valuenow') ?? null,
      streak: text('pacer-streak-days') ?? text('pacer-streak-start'),
    });
    const form = root?.querySelector('[data-testid="pacer-won-deal-form"]');
    if (!form) throw new Error('no won-deal form');
    (window as unknown as { __pacerFrame: Promise<unknown> }).__pacerFrame = new Promise(
      (resolve) =>
        form.addEventListener(
          'submit',
          () => {
            const before = read();
            requestAnimationFrame(() => resolve({ before, nextFrame: read() }));
          },
          { capture: true, once: true },
        ),
    );
  });
  await sidebar(page).getByTestId('pacer-won-deal-save').click();
  return page.evaluate(
    () =>
      (window as unknown as { __pacerFrame: Promise<{ before: Shown; nextFrame: Shown }> })
        .__pacerFrame,
  );
}

const celebrations = (page: Page) => sidebar(page).getByTestId('pacer-celebration');

describe('a won deal', () => {
  it('moves deals, revenue, points and the streak in one frame, with one celebration and the colleague passed', async () => {
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    await expect.poll(() => sidebarText(gmail, 'pacer-today-calls'), { timeout: 30_000 }).toBe('6');
    expect(await readShown(gmail)).toEqual({
      deals: '0',
      percent: '0%',
      points: '12',
      streak: 'Start a streak today',
    });

    await sidebar(gmail).getByTestId('pacer-won-deal').click();
    await sidebar(gmail).getByTestId('pacer-won-deal-amount').fill(DEAL);
    const { before, nextFrame } = await saveNextFrame(gmail);
    // From then on, whatever the background and the server answer, the numbers stay put.
    await gmail.evaluate(() => {
      const root = document.querySelector('pacer-sidebar')?.shadowRoot;
      if (!root) throw new Error('no sidebar');
      const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;
      const seen: string[] = [];
      (window as unknown as { __pacerSeen: string[] }).__pacerSeen = seen;
      new MutationObserver(() =>
        seen.push(
          `${text('pacer-today-deals')} ${text('pacer-percent')} ${text('pacer-points-today')}`,
        ),
      ).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    expect(before.deals).toBe('0');
    // One deal (10 points) and ¥180,000 of ¥360,000, all in the very next frame.
    expect(nextFrame).toEqual({ deals: '1', percent: '50%', points: '22', streak: '1-day streak' });
    await expect(celebrations(gmail).count()).resolves.toBe(1);
    expect(await celebrations(gmail).textContent()).toContain('Deal won: CN¥180,000');

    // The background tells the colleague passed, in the same celebration.
    await expect
      .poll(() => celebrations(gmail).first().textContent(), { timeout: 15_000 })
      .toContain('You passed Zhao Min — #1 now');
    expect(await celebrations(gmail).count()).toBe(1);
    await screenshot(gmail, 'won-deal-celebration');

    // One log on the server: the deal with its amount.
    await expect
      .poll(async () => (await recentEvents(server.url, repToken)).events.length, {
        timeout: 30_000,
      })
      .toBe(2);
    const [deal] = (await recentEvents(server.url, repToken)).events;
    expect(deal).toMatchObject({ metric: 'deals', quantity: 1, amount: 18_000_000 });
    const progress = await api('/me/progress?period=day', repToken);
    expect(progress.points.today).toBe(22);
    expect(progress.streak.current).toBe(1);
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    const seen = await gmail.evaluate(
      () => (window as unknown as { __pacerSeen: string[] }).__pacerSeen,
    );
    expect(new Set(seen)).toEqual(new Set(['1 50% 22 pts today / 20']));
  });

  it('does not announce the colleague again after a reload', async () => {
    await gmail.reload();
    await gmail.getByTestId('pacer-panel').waitFor();
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    await expect.poll(() => sidebarText(gmail, 'pacer-today-deals')).toBe('1');
    // Another log makes the background look for moments again: nothing new to tell.
    await sidebar(gmail).getByTestId('pacer-plus-calls').click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-calls')).toBe('7');
    await gmail.waitForTimeout(3_000);
    const told = await celebrations(gmail).allTextContents();
    expect(told.join(' ')).not.toContain('Zhao Min');
  });

  it('takes the deal and its revenue back with one undo', async () => {
    const item = sidebar(gmail).getByTestId('pacer-recent').filter({ hasText: '¥180,000' });
    await expect(item.count()).resolves.toBe(1);
    await item.getByRole('button').click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-deals')).toBe('0');
    expect(await sidebarText(gmail, 'pacer-percent')).toBe('0%');
  });
});
