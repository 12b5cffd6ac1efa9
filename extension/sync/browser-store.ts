/** KeyValueStore over chrome.storage.local: survives service-worker and browser restarts. */
import { browser } from 'wxt/browser';
import type { KeyValueStore } from './kv-store.ts';

export const browserStore: KeyValueStore = {
  async get<T>(key: string) {
    return (await browser.storage.local.get(key))[key] as T | undefined;
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.local.remove(key);
  },
};
