import { describe, expect, it } from 'vitest';
import {
  extensionLocale,
  inLanguage,
  intlLocale,
  LANGUAGES,
  languageOf,
  languageOrEnglish,
} from './index.ts';

describe('languageOf: any language tag to the language Pacer speaks', () => {
  it('reads BCP 47 tags and Chrome locale names alike', () => {
    for (const tag of ['zh', 'zh-CN', 'zh_CN', 'ZH-cn', 'zh-Hans-TW', ' zh-TW '])
      expect(languageOf(tag), tag).toBe('zh');
    for (const tag of ['en', 'en-US', 'en_GB', 'EN']) expect(languageOf(tag), tag).toBe('en');
  });

  it('is null for a language Pacer does not speak, or no tag; English stands in for it', () => {
    for (const tag of ['fr', 'de-DE', 'zhx', '', null, undefined])
      expect(languageOf(tag), String(tag)).toBeNull();
    expect(languageOrEnglish('ja-JP')).toBe('en');
  });
});

describe('the one language table', () => {
  it('maps each language to its Intl locale and the extension’s locale name', () => {
    expect(intlLocale('zh_CN')).toBe('zh-CN');
    expect(intlLocale('zh-Hans')).toBe('zh-CN');
    expect(intlLocale('en-GB')).toBe('en');
    expect(intlLocale('fr')).toBe('en');
    expect(extensionLocale('zh-CN')).toBe('zh_CN');
    expect(extensionLocale('en-US')).toBe('en');
    expect(extensionLocale(undefined)).toBe('en');
  });

  it('round-trips: each language’s own names map back to it', () => {
    for (const [language, names] of Object.entries(LANGUAGES)) {
      expect(languageOf(names.intl)).toBe(language);
      expect(languageOf(names.extension)).toBe(language);
      expect(() => new Intl.NumberFormat(names.intl)).not.toThrow();
    }
  });

  it('picks a bilingual label’s text for a tag', () => {
    const label = { en: 'Visits', zh: '拜访' };
    expect(inLanguage(label, 'zh_CN')).toBe('拜访');
    expect(inLanguage(label, 'zh-CN')).toBe('拜访');
    expect(inLanguage(label, 'en')).toBe('Visits');
    expect(inLanguage(label, 'ko')).toBe('Visits');
  });
});
