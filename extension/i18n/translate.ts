/**
 * Filling messages in a language, given its dictionary. Kept apart from the tables
 * (messages.ts) so a content script can translate with the dictionaries the background publishes
 * (background/text.ts) instead of carrying both tables in its own code, which every page load
 * would compile; the extension's own pages use index.ts, which brings the tables.
 */
import { type ExtensionLocale, extensionLocale, intlLocale } from '../../shared/domain/language.ts';
import type { Message, MessageKey } from './messages.ts';

/** A language as the extension stores and names it (its `_locales` folder). */
export type Language = ExtensionLocale;
export type LanguageSetting = Language | 'auto';

export type Dictionary = Record<MessageKey, Message>;
/** Every language's dictionary, as the background publishes them. */
export type Dictionaries = Record<Language, Dictionary>;

/** What the background publishes for content scripts, one per language (background/text.ts). */
export interface PublishedText {
  /** The extension version whose table this is: a content script of another asks again. */
  version: string;
  dictionary: Dictionary;
}

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  return setting !== 'auto' ? setting : extensionLocale(browserLanguage);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * `t(key, params)`: the message in the language, `{name}` filled with plain text; a message with
 * plural forms picks the form `Intl.PluralRules` gives for `params.count` ("1 freeze", "2 freezes").
 * A key the dictionary lacks (one published by an older version) reads as the key.
 */
export function translatorFor(dictionary: Partial<Dictionary>, language: Language): Translate {
  // Made on the first message with plural forms: building Intl data costs the page's load
  // (a content script's first paint) time that most pages never need.
  let plurals: Intl.PluralRules | undefined;
  const plural = (count: number) => {
    plurals ??= new Intl.PluralRules(intlLocale(language));
    return plurals.select(count);
  };
  return (key, params) => {
    const message = dictionary[key] ?? key;
    const text =
      typeof message === 'string'
        ? message
        : ((message as Partial<Record<string, string>>)[plural(Number(params?.count ?? 0))] ??
          message.other);
    return params ? fill(text, params) : text;
  };
}

/**
 * `{name}` replaced by `params.name` (a name not in `params`, inherited ones included, stays as
 * written). A scan rather than a pattern: the content script fills the pill's label at page load,
 * where a pattern's first use compiles it; a CPU profile of the Gmail fixture's load put that at
 * about 0.4 ms, nearly all of the time spent translating.
 */
function fill(text: string, params: Record<string, string | number>): string {
  let out = '';
  let from = 0;
  let at = 0;
  for (;;) {
    const close = text.indexOf('}', at);
    if (close < 0) return from === 0 ? text : out + text.slice(from);
    const open = text.lastIndexOf('{', close);
    at = close + 1;
    const name = text.slice(open + 1, close);
    if (open < from || !Object.hasOwn(params, name)) continue;
    out += text.slice(from, open) + String(params[name]);
    from = at;
  }
}

/** "just now" under a minute, else "3 minutes ago" / "3分钟前" (`Intl.RelativeTimeFormat`). */
export function timeAgo(t: Translate, language: Language, elapsedMs: number): string {
  const minutes = Math.floor(elapsedMs / 60_000);
  if (minutes < 1) return t('justNow');
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' });
  return minutes < 60
    ? format.format(-minutes, 'minute')
    : format.format(-Math.floor(minutes / 60), 'hour');
}
