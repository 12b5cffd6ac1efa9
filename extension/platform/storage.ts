/**
 * Everything Pacer keeps in `chrome.storage.local`, as typed WXT storage items over the keys of
 * keys.ts. Content scripts read their three keys without these items (page-storage.ts), and they
 * can read this storage area, so nothing secret is here (the API token lives in the background's
 * IndexedDB, background/token-vault.ts).
 *
 * Each item's value type is what a reader may rely on; fallbacks cover a key never written.
 * Values written by older versions are partial where fields were added later, which the types
 * say (`Partial<Prefs>`, optional SyncState fields) and the readers merge with defaults.
 */
import { storage } from 'wxt/utils/storage';
import type { SyncState } from '../sync/state.ts';
import { STORAGE_KEYS } from './keys.ts';
import type { Prefs } from './prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from './view.ts';

const local = (key: string) => `local:${key}` as const;

/** Who is signed in, and where. */
export interface Account {
  server: string;
  memberId: string;
  memberName: string;
}

/** Which celebrations were shown in the current period (background/celebrations.ts). */
export interface CelebrationRecord {
  periodStart: string;
  fired: number[];
  /** Ladder position of the highest tier celebrated in this period (−1: none). */
  tierIndex: number;
  /**
   * The member's own moments told in this period (shared/domain/moments.ts keys), and the
   * longest streak and attainment last looked at; absent in records of older versions.
   */
  seen?: string[];
  longest?: number;
  percent?: number | null;
}

/**
 * WXT's `defineItem` reads its key as soon as the item is defined (to run an `init` option), so
 * each item is defined on first use: a page (popup, options) then reads only the keys it uses,
 * never the sync document.
 */
function onFirstUse<T>(define: () => T): () => T {
  let item: T | undefined;
  return () => {
    item ??= define();
    return item;
  };
}

export const stored = {
  /** The signed-in account (null: signed out). Written by background/account.ts. */
  account: onFirstUse(() => storage.defineItem<Account>(local(STORAGE_KEYS.account))),
  /**
   * What the sidebar and popup show, published by the background (background/main.ts); content
   * scripts read it on load and on change through page-storage.ts.
   */
  view: onFirstUse(() =>
    storage.defineItem<SidebarView>(local(STORAGE_KEYS.view), { fallback: SIGNED_OUT_VIEW }),
  ),
  /** The member's preferences as saved; read through `withDefaults` (platform/prefs.ts). */
  prefs: onFirstUse(() =>
    storage.defineItem<Partial<Prefs>>(local(STORAGE_KEYS.prefs), { fallback: {} }),
  ),
  /** The sync engine's one document (sync/state.ts): outbox, journal, snapshot, … */
  syncState: onFirstUse(() =>
    storage.defineItem<Partial<SyncState>>(local(STORAGE_KEYS.syncState), { fallback: {} }),
  ),
  /** Celebrations already shown in this period (null: none yet). */
  celebrated: onFirstUse(() =>
    storage.defineItem<CelebrationRecord>(local(STORAGE_KEYS.celebrated)),
  ),
  /**
   * Test builds only: how far the daily rhythm's clock runs from Date.now, set by a page with a
   * pinned clock (background/rhythm-clock.ts); null: not pinned.
   */
  testClock: onFirstUse(() =>
    storage.defineItem<{ offset: number } | null>(local(STORAGE_KEYS.testClock), {
      fallback: null,
    }),
  ),
};
