/**
 * The UI text in every language, published in storage for content scripts (platform/
 * page-storage.ts reads it with the view at page load): the tables (i18n/messages.ts, about
 * 17 KB of code) would otherwise be compiled in every page the extension runs in, where reading
 * them as stored data costs a fraction of that. Written when the service worker starts if what is
 * stored differs (a new version), and handed to a page that finds none for its version.
 */
import { browser } from 'wxt/browser';
import { dictionaries } from '../i18n/index.ts';
import type { PublishedText } from '../i18n/translate.ts';
import { stored } from '../platform/storage.ts';

export async function publishText(): Promise<PublishedText> {
  const text: PublishedText = {
    version: browser.runtime.getManifest().version,
    dictionaries: dictionaries(),
  };
  const current = await stored.text().getValue();
  if (JSON.stringify(current) !== JSON.stringify(text)) await stored.text().setValue(text);
  return text;
}
