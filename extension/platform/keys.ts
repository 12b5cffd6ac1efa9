import type { Language } from '../i18n/translate.ts';

/**
 * The keys Pacer keeps in `chrome.storage.local`, each named once: storage.ts defines its typed
 * WXT items over them, and page-storage.ts reads the three a content script needs at page load.
 */
export const STORAGE_KEYS = {
  account: 'pacer:account',
  view: 'pacer:view',
  prefs: 'pacer:prefs',
  syncState: 'pacer:sync',
  celebrated: 'pacer:celebrated',
  /** Where the UI text in every language was kept before it was stored per language (textKey). */
  oldText: 'pacer:text',
  /** Test builds only: the daily rhythm's pinned clock (background/rhythm-clock.ts). */
  testClock: 'pacer:test-clock',
} as const;

/** The UI text in one language, for content scripts (background/text.ts): a page reads its own. */
export const textKey = (language: Language) => `pacer:text:${language}` as const;
