/**
 * The managers' customer view (客户被拜访) in real Chromium against the real worker, with an
 * organisation built through the API: the manager's overview lists, per rep, customers by class
 * with the overdue ones and the A customers covered this period, narrows to a sub-team, and
 * downloads the same numbers as CSV (the downloaded file is read back). A rep's board never shows
 * it, in every privacy mode, and the rep's session reads their own customers only.
 * Every day is a workday for this team and everyone is on UTC, so the cadences mean the same on
 * any date: A (twice a week) is due every 3 days, B (once a week) every 7; a visit 9 days ago is
 * overdue for A and B, and one today covers its class this period.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import type { CreateOrgResponse, JoinResponse } from '../../../shared/api/index.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import {
  api,
  HttpError,
  launchBrowser,
  newContext,
  parseCsv,
  screenshot,
  see,
  signInWithToken,
} from './support.ts';

const DAY = 24 * 60 * 60 * 1000;
let server: WorkerServer;
let browser: Browser;
let org: CreateOrgResponse;
let liNa: JoinResponse;
let wangFang: JoinResponse;
let subTeamId: string;

async function join(teamId: string, name: string, email: string): Promise<JoinResponse> {
  const invite = await api<{ code: string }>(server.url, 'POST', '/invites', org.token, { teamId });
  return api<JoinResponse>(server.url, 'POST', '/join', undefined, {
    code: invite.code,
    name,
    email,
    timezone: 'UTC',
  });
}

/** A visit `daysAgo` days ago with a company's contact, then that customer named and classed. */
async function customer(
  rep: JoinResponse,
  company: string,
  cls: 'A' | 'B' | 'C' | null,
  daysAgo: number,
) {
  await api(server.url, 'POST', '/events', rep.token, {
    events: [
      {
        id: crypto.randomUUID(),
        metric: 'visits',
        quantity: 1,
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        source: { app: 'gmail', url: `https://mail.google.com/mail/u/0/#inbox/${company}` },
        contact: { name: 'Buyer', email: `buyer@${company.toLowerCase()}.example` },
      },
    ],
  });
  const { customers } = await api<{ customers: { id: string; key: string }[] }>(
    server.url,
    'GET',
    '/customers',
    rep.token,
  );
  const found = customers.find((c) => c.key === `domain:${company.toLowerCase()}.example`);
  await api(server.url, 'PATCH', `/customers/${found?.id}`, rep.token, {
    name: company,
    ...(cls ? { class: cls } : {}),
  });
}

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer();
  org = await api<CreateOrgResponse>(server.url, 'POST', '/orgs', undefined, {
    name: 'Customer Trading',
    timezone: 'UTC',
    currency: 'CNY',
    manager: { name: 'Zhang Wei', email: 'zhang.wei@example.cn' },
  });
  await api(server.url, 'PATCH', '/org', org.token, {
    calendar: { timezone: 'UTC', workweeks: [[1, 2, 3, 4, 5, 6, 7]] },
  });
  const sub = await api<{ team: { id: string } }>(server.url, 'POST', '/teams', org.token, {
    name: 'Key Accounts',
    parentId: org.team.id,
  });
  subTeamId = sub.team.id;
  liNa = await join(org.team.id, 'Li Na', 'li.na@example.cn');
  wangFang = await join(subTeamId, 'Wang Fang', 'wang.fang@example.cn');
  // Li Na: two A (one visited today, one overdue), an overdue B and one with no class.
  await customer(liNa, 'Initech', 'A', 0);
  await customer(liNa, 'Hooli', 'A', 9);
  await customer(liNa, 'Globex', 'B', 9);
  await customer(liNa, 'Umbrella', null, 9);
  // Wang Fang: an overdue A and a C visited today (covered, not due).
  await customer(wangFang, 'Acme', 'A', 9);
  await customer(wangFang, 'Stark', 'C', 0);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The report's rows as the manager reads them: name, A, B, C, no class, A covered. */
const rows = (page: Page) =>
  page
    .getByTestId('customer-report-row')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );

describe('the managers’ customer view', () => {
  it('per rep: customers by class, overdue ones, A covered; a sub-team; the CSV download', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, server.url, org.token);
    const report = page.getByTestId('customer-report');
    await report.scrollIntoViewIfNeeded();
    await see(report.locator('h2')).hasText('Customers by rep');
    await expect
      .poll(() => rows(page), { timeout: 15_000 })
      .toEqual([
        ['Li Na', '2 · 1 overdue', '1 · 1 overdue', '0', '1', '1 / 2 · 50 %'],
        ['Wang Fang', '1 · 1 overdue', '0', '1', '0', '0 / 1 · 0 %'],
        // The manager logs nothing: a row of zeros, and no A customer to cover.
        ['Zhang Wei', '0', '0', '0', '0', '–'],
      ]);
    await screenshot(page, 'customers-manager');

    // The report downloads as a file, with the same numbers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: /Customers CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^pacer-customers-Customer-Trading-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = parseCsv(readFileSync((await download.path()) as string, 'utf8'));
    expect(csv[0]).toEqual([
      'member',
      'member_id',
      'a_customers',
      'a_overdue',
      'a_covered',
      'b_customers',
      'b_overdue',
      'b_covered',
      'c_customers',
      'c_overdue',
      'c_covered',
      'unclassified',
    ]);
    expect(csv.slice(1).filter((r) => r.length > 1)).toEqual([
      ['Li Na', liNa.member.id, '2', '1', '1', '1', '1', '0', '0', '0', '0', '1'],
      ['Wang Fang', wangFang.member.id, '1', '1', '0', '0', '0', '0', '1', '0', '1', '0'],
      ['Zhang Wei', org.member.id, '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    ]);

    // A sub-team: its reps only, and the CSV link follows the choice.
    await report.locator('select[name=customers-team]').selectOption(subTeamId);
    await expect
      .poll(() => rows(page), { timeout: 15_000 })
      .toEqual([['Wang Fang', '1 · 1 overdue', '0', '1', '0', '0 / 1 · 0 %']]);
    expect(
      await report.getByRole('link', { name: /Customers CSV/ }).getAttribute('href'),
    ).toContain(`team=${subTeamId}`);

    // In Chinese.
    await page.goto(`${server.url}/?lang=zh-CN#/overview`);
    await see(page.getByTestId('customer-report').locator('h2')).hasText('客户被拜访');
    await expect
      .poll(() => rows(page), { timeout: 15_000 })
      .toContainEqual(['Li Na', '2 · 逾期 1', '1 · 逾期 1', '0', '1', '1 / 2 · 50 %']);
    await context.close();
  }, 120_000);

  it('a rep never sees it, in every privacy mode, and reads only their own customers', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, server.url, liNa.token);
    for (const privacy of ['open', 'top', 'private'] as const) {
      await api(server.url, 'PATCH', '/org', org.token, { privacy });
      await page.goto(`${server.url}/#/overview`);
      await page.locator('table.board').waitFor();
      // The rep's own overview is there (their goal form), the managers' customer view is not.
      await page.locator('main.overview').waitFor();
      await see(page.getByTestId('customer-report')).hasCount(0);
      // The page's own session: the report is a manager's, a teammate's customers are not theirs.
      const report = await context.request.get(
        `${server.url}/api/v1/customers/report?team=${org.team.id}`,
      );
      expect(report.status(), privacy).toBe(403);
      const peer = await context.request.get(
        `${server.url}/api/v1/customers?member=${wangFang.member.id}`,
      );
      expect(peer.status(), privacy).toBe(404);
      const own = await context.request.get(`${server.url}/api/v1/customers`);
      expect(own.status()).toBe(200);
      const names = ((await own.json()) as { customers: { name: string }[] }).customers.map(
        (c) => c.name,
      );
      expect(names, privacy).toEqual(['Globex', 'Hooli', 'Initech', 'Umbrella']);
    }
    // Nor the other way round: Li Na's customers are not her teammate's to read.
    const refused = await api(
      server.url,
      'GET',
      `/customers?member=${liNa.member.id}`,
      wangFang.token,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(404);
    await screenshot(page, 'customers-rep-board');
    await context.close();
  }, 120_000);
});
