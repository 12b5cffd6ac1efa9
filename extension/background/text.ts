/**
 * The UI text, published in storage for content scripts one key per language (platform/
 * page-storage.ts reads the member's with the view at page load): the tables (i18n/messages.ts,
 * about 17 KB of code) would otherwise be compiled in every page the extension runs in, and a page
 * reading only its own language reads half the text. Written when the service worker starts where
 * what is stored differs (a new version), and handed to a page that finds none for its version.
 */
import { browser } from 'wxt/browser';
import { dictionaries } from '../i18n/index.ts';
import type { Language, PublishedText } from '../i18n/translate.ts';
import { STORAGE_KEYS, textKey } from '../platform/keys.ts';

export async function publishText(): Promise<Record<Language, PublishedText>> {
  const version = __PACER_VERSION__;
  const all = dictionaries();
  const text = Object.fromEntries(
    (Object.keys(all) as Language[]).map((language) => [
      language,
      { version, dictionary: all[language] },
    ]),
  ) as Record<Language, PublishedText>;
  const keys = (Object.keys(text) as Language[]).map(textKey);
  const current = await browser.storage.local.get(keys);
  const changed = Object.fromEntries(
    (Object.keys(text) as Language[])
      .filter(
        (language) => JSON.stringify(current[textKey(language)]) !== JSON.stringify(text[language]),
      )
      .map((language) => [textKey(language), text[language]]),
  );
  if (Object.keys(changed).length > 0) await browser.storage.local.set(changed);
  // Every language under one key, as versions before this one stored it: no page reads it now.
  await browser.storage.local.remove(STORAGE_KEYS.oldText);
  return text;
}
