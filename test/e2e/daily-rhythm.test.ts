/**
 * The daily rhythm end to end, in real Chromium against the real worker, with the sidebar's clock
 * pinned per page (test builds read `pacer-now` from the page's address: extension/platform/clock.ts).
 * The team works Monday to Friday with last week's Tuesday a holiday; the days used are last
 * week's, so the test means the same on any date. The morning plan opens the sidebar on the
 * first page of a workday, not again that day once dismissed, not on the holiday or the weekend,
 * and again on the next workday, naming an overdue customer; the morning notification's alarm
 * follows the options. The
 * evening review opens from 17:00 (the week's too on Friday), and a reflection typed in the
 * sidebar reaches the manager's team review.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { ListMembersResponse } from '../../shared/api/orgs.ts';
import { TeamReviewResponse } from '../../shared/api/reviews.ts';
import { CalendarSettings } from '../../shared/api/settings.ts';
import { weekStartOf } from '../../shared/domain/calendar.ts';
import { addDays, localDateOf, zonedInstant } from '../../shared/domain/dates.ts';
import { nextWorkdayAt } from '../../shared/domain/rhythm.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg, joinedSinceMonthStart, setMonthTarget } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import {
  readLocalStorage,
  readTokenFromVault,
  sidebar,
  signInWithInvite,
} from './support/extension.ts';

// The extension API inside the service worker (evaluated there, not in Node).
declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let gmail: Page;
/** The rep's time zone (the browser's, given at sign-in): their day is counted in it. */
let timeZone: string;
/** Monday of last week; its Tuesday is the team's holiday. */
let monday: string;
let calendar: CalendarSettings;

const THREAD = '#inbox/FMfcgzQXJWvqAAA';

/** Opens the Gmail fixture as if the clock showed `time` on `day` in the rep's time zone. */
async function openAt(day: string, time: string): Promise<void> {
  const at = zonedInstant(day, time, timeZone).toISOString();
  await gmail.goto(
    `https://mail.google.com/mail/u/0/?pacer-now=${encodeURIComponent(at)}${THREAD}`,
  );
  await sidebar(gmail).locator('.pacer').waitFor();
}

async function rhythmSeen(): Promise<Record<string, string>> {
  const stored = await readLocalStorage(await ext.serviceWorker());
  return ((stored['pacer:prefs'] as { rhythm?: Record<string, string> }).rhythm ?? {}) as Record<
    string,
    string
  >;
}

/** The panel is closed; opened by hand it shows the "Today's plan" entry and no plan card. */
async function expectNoPlanOpened(): Promise<void> {
  await sidebar(gmail).getByTestId('pacer-pill').waitFor();
  await sidebar(gmail).getByTestId('pacer-pill').getByRole('button').click();
  await sidebar(gmail).getByTestId('pacer-plan-open').waitFor();
  expect(await sidebar(gmail).getByTestId('pacer-plan').count()).toBe(0);
  await sidebar(gmail).getByTestId('pacer-collapse').click();
  await sidebar(gmail).getByTestId('pacer-pill').waitFor();
}

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  // Set before the rep signs in, so the first profile the extension fetches has the holiday.
  monday = addDays(weekStartOf(localDateOf(new Date(), 'UTC'), 1), -7);
  calendar = CalendarSettings.parse({ timezone: 'Asia/Shanghai', holidays: [addDays(monday, 1)] });
  const patched = await fetch(`${server.url}/api/v1/org`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
    body: JSON.stringify({ calendar }),
  });
  expect(patched.status).toBe(200);
  await setMonthTarget(server.url, org.token, org.team.id, 3_000_000);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
  const { members } = ListMembersResponse.parse(
    await (
      await fetch(`${server.url}/api/v1/members`, {
        headers: { authorization: `Bearer ${org.token}` },
      })
    ).json(),
  );
  const rep = members.find((m) => m.name === 'Li Lei');
  timeZone = rep?.timezone ?? 'UTC';
  // On the team since the month's first day: joined today, the rep would carry only the month's
  // workdays left (none on its last weekend), and their share would depend on the date. Then one
  // sync (opening the popup asks the background for one) brings the share to the view.
  await joinedSinceMonthStart(server.url, org.token, rep?.id ?? '');
  const popupAgain = await ext.context.newPage();
  await popupAgain.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popupAgain.close();
  await serveGmail(ext.context, 'one-message.html');
  gmail = await ext.context.newPage();
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('the morning plan', () => {
  it('opens on the first page of a workday, stays away once dismissed, skips the holiday and the weekend, and opens again on the next workday', async () => {
    // The background has published the calendar with the holiday, and the target.
    await expect
      .poll(
        async () => {
          const view = (await readLocalStorage(await ext.serviceWorker()))['pacer:view'] as {
            calendar?: { holidays: string[] };
            primary?: { target: number } | null;
          };
          // The rep carries the whole month (on the team since its first day): the team's target.
          return [view.calendar?.holidays, view.primary?.target];
        },
        { timeout: 30_000 },
      )
      .toEqual([[addDays(monday, 1)], 3_000_000]);
    // Monday 09:00: the sidebar opens by itself to today's plan.
    await openAt(monday, '09:00');
    const plan = sidebar(gmail).getByTestId('pacer-plan');
    await plan.waitFor();
    expect(await plan.locator('h3').textContent()).toContain("Today's plan");
    expect(await sidebar(gmail).getByTestId('pacer-plan-pace').textContent()).toMatch(
      /today to (stay on pace|hit target)|Target reached/,
    );
    await screenshot(gmail, 'sidebar-morning-plan');
    // One click: the card goes and the sidebar closes again.
    await sidebar(gmail).getByTestId('pacer-plan-dismiss').click();
    await sidebar(gmail).getByTestId('pacer-pill').waitFor();
    await expect.poll(rhythmSeen).toEqual({ planOpened: monday, planDismissed: monday });

    // Later that Monday: nothing opens; the plan is still reachable from the sidebar.
    await openAt(monday, '11:00');
    await expectNoPlanOpened();
    await sidebar(gmail).getByTestId('pacer-pill').getByRole('button').click();
    await sidebar(gmail).getByTestId('pacer-plan-open').click();
    await plan.waitFor();
    await sidebar(gmail).getByTestId('pacer-collapse').click();

    // The holiday (Tuesday) and Saturday: no plan.
    await openAt(addDays(monday, 1), '09:00');
    await expectNoPlanOpened();
    await openAt(addDays(monday, 5), '10:00');
    await expectNoPlanOpened();
    expect(await rhythmSeen()).toEqual({ planOpened: monday, planDismissed: monday });

    // A customer of class A last called three weeks ago is overdue: the plan names it.
    const token = await readTokenFromVault(await ext.serviceWorker());
    const rep = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const logged = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: rep,
      body: JSON.stringify({
        events: [
          {
            id: crypto.randomUUID(),
            metric: 'calls',
            quantity: 1,
            occurredAt: new Date(Date.now() - 21 * 86_400_000).toISOString(),
            source: {
              app: 'salesforce',
              url: 'https://acme.lightning.force.com/lightning/r/Account/001Ak00000AbCdEAAA/view',
            },
            contact: { name: 'Acme Trading' },
          },
        ],
      }),
    });
    expect(logged.status).toBe(200);
    const { customers } = (await (
      await fetch(`${server.url}/api/v1/customers`, { headers: rep })
    ).json()) as { customers: { id: string; name: string }[] };
    const customer = customers[0] as { id: string; name: string };
    const classed = await fetch(`${server.url}/api/v1/customers/${customer.id}`, {
      method: 'PATCH',
      headers: rep,
      body: JSON.stringify({ class: 'A' }),
    });
    expect(classed.status).toBe(200);

    // Wednesday: the next workday opens it again.
    await openAt(addDays(monday, 2), '08:45');
    await plan.waitFor();
    await expect
      .poll(() => sidebar(gmail).getByTestId('pacer-plan-due').textContent())
      .toBe(`Due today: ${customer.name}`);
    await expect.poll(async () => (await rhythmSeen()).planOpened).toBe(addDays(monday, 2));
  });

  it('sets the morning notification for the next workday at the time picked in the options, and clears it when off', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const worker = await ext.serviceWorker();
    const alarm = () => worker.evaluate(() => chrome.alarms.get('pacer-plan'));
    expect(await alarm()).toBeUndefined();

    await options.selectOption('select[name=planReminder]', '08:30');
    const expected = nextWorkdayAt('08:30', timeZone, calendar, Date.now());
    await expect.poll(async () => (await alarm())?.scheduledTime).toBe(expected);

    await options.selectOption('select[name=planReminder]', '');
    await expect.poll(alarm).toBeUndefined();
    await options.close();
  });
});

/** The rep's reflection on a period as the manager's team review shows it. */
async function teamReflection(period: 'day' | 'week', date: string) {
  const res = await fetch(`${server.url}/api/v1/reviews/team?period=${period}&date=${date}`, {
    headers: { authorization: `Bearer ${org.token}` },
  });
  const body = TeamReviewResponse.parse(await res.json());
  return body.rows.find((r) => r.member.name === 'Li Lei')?.reflection ?? null;
}

describe('the evening review', () => {
  it('is offered from 17:00 on a workday, the week’s too on its last workday; a reflection typed in the sidebar reaches the manager’s team review', async () => {
    const wednesday = addDays(monday, 2);
    // Wednesday 16:30: the plan still (opened this morning), no review yet.
    await openAt(wednesday, '16:30');
    await sidebar(gmail).getByTestId('pacer-plan').waitFor();
    expect(await sidebar(gmail).getByTestId('pacer-review').count()).toBe(0);
    expect(await sidebar(gmail).getByTestId('pacer-review-open').count()).toBe(0);
    await sidebar(gmail).getByTestId('pacer-plan-dismiss').click();
    await sidebar(gmail).getByTestId('pacer-collapse').click();
    await sidebar(gmail).getByTestId('pacer-pill').waitFor();

    // 17:30: the sidebar opens by itself to the day's review, figures from the server.
    await openAt(wednesday, '17:30');
    const review = sidebar(gmail).getByTestId('pacer-review');
    await review.waitFor();
    expect(await review.locator('h3').textContent()).toBe('Review your day');
    await expect
      .poll(() => sidebar(gmail).getByTestId('pacer-review-sentence').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/\w/);
    expect(await sidebar(gmail).getByTestId('pacer-review-attainment').textContent()).toMatch(
      /^Revenue: /,
    );
    expect(await sidebar(gmail).getByTestId('pacer-review-tab-week').count()).toBe(0);
    await sidebar(gmail).getByTestId('pacer-review-worked').fill('Called the renewals first');
    await sidebar(gmail).getByTestId('pacer-review-change').fill('Fewer internal meetings');
    await sidebar(gmail).getByTestId('pacer-review-focus').fill('Two visits before noon');
    await screenshot(gmail, 'sidebar-evening-review');
    await sidebar(gmail).getByTestId('pacer-review-save').click();
    await expect
      .poll(() => sidebar(gmail).getByTestId('pacer-review-save').textContent())
      .toBe('Reflection saved');
    await expect
      .poll(() => teamReflection('day', wednesday), { timeout: 30_000 })
      .toMatchObject({
        worked: 'Called the renewals first',
        change: 'Fewer internal meetings',
        focus: 'Two visits before noon',
      });
    // Dismissed, and the sidebar it opened closes again.
    await sidebar(gmail).getByTestId('pacer-review-dismiss').click();
    await sidebar(gmail).getByTestId('pacer-pill').waitFor();
    await expect.poll(async () => (await rhythmSeen()).reviewDismissed).toBe(wednesday);

    // Friday, the week's last workday, 17:30: the week's review beside the day's.
    const friday = addDays(monday, 4);
    await openAt(friday, '17:30');
    await review.waitFor();
    await sidebar(gmail).getByTestId('pacer-review-tab-week').click();
    await expect.poll(() => review.locator('h3').textContent()).toBe('Review your week');
    await sidebar(gmail).getByTestId('pacer-review-focus').waitFor();
    await sidebar(gmail).getByTestId('pacer-review-focus').fill('Close the Acme renewal');
    await sidebar(gmail).getByTestId('pacer-review-save').click();
    await expect
      .poll(() => teamReflection('week', monday), { timeout: 30_000 })
      .toMatchObject({ focus: 'Close the Acme renewal' });
  });
});
