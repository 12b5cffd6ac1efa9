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

const sidebar = (page: Page) => page.locator('pacer-sidebar');

export function sidebarText(page: Page, testId: string): Promise<string | null> {
  return sidebar(page).getByTestId(testId).first().textContent();
}

/** Clicks a log button and reads the counter in the very next animation frame. */
export function clickAndReadNextFrame(page: Page, buttonSelector: string, counterTestId: string) {
  return page.evaluate(
    ({ buttonSelector, counterTestId }) => {
      const root = document.querySelector('pacer-sidebar')?.shadowRoot;
      const buttons = document.querySelector('[data-pacer-log-buttons]')?.shadowRoot;
      const button = (buttons?.querySelector(buttonSelector) ??
        root?.querySelector(buttonSelector)) as HTMLButtonElement | null;
      if (!button) throw new Error(`no button ${buttonSelector}`);
      const read = () =>
        root?.querySelector(`[data-testid="${counterTestId}"]`)?.textContent ?? null;
      const before = read();
      button.click();
      return new Promise<{ before: string | null; nextFrame: string | null }>((resolve) =>
        requestAnimationFrame(() => resolve({ before, nextFrame: read() })),
      );
    },
    { buttonSelector, counterTestId },
  );
}
