/** KeyValueStore over chrome.storage.local: survives service-worker and browser restarts. */
import { browser } from 'wxt/browser';
import { readStored, writeStored } from '../platform/storage.ts';
import type { KeyValueStore } from './kv-store.ts';

export const browserStore: KeyValueStore = {
  get: readStored,
  set: writeStored,
  async remove(key) {
    await browser.storage.local.remove(key);
  },
};
