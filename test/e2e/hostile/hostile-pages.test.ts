/**
 * Pages that try to break the sidebar (test/fixtures/hostile/): subjects and names carrying HTML,
 * script, </style>, RTL overrides, emoji, 10,000 characters, and look-alike (Cyrillic) addresses,
 * in a Gmail thread and a HubSpot contact. A log click must still log, store and show the text as
 * inert text: no payload runs (the page's window flag stays unset), no element appears, and the
 * toast and recent list show exactly what the API stored, which is the page text cut to the
 * contract's caps (name 200, title 300) without splitting a character.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventView } from '../../../shared/api/events.ts';
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, recentEvents } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension, screenshot } from '../support/browser.ts';
import { openPanel, readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import { clickLogButton, collectPageErrors, serveFixtures } from '../support/sites.ts';

const NAME_CAP = 200;
const TITLE_CAP = 300;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let token: string;

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'));
  await (await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei')).close();
  token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

/** The page's own hostile strings (set by the fixture's script, read back from the page). */
function hostileStrings(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () => (window as unknown as { __hostile: Record<string, string> }).__hostile,
  );
}

/** What the contract can keep of a page text: whitespace collapsed, whole characters, ≤ cap. */
function expectCappedPrefix(stored: string | undefined, source: string, cap: number): void {
  const collapsed = source.replace(/\s+/g, ' ').trim();
  expect(stored).toBeDefined();
  const value = stored as string;
  expect(collapsed.startsWith(value)).toBe(true);
  expect(value.length).toBeLessThanOrEqual(cap);
  // At most one UTF-16 unit short of the cap: only a surrogate pair may be kept out whole.
  expect(value.length).toBeGreaterThanOrEqual(Math.min(cap, collapsed.length) - 1);
  expect(LONE_SURROGATE.test(value)).toBe(false);
}

/** Nothing of the payloads ran or became an element, in the page or the extension's roots. */
async function expectInert(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const host of document.querySelectorAll('*'))
      if (host.shadowRoot) roots.push(host.shadowRoot);
    const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
    return {
      pwned: (window as unknown as { __pacerPwned?: unknown }).__pacerPwned ?? null,
      // The payloads' tags; neither the fixtures nor the sidebar use them.
      payloadTags: all
        .filter((el) => ['img', 'b'].includes(el.localName))
        .map((el) => el.outerHTML.slice(0, 80)),
      scripts: all.filter((el) => el.localName === 'script').length,
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.startsWith('on'))
          .map((a) => `${el.localName}[${a.name}]`),
      ),
    };
  });
  expect(report.pwned).toBeNull();
  expect(report.payloadTags).toEqual([]);
  expect(report.handlers).toEqual([]);
  // The only script element is the fixture's own.
  expect(report.scripts).toBe(1);
}

async function storedEvent(app: string): Promise<EventView> {
  let found: EventView | undefined;
  await expect
    .poll(
      async () => {
        found = (await recentEvents(server.url, token)).events.find((e) => e.source?.app === app);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as EventView;
}

/** The sidebar's toast and recent-log texts (inside its shadow root). */
function sidebarTexts(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('pacer-sidebar')?.shadowRoot;
    const texts = (selector: string) =>
      [...(root?.querySelectorAll(selector) ?? [])].map((el) => el.textContent ?? '');
    // The toast's message, without its Undo button's label.
    return {
      toasts: texts('[data-testid="pacer-toast"] > span'),
      recent: texts('[data-testid="pacer-recent"] > span'),
    };
  });
}

async function logAndCheck(page: Page, app: string, source: Record<string, string>) {
  const errors = collectPageErrors(page);
  await clickLogButton(page, 'calls');
  const logged = await storedEvent(app);
  expectCappedPrefix(logged.contact?.name, source.name ?? '', NAME_CAP);
  // A look-alike address is not an address the API takes: dropped, the log still goes through.
  expect(logged.contact?.email).toBeUndefined();
  const name = logged.contact?.name as string;

  await expect
    .poll(async () => (await sidebarTexts(page)).toasts.some((t) => t.endsWith(name)))
    .toBe(true);
  await openPanel(page);
  await expect
    .poll(async () => (await sidebarTexts(page)).recent.some((t) => t.includes(` · ${name}`)))
    .toBe(true);
  await expectInert(page);
  expect(errors).toEqual([]);
  return logged;
}

describe('hostile page text stays text', () => {
  it('Gmail: HTML/script subject and sender, RTL, emoji, 10,000 chars, Cyrillic look-alike', async () => {
    await serveFixtures(
      ext.context,
      ['https://mail.google.com/**'],
      () => 'hostile/gmail-thread.html',
    );
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqEVIL');
    await page.locator('[data-pacer-log-buttons]').waitFor();
    const source = await hostileStrings(page);
    const logged = await logAndCheck(page, 'gmail', source);
    expectCappedPrefix(logged.source?.title, source.subject ?? '', TITLE_CAP);
    await screenshot(page, 'hostile-gmail');
    await page.close();
  });

  it('HubSpot: script and markup in a contact name of 5,000 emoji, look-alike email', async () => {
    await serveFixtures(
      ext.context,
      ['https://app.hubspot.com/**'],
      () => 'hostile/hubspot-contact.html',
    );
    const page = await ext.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4410021/record/0-1/66600');
    await page.locator('[data-pacer-log-buttons]').waitFor();
    const source = await hostileStrings(page);
    const logged = await logAndCheck(page, 'hubspot', source);
    // The CRM title is built from the already capped name.
    expect(logged.source?.title).toBe(`Contact: ${logged.contact?.name}`);
    await screenshot(page, 'hostile-hubspot');
    await page.close();
  });
});
