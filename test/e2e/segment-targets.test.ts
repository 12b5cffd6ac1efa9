/**
 * Targets by customer segment end to end, in real Chromium against the real worker: a manager
 * breaks the team's revenue target into 40 % new and 60 % existing customers in the board's
 * target editor (the preview's parts add up exactly); the board shows the target's progress per
 * segment, and its Overview each rep's; after one sync the rep's sidebar shows a line per segment under the primary bar, and a
 * won deal on a Gmail thread with a customer never sold to before moves the "new" part in the
 * very next frame after the click, before any sync (a won deal of a category moves its part so);
 * a manager changing a deal's category on the Team tab moves it between the parts, and the rep
 * changing it back from their won deals on the board moves it back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatValue } from '../../extension/ui/format.ts';
import { buildPage } from '../../scripts/build-page.ts';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import type { ProgressResponse } from '../../shared/api/progress.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { submitToken } from './page/support.ts';
import { createOrg, joinedSinceMonthStart, me } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import { readTokenFromVault, sidebar, sidebarText, signInWithInvite } from './support/extension.ts';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;
let gmail: Page;

async function syncOnce(): Promise<void> {
  // Opening the popup asks the background for one sync.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.close();
}

async function revenueProgress(): Promise<ProgressResponse['metrics'][number]> {
  const res = await fetch(`${server.url}/api/v1/me/progress?period=month`, {
    headers: { authorization: `Bearer ${repToken}` },
  });
  const body = (await res.json()) as ProgressResponse;
  const revenue = body.metrics.find((m) => m.metric === 'revenue');
  if (!revenue) throw new Error('no revenue progress');
  return revenue;
}

const segmentText = (page: Page, segment: string) =>
  sidebar(page).locator(`[data-testid="pacer-segments"] [data-segment="${segment}"]`).textContent();

type Parts = Record<string, string | null>;

/**
 * Saves the won-deal form with a real click and reads the segment line's `segments` just before
 * Pacer handles it and in the very next animation frame: the line moves there, before any sync.
 */
async function saveAndReadNextFrame(
  page: Page,
  segments: string[],
): Promise<{ before: Parts; nextFrame: Parts }> {
  await page.evaluate((segments) => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    const read = () =>
      Object.fromEntries(
        segments.map((s) => [
          s,
          root?.querySelector(`[data-testid="pacer-segments"] [data-segment="${s}"]`)
            ?.textContent ?? null,
        ]),
      );
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
  }, segments);
  await sidebar(page).getByTestId('pacer-won-deal-save').click();
  return page.evaluate(
    () =>
      (window as unknown as { __pacerFrame: Promise<{ before: Parts; nextFrame: Parts }> })
        .__pacerFrame,
  );
}

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  // The org's product categories, before anyone signs in.
  const patched = await fetch(`${server.url}/api/v1/org`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
    body: JSON.stringify({
      productCategories: [
        { id: 'software', name: 'Software' },
        { id: 'service', name: 'Service' },
      ],
    }),
  });
  expect(patched.status).toBe(200);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  await popup.close();
  // On the team since the month's first day: joined today, the rep would carry only the month's
  // workdays left, none on its last weekend, and their share of the team's target would be 0.
  await joinedSinceMonthStart(server.url, org.token, (await me(server.url, repToken)).member.id);
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

describe('a target by customer segment from the board to the sidebar', () => {
  it('shows per-segment progress in the sidebar; a won deal with a new customer moves "new"', async () => {
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect(await sidebar(gmail).getByTestId('pacer-segments').count()).toBe(0);

    // The manager's board: the team's revenue target for this month, 40 % from new customers.
    const board = await ext.context.newPage();
    await board.goto(`${server.url}/`);
    await submitToken(board, org.token);
    await board.locator('table.board, .empty').first().waitFor();
    await board.goto(`${server.url}/#targets`);
    const form = board.locator('form.editor');
    await form.waitFor();
    await form.locator('select[name=metric]').selectOption('revenue');
    await form.locator('input[name=value]').fill('100000.01');
    await form.locator('select[name=segmentBy]').selectOption('customer');
    await form.locator('input[name=newPercent]').fill('40');
    // ¥100,000.01 = 10,000,001 fen: 4,000,000.4 and 6,000,000.6 → 4,000,000 + 6,000,001.
    await expect
      .poll(() => form.locator('[data-segment-preview] [data-part=existing]').textContent())
      .toContain('60,000.01');
    expect(await form.locator('[data-segment-preview] [data-part=new]').textContent()).toContain(
      '40,000.00',
    );
    await form.getByRole('button', { name: 'Save target' }).click();
    await board.getByText('Target saved.').waitFor();
    const newRow = board.locator('[data-segment-progress] tr[data-segment=new]');
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain('CN¥40,000');
    await newRow.scrollIntoViewIfNeeded();
    await screenshot(board, 'board-segment-target');
    await board.close();

    // The rep's share of it (from the day they joined), broken down in the same proportions.
    const progress = await revenueProgress();
    const [newPart, existingPart] = progress.breakdown ?? [];
    expect(newPart?.target).toBeGreaterThan(0);
    expect((newPart?.target ?? 0) + (existingPart?.target ?? 0)).toBe(progress.target);
    const fmt = (v: number) => formatValue(v, 'amount', 'CNY', 'en');

    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => segmentText(gmail, 'new'), { timeout: 30_000 })
      .toBe(`New ${fmt(0)} / ${fmt(newPart?.target ?? 0)}`);
    expect(await segmentText(gmail, 'existing')).toBe(
      `Existing ${fmt(0)} / ${fmt(existingPart?.target ?? 0)}`,
    );

    // A won deal on this thread (the "Won deal" button beside it brings its contact): its
    // customer (example.com) has never bought, so it is new. The customer card has looked the
    // thread's customer up (a first log will create it), so the line moves in the next frame.
    await sidebar(gmail).getByTestId('pacer-customer').waitFor();
    await gmail.locator('button[data-metric="deals"]').first().click();
    await sidebar(gmail).getByTestId('pacer-won-deal-amount').fill('30000');
    const newAfter = `New ${fmt(3_000_000)} / ${fmt(newPart?.target ?? 0)}`;
    const existingNow = `Existing ${fmt(0)} / ${fmt(existingPart?.target ?? 0)}`;
    const shown = await saveAndReadNextFrame(gmail, ['new', 'existing', 'unknown']);
    expect(shown.before).toEqual({
      new: `New ${fmt(0)} / ${fmt(newPart?.target ?? 0)}`,
      existing: existingNow,
      unknown: null,
    });
    expect(shown.nextFrame).toEqual({ new: newAfter, existing: existingNow, unknown: null });
    // The server, once it has the deal, counts it the same.
    await syncOnce();
    await expect
      .poll(async () => (await revenueProgress()).breakdown?.[0]?.achieved, { timeout: 30_000 })
      .toBe(3_000_000);
    await expect.poll(() => sidebarText(gmail, 'pacer-sync'), { timeout: 30_000 }).toBe('Synced');
    expect(await segmentText(gmail, 'new')).toBe(newAfter);
    expect(await segmentText(gmail, 'existing')).toBe(existingNow);
    // The manager's Overview shows the rep's parts too, as the sidebar does.
    const overview = await ext.context.newPage();
    await overview.goto(`${server.url}/#/overview`);
    const rep = (await (
      await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${repToken}` } })
    ).json()) as { member: { id: string } };
    const card = overview.locator(`[data-rep-segments] li[data-member="${rep.member.id}"]`);
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('Li Lei');
    expect(await card.locator('[data-segment=new] dt').textContent()).toBe('New customers');
    expect(await card.locator('[data-segment=new] .won').textContent()).toContain('30,000');
    expect(await card.locator('[data-segment=existing] .won').textContent()).toBe('CN¥0');
    await card.scrollIntoViewIfNeeded();
    await screenshot(overview, 'board-overview-rep-segments');
    await overview.close();
    await gmail.bringToFront();
    // Nothing was won without a known customer: no "unknown" part.
    expect(await sidebar(gmail).locator('[data-segment="unknown"]').count()).toBe(0);
    await sidebar(gmail).getByTestId('pacer-segments').scrollIntoViewIfNeeded();
    await screenshot(gmail, 'sidebar-segments');
  });

  it('by product category: the board splits 70 / 30, a won deal of a category moves its part', async () => {
    const board = await ext.context.newPage();
    // Still signed in from the first test.
    await board.goto(`${server.url}/#targets`);
    const form = board.locator('form.editor');
    await form.waitFor();
    await form.locator('select[name=metric]').selectOption('revenue');
    await form.locator('input[name=value]').fill('100000');
    await form.locator('select[name=segmentBy]').selectOption('category');
    await form.locator('input[name=category-percent-software]').fill('70');
    await form.locator('input[name=category-percent-service]').fill('30');
    await expect
      .poll(() => form.locator('[data-segment-preview] [data-part=software]').textContent())
      .toContain('70,000.00');
    await form.getByRole('button', { name: 'Save target' }).click();
    await board.getByText('Target saved.').waitFor();
    await board.locator('[data-segment-progress] tr[data-segment="category:software"]').waitFor();
    await board.close();

    const progress = await revenueProgress();
    const software = progress.breakdown?.find((s) => s.segment === 'category:software');
    expect(software?.target).toBeGreaterThan(0);
    const fmt = (v: number) => formatValue(v, 'amount', 'CNY', 'en');
    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => segmentText(gmail, 'category:software'), { timeout: 30_000 })
      .toBe(`Software ${fmt(0)} / ${fmt(software?.target ?? 0)}`);
    // The first test's won deal carries no category.
    expect(await segmentText(gmail, 'uncategorised')).toBe(`No category ${fmt(3_000_000)}`);

    // The panel's own button: a second won deal from the same thread would first ask whether
    // it is a double log.
    await sidebar(gmail).getByTestId('pacer-won-deal').click();
    await sidebar(gmail).getByTestId('pacer-won-deal-amount').fill('5000');
    await sidebar(gmail).getByTestId('pacer-won-deal-category').selectOption('software');
    // Its part moves in the next frame, before any sync; the one without a category stays.
    const shown = await saveAndReadNextFrame(gmail, ['category:software', 'uncategorised']);
    expect(shown.before).toEqual({
      'category:software': `Software ${fmt(0)} / ${fmt(software?.target ?? 0)}`,
      uncategorised: `No category ${fmt(3_000_000)}`,
    });
    expect(shown.nextFrame).toEqual({
      'category:software': `Software ${fmt(500_000)} / ${fmt(software?.target ?? 0)}`,
      uncategorised: `No category ${fmt(3_000_000)}`,
    });
    await expect
      .poll(() => segmentText(gmail, 'category:software'), { timeout: 30_000 })
      .toBe(`Software ${fmt(500_000)} / ${fmt(software?.target ?? 0)}`);

    // The popup's manual log offers the categories too.
    const service = progress.breakdown?.find((s) => s.segment === 'category:service');
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.selectOption('select[name=metric]', 'deals');
    await popup.fill('input[name=quantity]', '1');
    await popup.fill('input[name=amount]', '2000');
    await popup.getByTestId('manual-deal-category').selectOption('service');
    await popup.click('form button[type=submit] >> text=Log');
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('Logged');
    await popup.close();
    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => segmentText(gmail, 'category:service'), { timeout: 30_000 })
      .toBe(`Service ${fmt(200_000)} / ${fmt(service?.target ?? 0)}`);

    // The manager puts the software deal right afterwards (it was a service): on the Team tab,
    // the rep's logs; the parts follow once the sidebar syncs.
    const logs = (await (
      await fetch(`${server.url}/api/v1/me/events`, {
        headers: { authorization: `Bearer ${repToken}` },
      })
    ).json()) as { events: { id: string; memberId: string; category?: string }[] };
    const softwareDeal = logs.events.find((e) => e.category === 'software');
    if (!softwareDeal) throw new Error('no software deal');
    const team = await ext.context.newPage();
    await team.goto(`${server.url}/#/team`);
    await team
      .locator(`table.members tr[data-member="${softwareDeal.memberId}"] td.actions button`)
      .first()
      .click();
    const picker = team.locator(
      `[data-logs-panel] li[data-event="${softwareDeal.id}"] select[name="category-${softwareDeal.id}"]`,
    );
    expect(await picker.inputValue()).toBe('software');
    await picker.selectOption('service');
    await team
      .locator(`[data-logs-panel] li[data-event="${softwareDeal.id}"] [role=status]`)
      .waitFor();
    await screenshot(team, 'board-team-deal-category');
    await team.close();
    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => segmentText(gmail, 'category:service'), { timeout: 30_000 })
      .toBe(`Service ${fmt(700_000)} / ${fmt(service?.target ?? 0)}`);
    expect(await segmentText(gmail, 'category:software')).toBe(
      `Software ${fmt(0)} / ${fmt(software?.target ?? 0)}`,
    );

    // The rep puts it back themselves, from their won deals on the board's Overview.
    const mine = await ext.context.newPage();
    await mine.goto(`${server.url}/`);
    await mine.getByRole('button', { name: 'Sign out' }).click();
    await submitToken(mine, repToken);
    const own = mine.locator(`[data-my-deals] li[data-event="${softwareDeal.id}"] select`);
    await own.waitFor();
    expect(await own.inputValue()).toBe('service');
    await own.selectOption('software');
    await mine
      .locator(`[data-my-deals] li[data-event="${softwareDeal.id}"] [role=status]`)
      .waitFor();
    await mine.locator('[data-my-deals]').scrollIntoViewIfNeeded();
    await screenshot(mine, 'board-my-deals');
    await mine.close();
    await gmail.bringToFront();
    await syncOnce();
    await expect
      .poll(() => segmentText(gmail, 'category:software'), { timeout: 30_000 })
      .toBe(`Software ${fmt(500_000)} / ${fmt(software?.target ?? 0)}`);
    expect(await segmentText(gmail, 'category:service')).toBe(
      `Service ${fmt(200_000)} / ${fmt(service?.target ?? 0)}`,
    );
    await sidebar(gmail).getByTestId('pacer-segments').scrollIntoViewIfNeeded();
    await screenshot(gmail, 'sidebar-segments-categories');
  });
});
