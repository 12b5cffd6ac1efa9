/**
 * Every layout variant of extension/sites/layout-variants.test-helper.ts in real Chromium with the built extension,
 * served at the site's real URL, against the real API: the log buttons appear once beside the
 * record; a click logs that record with its contact and link, exactly once; a double click logs
 * once; the page's in-place navigation moves the buttons to the second record (logged with its own
 * contact) and Back brings them back. Then the double-log guard on a thread without a contact:
 * the sidebar says the log has no contact, a double click logs once, and a second click a moment
 * later asks first, "just now". One browser and one API server for the whole file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  LAYOUT_VARIANTS,
  type VariantRecord,
} from '../../../extension/sites/layout-variants.test-helper.ts';
import type { EventView } from '../../../shared/api/events.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { createOrg, recentEvents } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import {
  buttonKeys,
  clickLogButton,
  collectPageErrors,
  logButton,
  serveFixtures,
} from '../support/sites.ts';

/** Longer than the adapters' debounce and the double-click window's end of a double click. */
const SETTLE_MS = 400;

let server: WorkerServer;
let ext: ExtensionBrowser;
let token: string;

async function logged(url: string, metric: string): Promise<EventView[]> {
  return (await recentEvents(server.url, token)).events.filter(
    (e) => e.source?.url === url && e.metric === metric,
  );
}

async function expectButtonsFor(page: Page, record: VariantRecord): Promise<void> {
  await expect
    .poll(() => buttonKeys(page), { timeout: 10_000 })
    .toEqual([expect.stringContaining(record.key)]);
  await page.waitForTimeout(SETTLE_MS);
  expect(await buttonKeys(page)).toEqual([expect.stringContaining(record.key)]);
}

async function expectOneLog(site: string, metric: string, record: VariantRecord) {
  await expect.poll(() => logged(record.url, metric), { timeout: 30_000 }).toHaveLength(1);
  const [event] = await logged(record.url, metric);
  expect(event?.source).toEqual({ app: site, url: record.url, title: record.title });
  expect(event?.contact ?? {}).toEqual(record.contact);
}

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  const org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'));
  await (await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei')).close();
  token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe.each(LAYOUT_VARIANTS)('$site: $name', (variant) => {
  it('buttons once beside the record; one log per click, one per double click; in-place navigation', async () => {
    await serveFixtures(
      ext.context,
      [`${new URL(variant.first.url).origin}/**`],
      () => variant.fixture,
    );
    const page = await ext.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(variant.first.url);
    await expectButtonsFor(page, variant.first);

    await clickLogButton(page, 'calls');
    await expectOneLog(variant.site, 'calls', variant.first);
    await logButton(page, 'visits').dblclick();
    await expectOneLog(variant.site, 'visits', variant.first);
    await page.waitForTimeout(SETTLE_MS);
    expect(await logged(variant.first.url, 'visits')).toHaveLength(1);

    if (variant.navigate && variant.second) {
      await page.locator(variant.navigate).first().click();
      await expect.poll(() => page.url()).toBe(variant.second.url);
      await expectButtonsFor(page, variant.second);
      await clickLogButton(page, 'meetings');
      await expectOneLog(variant.site, 'meetings', variant.second);

      await page.goBack();
      await expect.poll(() => page.url()).toBe(variant.first.url);
      await expectButtonsFor(page, variant.first);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the double-log guard without a contact', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVarNoSender';

  it('says the log has no contact; a double click logs once; a click a second later asks "just now"', async () => {
    await serveFixtures(
      ext.context,
      ['https://mail.google.com/**'],
      () => 'gmail/variant-no-sender.html',
    );
    const page = await ext.context.newPage();
    await page.goto(url);
    await expect.poll(() => buttonKeys(page), { timeout: 10_000 }).toHaveLength(1);
    const toasts = page.locator('pacer-sidebar').getByTestId('pacer-toast');

    await logButton(page, 'calls').dblclick();
    await expect.poll(() => logged(url, 'calls'), { timeout: 30_000 }).toHaveLength(1);
    const [event] = await logged(url, 'calls');
    expect(event?.contact).toBeUndefined();
    await expect
      .poll(() => toasts.allTextContents())
      .toEqual([expect.stringMatching(/^Logged call: no contact found on this page/)]);

    await page.waitForTimeout(1_200);
    await clickLogButton(page, 'calls');
    const prompt = toasts.filter({ hasText: 'just now' });
    await expect.poll(() => prompt.count()).toBe(1);
    expect(await prompt.textContent()).toMatch(/^You logged a call here just now\. Log another\?/);
    await page.waitForTimeout(SETTLE_MS);
    expect(await logged(url, 'calls')).toHaveLength(1);

    // Asked and confirmed: the second log goes through.
    await prompt.getByTestId('pacer-confirm-yes').click();
    await expect.poll(() => logged(url, 'calls'), { timeout: 30_000 }).toHaveLength(2);
    await page.close();
  });
});
