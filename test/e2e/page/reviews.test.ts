/**
 * The review tab (复盘) in real Chromium against the real worker, with an organisation built
 * through the API: a rep opens their week's review (generated: the bottleneck sentence is there
 * without anyone typing it), writes a reflection and saves it; their manager opens the team
 * review, sees the rep's bottleneck and the reflection's words, opens the rep's full review and
 * downloads the team review as CSV with the reflection in it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import type { CreateOrgResponse, JoinResponse } from '../../../shared/api/index.ts';
import { periodContaining } from '../../../shared/domain/calendar.ts';
import { addDays, localDateOf } from '../../../shared/domain/dates.ts';
import { defaultOrgSettings } from '../../../shared/domain/defaults.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import {
  api,
  launchBrowser,
  newContext,
  parseCsv,
  screenshot,
  see,
  signInWithToken,
} from './support.ts';

const TZ = 'Asia/Shanghai';
let server: WorkerServer;
let browser: Browser;
let org: CreateOrgResponse;
let rep: JoinResponse;
let lastWeek: { start: string; end: string };

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer();
  org = await api<CreateOrgResponse>(server.url, 'POST', '/orgs', undefined, {
    name: 'Review Trading',
    timezone: TZ,
    currency: 'CNY',
    manager: { name: 'Zhang Wei', email: 'zhang.wei@example.cn' },
  });
  const invite = await api<{ code: string }>(server.url, 'POST', '/invites', org.token, {
    teamId: org.team.id,
  });
  rep = await api<JoinResponse>(server.url, 'POST', '/join', undefined, {
    code: invite.code,
    name: 'Li Na',
    email: 'li.na@example.cn',
    timezone: TZ,
  });
  // Last week (ended, so its whole target is the plan whatever the time of day): a revenue
  // target, and a few logs on its Monday; a gap for the review to explain.
  const today = localDateOf(Date.now(), TZ);
  const calendar = defaultOrgSettings({ timezone: TZ, currency: 'CNY' }).calendar;
  lastWeek = periodContaining(
    'week',
    addDays(periodContaining('week', today, calendar).start, -1),
    calendar,
  );
  await api(server.url, 'POST', '/targets/reopenings', org.token, {
    teamId: org.team.id,
    start: lastWeek.start,
    end: lastWeek.end,
    reason: 'test set-up',
  });
  await api(server.url, 'PATCH', `/members/${rep.member.id}`, org.token, {
    joinedOn: lastWeek.start,
  });
  await api(server.url, 'PUT', '/targets', org.token, {
    scope: 'member',
    memberId: rep.member.id,
    metric: 'revenue',
    period: { kind: 'week', start: lastWeek.start },
    value: 10_000_000,
  });
  // 10:00 in Shanghai on last week's Monday.
  const at = `${lastWeek.start}T02:00:00.000Z`;
  await api(server.url, 'POST', '/events', rep.token, {
    events: [
      { id: crypto.randomUUID(), metric: 'leads', quantity: 12, occurredAt: at },
      { id: crypto.randomUUID(), metric: 'visits', quantity: 5, occurredAt: at },
      { id: crypto.randomUUID(), metric: 'calls', quantity: 9, occurredAt: at },
    ],
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const WORKED = 'Calling back the same afternoon';
const CHANGE = 'Book the meeting while on the visit';
const FOCUS = 'Ten meetings next week';

describe('the review tab', () => {
  it('a reflection the rep types shows on the manager’s team review and in its CSV', async () => {
    const repPage = await (await newContext(browser)).newPage();
    await signInWithToken(repPage, server.url, rep.token);
    await repPage.goto(`${server.url}/#/review`);
    await repPage.locator('main.review').waitFor();
    await repPage.locator('input[name=review-date]').fill(lastWeek.start);
    // Generated from the data: no lead ever became a meeting, so the funnel stops there.
    await see(repPage.getByTestId('review-sentence')).hasText(
      'Bottleneck: visit → meeting — 0% against your usual 50%; it explains 100% of the gap.',
    );
    await repPage.locator('textarea[name=reflection-worked]').fill(WORKED);
    await repPage.locator('textarea[name=reflection-change]').fill(CHANGE);
    await repPage.locator('textarea[name=reflection-focus]').fill(FOCUS);
    await repPage.getByRole('button', { name: 'Save reflection' }).click();
    await see(repPage.locator('.reflection-form [role=status]')).hasText('Reflection saved.');
    await screenshot(repPage, 'review-rep', true);

    const managerContext = await newContext(browser);
    const page = await managerContext.newPage();
    await signInWithToken(page, server.url, org.token);
    await page.goto(`${server.url}/#/review`);
    await page.locator('input[name=review-date]').fill(lastWeek.start);
    const row = page.locator(`table.team-review-table tr[data-member="${rep.member.id}"]`);
    await row.waitFor();
    await see(row.locator('td.sentence')).hasText(
      'Bottleneck: visit → meeting — 0% against your usual 50%; it explains 100% of the gap.',
    );
    await see(row.locator('dl.reflection dd').nth(0)).hasText(WORKED);
    await see(row.locator('dl.reflection dd').nth(1)).hasText(CHANGE);
    await see(row.locator('dl.reflection dd').nth(2)).hasText(FOCUS);

    // The rep's full review on a click, with the reflection under it.
    await row.getByRole('button', { name: 'Li Na' }).click();
    const card = page.getByTestId('review');
    await see(card.locator('h3')).containsText('Li Na');
    await see(card.getByTestId('reflection').locator('dd').first()).hasText(WORKED);
    await screenshot(page, 'review-team', true);

    // The CSV behind the export link (the page's own session cookie goes along).
    const href = await page.getByRole('link', { name: /Export CSV/ }).getAttribute('href');
    const res = await managerContext.request.get(new URL(href ?? '', server.url).href);
    expect(res.status()).toBe(200);
    const rows = parseCsv(await res.text());
    const header = rows[0] ?? [];
    const line = rows.find((r) => r[1] === rep.member.id) ?? [];
    expect(line[header.indexOf('member')]).toBe('Li Na');
    expect(line[header.indexOf('bottleneck')]).toBe('visitToMeeting');
    expect(line[header.indexOf('what_worked')]).toBe(WORKED);
    expect(line[header.indexOf('next_focus')]).toBe(FOCUS);
    await managerContext.close();
  }, 120_000);
});
