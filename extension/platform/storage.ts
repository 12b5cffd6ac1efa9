/** Small typed access to chrome.storage.local for the UIs (kept tiny for the content script). */
import { browser } from 'wxt/browser';

export async function readStored<T>(key: string): Promise<T | undefined> {
  const items = await browser.storage.local.get(key);
  return items[key] as T | undefined;
}

/** Several keys in one storage round trip. */
export function readStoredKeys(keys: string[]): Promise<Record<string, unknown>> {
  return browser.storage.local.get(keys);
}

export async function writeStored<T>(key: string, value: T): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/** Calls `onValue` whenever `key` changes, until `signal` aborts. */
export function watchStored<T>(
  key: string,
  onValue: (value: T | undefined) => void,
  signal: AbortSignal,
): void {
  watchStoredKeys([key], (_, value) => onValue(value as T | undefined), signal);
}

/** Calls `onValue` for each of `keys` that changes (in the order of `keys`), until `signal` aborts. */
export function watchStoredKeys(
  keys: string[],
  onValue: (key: string, value: unknown) => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    for (const key of keys) {
      const change = changes[key];
      if (change) onValue(key, change.newValue);
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}

/** Who is signed in, and where (not secret: the token is only in background/token-vault.ts). */
export interface Account {
  server: string;
  memberId: string;
  memberName: string;
}

export const ACCOUNT_KEY = 'pacer:account';

export async function readAccount(): Promise<Account | null> {
  return (await readStored<Account>(ACCOUNT_KEY)) ?? null;
}
