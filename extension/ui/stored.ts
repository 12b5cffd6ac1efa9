/** Small typed access to chrome.storage.local for the UIs (kept tiny for the content script). */
import { browser } from 'wxt/browser';

export async function readStored<T>(key: string): Promise<T | undefined> {
  const items = await browser.storage.local.get(key);
  return items[key] as T | undefined;
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
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change) onValue(change.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}
