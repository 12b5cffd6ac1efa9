/**
 * Customers in the sidebar, in real Chromium against the real worker: on a Gmail thread and on a
 * Pipedrive person record, the sidebar shows the customer's class, last follow-up and due state
 * ("B · last visit 9 days ago · overdue 2 days"); logging a visit from the page's button clears
 * "overdue" in the very next frame (the card applies the local log with shared/domain/customers.ts)
 * and the due list drops the customer; a class changes with one click on either and is saved.
 * A customer merged from two identities leaves the due list in the same frame when the visit is
 * logged on the identity that was merged in (the list is keyed by the one it was first derived
 * from).
 * Every day is a workday for this team, so "B: once a week" means 7 workdays whatever day the
 * test runs: a visit 9 days ago is 2 days overdue.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DueCustomersResponse } from '../../shared/api/customers.ts';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { customerDue } from '../../shared/domain/customers.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import {
  clickAndReadNextFrame,
  openPanel,
  readTokenFromVault,
  sidebar,
  sidebarText,
  signInWithInvite,
} from './support/extension.ts';
import { serveFixtures } from './support/sites.ts';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';
const PERSON = 'https://acme.pipedrive.com/person/1842';
const DAY = 24 * 60 * 60 * 1000;

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${repToken}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return res.json();
}

const dueNames = async (page: Page) =>
  sidebar(page).getByTestId('pacer-due-customer').allTextContents();

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  const patched = await fetch(`${server.url}/api/v1/org`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
    body: JSON.stringify({ calendar: { timezone: 'UTC', workweeks: [[1, 2, 3, 4, 5, 6, 7]] } }),
  });
  expect(patched.status).toBe(200);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
  expect(repToken).not.toBe('');
  // A visit 9 days ago with the thread's sender and one on the Pipedrive person; both class B.
  const nineDaysAgo = new Date(Date.now() - 9 * DAY).toISOString();
  await api('POST', '/events', {
    events: [
      {
        id: crypto.randomUUID(),
        metric: 'visits',
        quantity: 1,
        occurredAt: nineDaysAgo,
        source: { app: 'gmail', url: THREAD },
        contact: { name: 'Ada', email: 'ada@example.com' },
      },
      {
        id: crypto.randomUUID(),
        metric: 'visits',
        quantity: 1,
        occurredAt: nineDaysAgo,
        source: { app: 'pipedrive', url: PERSON },
        contact: { name: 'Grace Hopper' },
      },
    ],
  });
  const { customers } = (await api('GET', '/customers')) as { customers: { id: string }[] };
  expect(customers).toHaveLength(2);
  for (const c of customers) await api('PATCH', `/customers/${c.id}`, { class: 'B' });
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('customers in the sidebar', () => {
  it('on a Gmail thread: class, last visit and "overdue 2 days"; a visit clears it in the next frame and leaves the due list', async () => {
    await serveGmail(ext.context, 'one-message.html');
    const gmail = await ext.context.newPage();
    await gmail.goto(THREAD);
    await openPanel(gmail);
    await expect
      .poll(() => sidebarText(gmail, 'pacer-customer-due'), { timeout: 30_000 })
      .toBe('B · last visit 9 days ago · overdue 2 days');
    await expect.poll(() => dueNames(gmail), { timeout: 30_000 }).toHaveLength(2);
    await screenshot(gmail, 'customers-gmail-overdue');

    const { before, nextFrame } = await clickAndReadNextFrame(
      gmail,
      'button[data-metric="visits"]',
      'pacer-customer-due',
    );
    expect(before).toBe('B · last visit 9 days ago · overdue 2 days');
    expect(nextFrame).toMatch(/^B · last visit today · next \d{4}-\d{2}-\d{2}$/);
    expect(await dueNames(gmail)).toHaveLength(1);
    // Once synced the server says the same.
    await expect
      .poll(
        async () =>
          ((await api('GET', '/customers/due')) as { customers: unknown[] }).customers.length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    expect(await sidebarText(gmail, 'pacer-customer-due')).toMatch(/^B · last visit today/);
    // One click makes it a C customer here too, shown at once and saved.
    await sidebar(gmail).getByTestId('pacer-customer-class-C').click();
    await expect
      .poll(() => sidebarText(gmail, 'pacer-customer-due'), { timeout: 30_000 })
      .toMatch(/^C · last visit today · next \d{4}-\d{2}-\d{2}$/);
    await expect
      .poll(
        async () => {
          const { customers } = (await api('GET', '/customers')) as {
            customers: { key: string; class: string }[];
          };
          return customers.find((c) => c.key === 'domain:example.com')?.class;
        },
        { timeout: 30_000 },
      )
      .toBe('C');
    await gmail.close();
  });

  it('on a Pipedrive person record: overdue, and one click makes it an A customer', async () => {
    await serveFixtures(
      ext.context,
      ['https://acme.pipedrive.com/**'],
      () => 'pipedrive/person-spa.html',
    );
    const crm = await ext.context.newPage();
    await crm.goto(PERSON);
    await openPanel(crm);
    await expect
      .poll(() => sidebarText(crm, 'pacer-customer-due'), { timeout: 30_000 })
      .toBe('B · last visit 9 days ago · overdue 2 days');
    await sidebar(crm).getByTestId('pacer-customer-class-A').click();
    // A: twice a week = every 3 of the 7 workdays, but the week's second visit is due by its last
    // day (Sunday) if that comes first: 6 to 8 days overdue depending on the visit's weekday.
    const { today, rules } = (await api('GET', '/customers/due')) as DueCustomersResponse;
    const visit = addDays(today, -9);
    const asA = customerDue({
      class: 'A',
      last: { date: visit, metric: 'visits' },
      since: visit,
      today,
      settings: rules.customers,
      cal: rules.calendar,
    });
    expect(asA.overdueDays).toBeGreaterThanOrEqual(6);
    await expect
      .poll(() => sidebarText(crm, 'pacer-customer-due'), { timeout: 30_000 })
      .toBe(`A · last visit 9 days ago · overdue ${asA.overdueDays} days`);
    // Saved on the server (the card showed it at once; the save follows).
    await expect
      .poll(
        async () => {
          const { customers } = (await api('GET', '/customers')) as {
            customers: { key: string; class: string }[];
          };
          return customers.find((c) => c.key === 'crm:pipedrive:acme:person:1842')?.class;
        },
        { timeout: 30_000 },
      )
      .toBe('A');
    await screenshot(crm, 'customers-pipedrive-class');
    await crm.close();
  });

  it('a merged customer leaves the due list in the same frame when a visit is logged on its merged-in identity', async () => {
    // Initech (its domain) was visited 9 days ago too; the Pipedrive person is merged into it.
    await api('POST', '/events', {
      events: [
        {
          id: crypto.randomUUID(),
          metric: 'visits',
          quantity: 1,
          occurredAt: new Date(Date.now() - 9 * DAY).toISOString(),
          source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/initech' },
          contact: { name: 'Bill', email: 'bill@initech.example' },
        },
      ],
    });
    const { customers } = (await api('GET', '/customers')) as {
      customers: { id: string; key: string }[];
    };
    const initech = customers.find((c) => c.key === 'domain:initech.example');
    const person = customers.find((c) => c.key === 'crm:pipedrive:acme:person:1842');
    await api('PATCH', `/customers/${initech?.id}`, { class: 'B', name: 'Initech' });
    await api('POST', `/customers/${initech?.id}/merge`, { from: [person?.id] });

    await serveFixtures(
      ext.context,
      ['https://acme.pipedrive.com/**'],
      () => 'pipedrive/person-spa.html',
    );
    const crm = await ext.context.newPage();
    await crm.goto(PERSON);
    await openPanel(crm);
    await expect
      .poll(() => sidebarText(crm, 'pacer-customer-due'), { timeout: 30_000 })
      .toBe('B · last visit 9 days ago · overdue 2 days');
    await expect
      .poll(() => dueNames(crm), { timeout: 30_000 })
      .toEqual(['B Initech · last visit 9 days ago · overdue 2 days']);
    const { before, nextFrame } = await clickAndReadNextFrame(
      crm,
      'button[data-metric="visits"]',
      'pacer-due-customers',
    );
    expect(before).toContain('Initech');
    expect(nextFrame).not.toContain('Initech');
    expect(await sidebarText(crm, 'pacer-customer-due')).toMatch(/^B · last visit today/);
    await crm.close();
  });
});
