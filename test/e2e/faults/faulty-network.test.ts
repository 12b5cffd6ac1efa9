/**
 * Sync under faults, end to end: 500 logs made through the sidebar's +1 buttons of the real
 * extension in Chromium reach the real worker through a proxy that drops requests, answers
 * 500/503, delays, and drops responses after the server committed; meanwhile the extension's
 * service worker is stopped mid-flush and the whole browser is restarted (same profile). In the
 * end the server holds every log exactly once (per metric and by event id), and the sidebar
 * shows the server's numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import type { ProgressResponse } from '../../../shared/api/progress.ts';
import { freePort, startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension, serveGmail } from '../support/browser.ts';
import {
  openPanel,
  readLocalStorage,
  readTokenFromVault,
  sidebarText,
  signInWithInvite,
} from '../support/extension.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';

const METRICS = ['calls', 'emails', 'meetings', 'visits', 'leads'] as const;
type Metric = (typeof METRICS)[number];
/** Clicks per phase: before the service-worker stop, before the browser restart, after it. */
const PHASES = [200, 150, 150] as const;
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';

let server: WorkerServer;
let proxy: FaultProxy;
let ext: ExtensionBrowser | undefined;
let org: CreateOrgResponse;
let repToken: string;
const profile = mkdtempSync(join(tmpdir(), 'pacer-faults-'));
const clicked: Record<Metric, number> = { calls: 0, emails: 0, meetings: 0, visits: 0, leads: 0 };

beforeAll(async () => {
  server = await startWorkerServer({ port: await freePort() });
  // The extension is built with the e2e API port granted: the proxy takes that port.
  proxy = await startFaultProxy(inject('apiPort'), server.url);
  org = await createOrg(server.url);
});

afterAll(async () => {
  await ext?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(profile, { recursive: true, force: true });
});

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return (
    new URL(path, server.url).pathname.endsWith('.csv') ? res.text() : res.json()
  ) as Promise<T>;
}

async function openGmail(browser: ExtensionBrowser): Promise<Page> {
  await serveGmail(browser.context, 'one-message.html');
  const page = await browser.context.newPage();
  await page.goto(THREAD_URL);
  // The panel's open/closed state is remembered across a browser restart.
  await openPanel(page);
  return page;
}

/**
 * Clicks +1 buttons `count` times, round-robin over the metrics, as fast as the page allows:
 * real mouse clicks (Pacer ignores a script's synthetic ones) at each button's centre, found
 * once per call (the +1 buttons do not move while logs come in).
 */
async function clickPlusButtons(page: Page, count: number): Promise<void> {
  const order = Array.from(
    { length: count },
    (_, i) => METRICS[(i + sumClicks()) % METRICS.length] as Metric,
  );
  const centres = await page.evaluate((metrics) => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    return metrics.map((metric) => {
      const button = root?.querySelector(`[data-testid="pacer-plus-${metric}"]`);
      if (!button) throw new Error(`no +1 button for ${metric}`);
      const box = button.getBoundingClientRect();
      return { metric, x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
  }, METRICS);
  for (const metric of order) {
    const centre = centres.find((c) => c.metric === metric);
    if (!centre) throw new Error(`no +1 button for ${metric}`);
    await page.mouse.click(centre.x, centre.y);
    clicked[metric] += 1;
  }
}

function sumClicks(): number {
  return Object.values(clicked).reduce((a, b) => a + b, 0);
}

/**
 * Logs the client has committed: waiting in the outbox, in the journal, or already sent (the
 * journal keeps only the newest synced entries, so sent ids come from what the proxy saw).
 */
async function clientLogCount(browser: ExtensionBrowser): Promise<number> {
  const state = (await readLocalStorage(await browser.serviceWorker()))['pacer:sync'] as {
    outbox: { kind: string; event?: { id: string } }[];
    journal: { event: { id: string } }[];
  };
  const ids = new Set(proxy.sentEventIds);
  for (const op of state.outbox) if (op.event) ids.add(op.event.id);
  for (const entry of state.journal) ids.add(entry.event.id);
  return ids.size;
}

async function outboxLength(browser: ExtensionBrowser): Promise<number> {
  const state = (await readLocalStorage(await browser.serviceWorker()))['pacer:sync'] as {
    outbox: unknown[];
  };
  return state.outbox.length;
}

/** Waits until a batch of logs is on its way to the server (forwarded, not yet answered). */
async function waitForFlushInFlight(): Promise<void> {
  await expect.poll(() => proxy.inFlight(), { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
}

it('500 logs through a faulty network, a service-worker stop and a browser restart: exactly once', async () => {
  ext = await launchWithExtension(inject('extensionDir'), profile);
  await (await signInWithInvite(ext, proxy.url, org.inviteCode, 'Li Lei')).close();
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  expect(repToken.length).toBeGreaterThanOrEqual(32);
  let gmail = await openGmail(ext);
  proxy.setFaults(true);

  // Phase 1, then the service worker is stopped while a batch is in flight.
  await clickPlusButtons(gmail, PHASES[0]);
  await waitForFlushInFlight();
  const cdp = await ext.context.newCDPSession(gmail);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');

  // Phase 2 (the clicks wake the worker again), then the browser is closed mid-flush.
  await clickPlusButtons(gmail, PHASES[1]);
  const firstTwo = PHASES[0] + PHASES[1];
  // Closing must not lose what the client committed; it only has to keep what it has stored.
  await expect
    .poll(() => clientLogCount(ext as ExtensionBrowser), { timeout: 60_000 })
    .toBe(firstTwo);
  await waitForFlushInFlight();
  await ext.close();
  ext = undefined;

  ext = await launchWithExtension(inject('extensionDir'), profile);
  gmail = await openGmail(ext);
  await clickPlusButtons(gmail, PHASES[2]);
  const total = PHASES[0] + PHASES[1] + PHASES[2];
  expect(sumClicks()).toBe(total);
  await expect.poll(() => clientLogCount(ext as ExtensionBrowser), { timeout: 60_000 }).toBe(total);

  // Let the faults work on the remaining logs for a while, then heal the network and ask for a
  // sync the way a person would (opening the popup syncs now).
  await new Promise((r) => setTimeout(r, 5_000));
  proxy.setFaults(false);
  await (await ext.context.newPage()).goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect
    .poll(() => outboxLength(ext as ExtensionBrowser), { timeout: 120_000, interval: 1_000 })
    .toBe(0);

  // Every fault really happened.
  for (const fault of [
    'drop-request',
    'status-500',
    'status-503',
    'delay',
    'drop-response',
  ] as const) {
    expect(proxy.applied[fault], fault).toBeGreaterThan(0);
  }

  // Server totals per metric equal the clicks (no loss, no double count).
  const day = await api<ProgressResponse>('/api/v1/me/progress?period=day', repToken);
  const month = await api<ProgressResponse>('/api/v1/me/progress?period=month', repToken);
  const achieved = (p: ProgressResponse, metric: string) =>
    p.metrics.find((m) => m.metric === metric)?.achieved;
  for (const metric of METRICS) {
    expect(achieved(day, metric), metric).toBe(clicked[metric]);
    expect(achieved(month, metric), metric).toBe(clicked[metric]);
  }

  // Stored events by id: one row per id the client ever sent, and nothing else.
  const today = day.period.start;
  const csv = await api<string>(`/api/v1/export/events.csv?from=${today}&to=${today}`, org.token);
  const storedIds = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]);
  expect(storedIds).toHaveLength(total);
  expect(new Set(storedIds).size).toBe(total);
  expect(new Set(storedIds)).toEqual(proxy.sentEventIds);

  // The sidebar converges to the server's numbers.
  for (const metric of METRICS) {
    await expect
      .poll(() => sidebarText(gmail, `pacer-today-${metric}`), { timeout: 60_000 })
      .toBe(String(achieved(day, metric)));
    await expect
      .poll(() => sidebarText(gmail, `pacer-period-${metric}`), { timeout: 60_000 })
      .toBe(String(achieved(month, metric)));
  }
  await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 60_000 }).toBe('Synced');
});
