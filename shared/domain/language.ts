// The languages Pacer speaks, in one table: the key of every bilingual label ({ en, zh }: metric
// names, tier names, custom metrics), the Intl locale that formats numbers and dates, and the
// extension's locale folder (Chrome's `_locales/zh_CN` naming). Every app maps a language tag
// through here, whichever convention it comes in ("zh-CN" from a browser or `?lang=`, "zh_CN"
// from the extension's settings).

export const LANGUAGES = {
  en: { intl: 'en', extension: 'en' },
  zh: { intl: 'zh-CN', extension: 'zh_CN' },
} as const;

/** A language Pacer speaks, as the key of a bilingual label. */
export type Language = keyof typeof LANGUAGES;
/** The locale Intl formats a language's numbers and dates in. */
export type IntlLocale = (typeof LANGUAGES)[Language]['intl'];
/** A language as the extension names it (its `_locales` folder and stored setting). */
export type ExtensionLocale = (typeof LANGUAGES)[Language]['extension'];

/** Text in every language Pacer speaks. */
export type Label = Record<Language, string>;

/**
 * The language of a BCP 47 or Chrome locale tag: "zh", "zh-CN", "zh-Hans-TW", "zh_CN" → zh;
 * "en", "en-GB" → en; null for a language Pacer does not speak (or no tag).
 */
export function languageOf(tag: string | null | undefined): Language | null {
  const lower = tag?.trim().toLowerCase() ?? '';
  const primary = lower.slice(0, 2);
  const next = lower.charAt(2);
  return (primary === 'zh' || primary === 'en') && (next === '' || next === '-' || next === '_')
    ? primary
    : null;
}

/** The language for `tag`, English when Pacer does not speak it. */
export const languageOrEnglish = (tag: string | null | undefined): Language =>
  languageOf(tag) ?? 'en';

/** The Intl locale for a language tag in either convention ("zh_CN" → "zh-CN"; else "en"). */
export const intlLocale = (tag: string | null | undefined): IntlLocale =>
  LANGUAGES[languageOrEnglish(tag)].intl;

/** The extension's name for a language tag ("zh-CN" → "zh_CN"; else "en"). */
export const extensionLocale = (tag: string | null | undefined): ExtensionLocale =>
  LANGUAGES[languageOrEnglish(tag)].extension;

/** A bilingual label in the language of `tag` (English for other languages). */
export const inLanguage = (label: Label, tag: string | null | undefined): string =>
  label[languageOrEnglish(tag)];
