/**
 * Picks the dictionary for a language setting and fills `{placeholders}` with plain text
 * (translate.ts). Which languages exist, their Intl locales and the names of metrics are
 * shared/domain/language.ts and shared/domain/metrics.ts, the same tables the leaderboard page
 * reads. The extension's pages and the background use this module; content scripts translate
 * with the dictionaries the background publishes (background/text.ts) and never bundle the
 * tables.
 */
import { en, type MessageKey, zhCN } from './messages.ts';
import {
  type Dictionaries,
  type Dictionary,
  type Language,
  type Translate,
  translatorFor,
} from './translate.ts';

export {
  type Dictionaries,
  type Language,
  type LanguageSetting,
  resolveLanguage,
  type Translate,
  timeAgo,
} from './translate.ts';

const built: Partial<Dictionaries> = {};

function dictionaryFor(language: Language): Dictionary {
  built[language] ??= language === 'zh_CN' ? zhCN() : en();
  return built[language];
}

/** Every language's dictionary (what the background publishes for content scripts). */
export function dictionaries(): Dictionaries {
  return { en: dictionaryFor('en'), zh_CN: dictionaryFor('zh_CN') };
}

/** `t(key, params)` in `language` (translate.ts `translatorFor`). */
export function translator(language: Language): Translate {
  return translatorFor(dictionaryFor(language), language);
}

export type { MessageKey };
