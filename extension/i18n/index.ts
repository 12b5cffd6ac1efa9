/**
 * Picks the dictionary for a language setting and fills `{placeholders}` with plain text. Which
 * languages exist, their Intl locales and the names of metrics are shared/domain/language.ts and
 * shared/domain/metrics.ts, the same tables the leaderboard page reads.
 */
import { type ExtensionLocale, extensionLocale } from '../../shared/domain/language.ts';
import { en, type MessageKey, zhCN } from './messages.ts';

/** A language as the extension stores and names it (its `_locales` folder). */
export type Language = ExtensionLocale;
export type LanguageSetting = Language | 'auto';

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  return setting !== 'auto' ? setting : extensionLocale(browserLanguage);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Partial<Record<Language, Record<MessageKey, string>>> = {};

function dictionaryFor(language: Language): Record<MessageKey, string> {
  dictionaries[language] ??= language === 'zh_CN' ? zhCN() : en();
  return dictionaries[language];
}

export function translator(language: Language): Translate {
  const dictionary = dictionaryFor(language);
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

export type { MessageKey };
