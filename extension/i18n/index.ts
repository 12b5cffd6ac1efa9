/**
 * Picks the dictionary for a language setting and fills `{placeholders}` with plain text. Which
 * languages exist, their Intl locales and the names of metrics are shared/domain/language.ts and
 * shared/domain/metrics.ts, the same tables the leaderboard page reads.
 */
import { type ExtensionLocale, extensionLocale, intlLocale } from '../../shared/domain/language.ts';
import { en, type Message, type MessageKey, zhCN } from './messages.ts';

/** A language as the extension stores and names it (its `_locales` folder). */
export type Language = ExtensionLocale;
export type LanguageSetting = Language | 'auto';

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  return setting !== 'auto' ? setting : extensionLocale(browserLanguage);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Partial<Record<Language, Record<MessageKey, Message>>> = {};

function dictionaryFor(language: Language): Record<MessageKey, Message> {
  dictionaries[language] ??= language === 'zh_CN' ? zhCN() : en();
  return dictionaries[language];
}

/**
 * `t(key, params)`: the message in the language, `{name}` filled with plain text; a message with
 * plural forms picks the form `Intl.PluralRules` gives for `params.count` ("1 freeze", "2 freezes").
 */
export function translator(language: Language): Translate {
  const dictionary = dictionaryFor(language);
  // Made on the first message with plural forms: building Intl data costs the page's load
  // (a content script's first paint) time that most pages never need.
  let plurals: Intl.PluralRules | undefined;
  const plural = (count: number) => {
    plurals ??= new Intl.PluralRules(intlLocale(language));
    return plurals.select(count);
  };
  return (key, params) => {
    const message = dictionary[key];
    const text =
      typeof message === 'string'
        ? message
        : ((message as Partial<Record<string, string>>)[plural(Number(params?.count ?? 0))] ??
          message.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
  };
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

export type { MessageKey };
