/**
 * Every built-in CRM and mail adapter (Outlook, Salesforce, HubSpot, Pipedrive, Zoho CRM) in real
 * Chromium with the built extension, its fixtures served at the sites' real URLs, against the
 * real API (wrangler dev, local D1): the log buttons appear once beside the record, follow the
 * app's pushState navigation to a second record and back, and a click logs the right record and
 * contact through to the API exactly once; a layout variant of each site works too; and a page
 * no adapter recognises still gets the sidebar with manual logging, and no buttons or errors.
 * One browser and one API server for the whole file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventView } from '../../../shared/api/events.ts';
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, recentEvents, setMonthTarget } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension, screenshot } from '../support/browser.ts';
import { readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import { buttonKeys, clickLogButton, collectPageErrors, serveFixtures } from '../support/sites.ts';

interface ExpectedRecord {
  url: string;
  /** Part of the adapter's record key that names this record. */
  key: string;
  title: string;
  contact: { name?: string; email?: string };
}

interface SiteCase {
  id: string;
  patterns: string[];
  /** Which fixture answers a URL of this site. */
  pick(url: URL): string;
  first: ExpectedRecord;
  /** What to click on the first record's page to get to the second without a page load. */
  navigate: string;
  second: ExpectedRecord;
  /** Another layout of the same site (older UI, other object type, other domain). */
  variant: ExpectedRecord;
}

const SITES: SiteCase[] = [
  {
    id: 'outlook',
    patterns: ['https://outlook.office.com/**', 'https://outlook.live.com/**'],
    pick: (url) =>
      url.host === 'outlook.live.com'
        ? 'outlook/older-layout.html'
        : 'outlook/conversation-spa.html',
    first: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjAAA',
      key: 'AAQkAGNjAAA',
      title: 'Pricing for 40 seats',
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
    },
    navigate: '[role="option"][data-convid="AAQkAGNjBBB"]',
    second: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjBBB',
      key: 'AAQkAGNjBBB',
      title: 'Signed order form',
      contact: { name: '李雷', email: 'li.lei@example.cn' },
    },
    variant: {
      url: 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATYwMAItMTI',
      key: 'AQMkADAwATYwMAItMTI',
      title: 'Re: 续约报价 (renewal quote)',
      contact: { name: '王芳', email: 'wang.fang@example.cn' },
    },
  },
  {
    id: 'salesforce',
    patterns: ['https://acme.lightning.force.com/**', 'https://acme.my.salesforce.com/**'],
    pick: (url) =>
      url.host.endsWith('.lightning.force.com')
        ? 'salesforce/lightning-spa.html'
        : 'salesforce/classic-lead.html',
    first: {
      url: 'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view',
      key: 'Contact/003Hs00004AbCdEIAV',
      title: 'Contact: Grace Hopper',
      contact: { name: 'Grace Hopper', email: 'grace@navy.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001XyZabIAB/view',
      key: 'Opportunity/006Hs00001XyZabIAB',
      title: 'Opportunity: Navy Labs – 500 seats',
      contact: { name: 'Navy Labs – 500 seats' },
    },
    variant: {
      url: 'https://acme.my.salesforce.com/00QHs00000LeAd1',
      key: 'Lead/00QHs00000LeAd1',
      title: 'Lead: 李雷',
      contact: { name: '李雷', email: 'li.lei@huaxing.example.cn' },
    },
  },
  {
    id: 'hubspot',
    patterns: ['https://app.hubspot.com/**'],
    pick: (url) =>
      url.pathname.includes('/record/') ? 'hubspot/record-spa.html' : 'hubspot/legacy-deal.html',
    first: {
      url: 'https://app.hubspot.com/contacts/4410021/record/0-1/75101',
      key: 'Contact/75101',
      title: 'Contact: Margaret Hamilton',
      contact: { name: 'Margaret Hamilton', email: 'margaret@apollo.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://app.hubspot.com/contacts/4410021/record/0-2/9800311',
      key: 'Company/9800311',
      title: 'Company: Apollo Guidance Systems',
      contact: { name: 'Apollo Guidance Systems' },
    },
    variant: {
      url: 'https://app.hubspot.com/contacts/4410021/deal/5550001',
      key: 'Deal/5550001',
      title: 'Deal: Apollo renewal 2027',
      contact: { name: 'Apollo renewal 2027' },
    },
  },
  {
    id: 'pipedrive',
    patterns: ['https://acme.pipedrive.com/**', 'https://globex.pipedrive.com/**'],
    pick: (url) =>
      url.host.startsWith('globex.')
        ? 'pipedrive/classic-organization.html'
        : 'pipedrive/person-spa.html',
    first: {
      url: 'https://acme.pipedrive.com/person/1842',
      key: 'Person/1842',
      title: 'Person: Katherine Johnson',
      contact: { name: 'Katherine Johnson', email: 'katherine@orbit.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://acme.pipedrive.com/deal/377',
      key: 'Deal/377',
      title: 'Deal: Orbit Labs — 120 seats',
      contact: { name: 'Orbit Labs — 120 seats' },
    },
    variant: {
      url: 'https://globex.pipedrive.com/organization/55',
      key: 'Organization/55',
      title: 'Organization: Globex 深圳分公司',
      contact: { name: 'Globex 深圳分公司' },
    },
  },
  {
    id: 'zoho',
    patterns: ['https://crm.zoho.com/**', 'https://crm.zoho.com.cn/**'],
    pick: (url) =>
      url.host === 'crm.zoho.com.cn' ? 'zoho/classic-account.html' : 'zoho/record-spa.html',
    first: {
      url: 'https://crm.zoho.com/crm/org60012345/tab/Contacts/5487000000312001',
      key: 'Contact/5487000000312001',
      title: 'Contact: Chen Jing',
      contact: { name: 'Chen Jing', email: 'chen.jing@example.cn' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://crm.zoho.com/crm/org60012345/tab/Potentials/5487000000400123',
      key: 'Deal/5487000000400123',
      title: 'Deal: 华星 2027 framework',
      contact: { name: '华星 2027 framework' },
    },
    variant: {
      url: 'https://crm.zoho.com.cn/crm/EntityInfo.do?module=Accounts&id=3300000000099001',
      key: 'Account/3300000000099001',
      title: 'Account: 深圳华星贸易有限公司',
      contact: { name: '深圳华星贸易有限公司', email: 'info@huaxing.example.cn' },
    },
  },
];

/** Longer than the adapters' debounce: "still exactly one set" is checked after it settles. */
const SETTLE_MS = 400;

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let repToken: string;

async function eventsOnServer(): Promise<EventView[]> {
  return (await recentEvents(server.url, repToken)).events;
}

async function logged(url: string, metric: string): Promise<EventView[]> {
  return (await eventsOnServer()).filter((e) => e.source?.url === url && e.metric === metric);
}

/** One set of buttons, for the expected record, and still one after the page settles. */
async function expectButtonsFor(page: Page, record: ExpectedRecord): Promise<void> {
  await expect
    .poll(() => buttonKeys(page), { timeout: 10_000 })
    .toEqual([expect.stringContaining(record.key)]);
  await page.waitForTimeout(SETTLE_MS);
  expect(await buttonKeys(page)).toEqual([expect.stringContaining(record.key)]);
}

/** Clicks a log button and waits for the API to hold that log; checks what it says. */
async function logAndCheck(page: Page, site: string, metric: string, record: ExpectedRecord) {
  await clickLogButton(page, metric);
  await expect.poll(() => logged(record.url, metric), { timeout: 30_000 }).toHaveLength(1);
  const [event] = await logged(record.url, metric);
  expect(event?.source).toEqual({ app: site, url: record.url, title: record.title });
  expect(event?.contact).toEqual(record.contact);
  expect(event).toMatchObject({ quantity: 1, voided: false, evidence: true });
}

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  // A team target, so the sidebar in the screenshots shows progress and pace.
  await setMonthTarget(server.url, org.token, org.team.id, 10_000_000);
  ext = await launchWithExtension(inject('extensionDir'));
  const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
  await popup.close();
  repToken = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe.each(SITES)('$id adapter', (site) => {
  it('on a page it does not recognise: the sidebar and manual logging work, no buttons, no errors', async () => {
    await serveFixtures(ext.context, site.patterns, () => 'generic/unknown-layout.html');
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.first.url);
    await page
      .locator('pacer-sidebar')
      .getByTestId(/^pacer-(pill|panel)$/)
      .first()
      .waitFor();
    // The first site opens the panel; the member's choice is remembered for the others (which
    // show the pill only until the panel's code is there).
    if (site === SITES[0]) await page.getByTestId('pacer-pill').getByRole('button').click();
    await page.getByTestId('pacer-plus-calls').click();
    await expect
      .poll(
        async () =>
          (await eventsOnServer()).filter((e) => e.source?.app === site.id && !e.source.url),
        { timeout: 30_000 },
      )
      .toHaveLength(1);
    await page.waitForTimeout(SETTLE_MS);
    expect(await buttonKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('logs the open record, follows pushState navigation to another record and back', async () => {
    await serveFixtures(ext.context, site.patterns, site.pick);
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.first.url);
    await expectButtonsFor(page, site.first);
    // What the bench needs: a busy page, and one measure per record check (only the latest kept).
    expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeGreaterThanOrEqual(
      5_000,
    );
    expect(
      await page.evaluate(() => performance.getEntriesByName('pacer:record-check').length),
    ).toBe(1);
    await logAndCheck(page, site.id, 'calls', site.first);
    await screenshot(page, `site-${site.id}`);

    await page.locator(site.navigate).first().click();
    await expect.poll(() => page.url()).toBe(site.second.url);
    await expectButtonsFor(page, site.second);
    await logAndCheck(page, site.id, 'meetings', site.second);

    await page.evaluate(() => history.back());
    await expect.poll(() => page.url()).toBe(site.first.url);
    await expectButtonsFor(page, site.first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads its layout variant', async () => {
    await serveFixtures(ext.context, site.patterns, site.pick);
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.variant.url);
    await expectButtonsFor(page, site.variant);
    await logAndCheck(page, site.id, 'visits', site.variant);
    await screenshot(page, `site-${site.id}-variant`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

it('every click reached the API exactly once', async () => {
  const events = await eventsOnServer();
  for (const site of SITES) {
    expect(await logged(site.first.url, 'calls')).toHaveLength(1);
    expect(await logged(site.second.url, 'meetings')).toHaveLength(1);
    expect(await logged(site.variant.url, 'visits')).toHaveLength(1);
  }
  // 5 sites × (manual + first + second + variant).
  expect(events).toHaveLength(SITES.length * 4);
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
});
