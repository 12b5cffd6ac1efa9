/**
 * Language of the page: `?lang=` wins, then the choice remembered in localStorage, then the browser's
 * languages. Changing it re-renders everything that reads `t.value`.
 */
import { computed, signal } from '@preact/signals';
import { type IntlLocale, intlLocale, languageOf } from '../../../../shared/domain/language.ts';
import { en, type Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** The page's language, as the Intl locale its numbers and dates are formatted in. */
export type Locale = IntlLocale;
const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'pacer-lang';

/** The page's language for a tag, null for a language the page does not speak. */
const asLocale = (tag: string | null | undefined): Locale | null =>
  languageOf(tag) === null ? null : intlLocale(tag);

function initialLocale(): Locale {
  const fromQuery = asLocale(new URLSearchParams(location.search).get('lang'));
  if (fromQuery) return fromQuery;
  const remembered = asLocale(localStorage.getItem(STORAGE_KEY));
  if (remembered) return remembered;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const found = asLocale(tag);
    if (found) return found;
  }
  return 'en';
}

export const locale = signal<Locale>(initialLocale());
export const t = computed(() => dictionaries[locale.value]);

export function setLocale(next: Locale): void {
  locale.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}
