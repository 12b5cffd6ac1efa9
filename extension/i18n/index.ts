/** Picks the dictionary for a language setting and fills `{placeholders}` with plain text. */
import { en, type MessageKey, zhCN } from './messages.ts';

export type Language = 'en' | 'zh_CN';
export type LanguageSetting = Language | 'auto';

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
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

/** A metric's display name: built-ins from the dictionary, custom ones from their own labels. */
export function metricLabel(
  t: Translate,
  language: Language,
  metric: string,
  custom: { en: string; zh: string } | null,
): string {
  if (custom) return language === 'zh_CN' ? custom.zh : custom.en;
  const key = `metric_${metric}` as MessageKey;
  return key in dictionaryFor(language) ? t(key) : metric;
}

export type { MessageKey };

/** A metric as one unit of activity ("call"), for messages like "Logged call for Ada". */
export function metricUnit(
  t: Translate,
  language: Language,
  metric: string,
  custom: { en: string; zh: string } | null,
): string {
  const key = `unit_${metric}` as MessageKey;
  return !custom && key in dictionaryFor(language)
    ? t(key)
    : metricLabel(t, language, metric, custom);
}
