/**
 * Language of the page: `?lang=` wins, then the choice remembered in localStorage, then the browser's
 * languages. Changing it re-renders everything that reads `t.value`.
 */
import { computed, signal } from '@preact/signals';
import { en, type Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Locale = 'en' | 'zh-CN';
const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'pacer-lang';

function asLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

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
