/**
 * Hostile names and labels on the leaderboard page and the TV: markup, script, spreadsheet
 * formulas, separators and names like JavaScript's own properties are shown as the text they
 * are. No element, handler or window flag appears, and the TV's activity screen lists a metric
 * whose label is a script as text.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import type { CreateOrgResponse, JoinResponse } from '../../../shared/api/index.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { api, launchBrowser, newContext, see, signInWithToken } from '../page/support.ts';

const REP_NAME = '<img src=x onerror="window.__pwned=1">;=HYPERLINK("https://evil.example")';
const MANAGER_NAME = 'constructor';
const METRIC_LABEL = '<script>window.__pwned=2</script>;+@S';

let server: WorkerServer;
let browser: Browser;
let managerToken: string;
let repId: string;
let tvUrl: string;

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer();
  browser = await launchBrowser();
  const org = await api<CreateOrgResponse>(server.url, 'POST', '/orgs', undefined, {
    name: '__proto__ =1+1',
    timezone: 'UTC',
    currency: 'EUR',
    manager: { name: MANAGER_NAME, email: 'boss@hostile.example' },
  });
  managerToken = org.token;
  await api(server.url, 'PATCH', '/org', managerToken, {
    customMetrics: [
      { id: 'demos', label: { en: METRIC_LABEL, zh: METRIC_LABEL }, kind: 'count', points: 3 },
    ],
  });
  const rep = await api<JoinResponse>(server.url, 'POST', '/join', undefined, {
    code: org.inviteCode,
    name: REP_NAME,
    email: 'rep@hostile.example',
    timezone: 'UTC',
  });
  repId = rep.member.id;
  await api(server.url, 'POST', '/events', rep.token, {
    events: ['calls', 'demos'].map((metric) => ({
      id: crypto.randomUUID(),
      metric,
      quantity: 2,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      note: '=1+1;@A1',
    })),
  });
  const link = await api<{ url: string }>(server.url, 'POST', '/tv-links', managerToken, {
    teamId: org.team.id,
  });
  tvUrl = link.url;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('hostile names on the board and the TV', () => {
  it('the board shows them as text', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, server.url, managerToken);
    const row = page.locator(`table.board tr[data-member="${repId}"]`);
    await see(row).containsText(REP_NAME);
    expect(await page.locator('table.board img, table.board script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('the TV shows them as text, on the board and the activity screen', async () => {
    expect(tvUrl.startsWith(server.url)).toBe(true);
    const context = await newContext(browser, { width: 1920, height: 1080 });
    const tv = await context.newPage();
    await tv.goto(`${tvUrl}?refresh=1&rotate=3600`);
    await see(tv.locator(`table.board tr[data-member="${repId}"]`)).containsText(REP_NAME);
    await tv.goto(`${tvUrl}?refresh=1&rotate=1`);
    await tv.locator('[data-screen=activity]').waitFor({ timeout: 10_000 });
    await see(tv.locator('.tv-totals li[data-metric=demos]')).containsText(METRIC_LABEL);
    expect(await tv.locator('img, script:not([src])').count()).toBe(0);
    expect(await tv.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});
