/** Steps through the extension's own UI, and peeks into its background state. */
import type { Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

// The extension API inside the service worker (evaluated there, not in Node).
declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

export async function signInWithInvite(
  ext: ExtensionBrowser,
  server: string,
  code: string,
  name: string,
): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.fill('input[name=server]', server);
  await popup.fill('input[name=code]', code);
  await popup.fill('input[name=name]', name);
  await popup.fill('input[name=email]', 'li.lei@example.cn');
  await popup.click('button[type=submit]');
  await popup.getByText(`Signed in as ${name}`).waitFor({ timeout: 30_000 });
  return popup;
}

/** The token, read the way only extension code can (the background's IndexedDB). */
export function readTokenFromVault(worker: Worker): Promise<string | undefined> {
  return worker.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('pacer-vault', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('secrets').objectStore('secrets').get('token');
          get.onsuccess = () => resolve(get.result as string | undefined);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Everything in chrome.storage.local (what a content script could read). */
export function readLocalStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
}

/** The sidebar's host element (test builds open its shadow root). */
export const sidebar = (page: Page) => page.locator('pacer-sidebar');

/**
 * Opens the sidebar's panel if it is not open. A panel remembered as open shows the pill until
 * its code is loaded, then takes the pill's place: a click aimed at the pill may find it gone,
 * so this retries until the panel is there.
 */
export async function openPanel(page: Page): Promise<void> {
  const panel = page.getByTestId('pacer-panel');
  const pill = page.getByTestId('pacer-pill').getByRole('button');
  await page.getByTestId('pacer-pill').or(panel).first().waitFor();
  for (let attempt = 0; (await panel.count()) === 0; attempt++) {
    if (attempt === 30) throw new Error('the sidebar panel did not open');
    await pill.click({ timeout: 1_000 }).catch(() => undefined);
    await panel.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
}

export function sidebarText(page: Page, testId: string): Promise<string | null> {
  return sidebar(page).getByTestId(testId).first().textContent();
}

/**
 * Clicks a sidebar or log button with a real (trusted) click and reads the counter just before
 * Pacer handles the click and again in the very next animation frame (test builds: open roots).
 */
export async function clickAndReadNextFrame(
  page: Page,
  buttonSelector: string,
  counterTestId: string,
): Promise<{ before: string | null; nextFrame: string | null }> {
  const hosts = ['[data-pacer-log-buttons]', 'pacer-sidebar'];
  const host = await page.evaluate(
    ({ hosts, buttonSelector, counterTestId }) => {
      const root = document.querySelector('pacer-sidebar')?.shadowRoot;
      const read = () =>
        root?.querySelector(`[data-testid="${counterTestId}"]`)?.textContent ?? null;
      for (const host of hosts) {
        const button = document.querySelector(host)?.shadowRoot?.querySelector(buttonSelector);
        if (!button) continue;
        // At the target, a capture listener runs before Pacer's own (bubble) click handler.
        (window as unknown as { __pacerFrame: Promise<unknown> }).__pacerFrame = new Promise(
          (resolve) =>
            button.addEventListener(
              'click',
              () => {
                const before = read();
                requestAnimationFrame(() => resolve({ before, nextFrame: read() }));
              },
              { capture: true, once: true },
            ),
        );
        return host;
      }
      throw new Error(`no button ${buttonSelector}`);
    },
    { hosts, buttonSelector, counterTestId },
  );
  await page.locator(host).locator(buttonSelector).first().click();
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __pacerFrame: Promise<{ before: string | null; nextFrame: string | null }>;
        }
      ).__pacerFrame,
  );
}
