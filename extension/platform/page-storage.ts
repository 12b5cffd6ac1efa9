/**
 * The stored values a content script needs (the published view, the preferences and, read once
 * at load, the UI text: background/text.ts), read,
 * watched and written straight through `browser.storage.local`. The content script runs on every
 * load of the sites it serves, so it leaves WXT's storage items (storage.ts: versioning, locks,
 * drivers, meta keys, none of which these keys use) to the background and the extension pages:
 * they came to about 17 KB of every content script's code and a share of its start-up time.
 * Same keys, values and fallbacks as the items in storage.ts.
 */
import { browser } from 'wxt/browser';
import { type Language, type PublishedText, resolveLanguage } from '../i18n/translate.ts';
import { STORAGE_KEYS, textKey } from './keys.ts';
import type { Prefs } from './prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from './view.ts';

export interface PageStored {
  view: SidebarView;
  /** As saved: read through `withDefaults` (prefs.ts). */
  prefs: Partial<Prefs>;
  /** The UI text in the member's language; null until the background has written it. */
  text: PublishedText | null;
  language: Language;
}

const view = (value: unknown): SidebarView => (value as SidebarView | undefined) ?? SIGNED_OUT_VIEW;
const prefs = (value: unknown): Partial<Prefs> => (value as Partial<Prefs> | undefined) ?? {};

export async function readView(): Promise<SidebarView> {
  const got = await browser.storage.local.get(STORAGE_KEYS.view);
  return view(got[STORAGE_KEYS.view]);
}

/** The UI text in one language, as the background published it (null before it has). */
export async function readText(language: Language): Promise<PublishedText | null> {
  const got = await browser.storage.local.get(textKey(language));
  return (got[textKey(language)] as PublishedText | undefined) ?? null;
}

/**
 * All three in one storage read, the text in the browser's language (the language setting's
 * default); a member who chose another language has theirs read next.
 */
export async function readPageStored(browserLanguage: string): Promise<PageStored> {
  const guess = resolveLanguage('auto', browserLanguage);
  const got = await browser.storage.local.get([
    STORAGE_KEYS.view,
    STORAGE_KEYS.prefs,
    textKey(guess),
  ]);
  const saved = prefs(got[STORAGE_KEYS.prefs]);
  const language = resolveLanguage(saved.language ?? 'auto', browserLanguage);
  return {
    view: view(got[STORAGE_KEYS.view]),
    prefs: saved,
    text:
      language === guess
        ? ((got[textKey(guess)] as PublishedText | undefined) ?? null)
        : await readText(language),
    language,
  };
}

/** Calls back on each change of either value (removed: its fallback); returns the unwatch. */
export function watchPageStored(on: {
  view(next: SidebarView): void;
  prefs(next: Partial<Prefs>): void;
}): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const nextView = changes[STORAGE_KEYS.view];
    const nextPrefs = changes[STORAGE_KEYS.prefs];
    if (nextView) on.view(view(nextView.newValue));
    if (nextPrefs) on.prefs(prefs(nextPrefs.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function savePrefs(next: Prefs): Promise<void> {
  return browser.storage.local.set({ [STORAGE_KEYS.prefs]: next });
}
