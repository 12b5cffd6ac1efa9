import { describe, expect, it } from 'vitest';
import { timeAgo, translator } from './index.ts';
import { en, type Message, zhCN } from './messages.ts';

/** Keys whose Chinese text is rightly the same as the English (a name, not a word). */
const SAME_IN_BOTH = new Set(['appName']);

/** A message with no words once its placeholders are gone ("{from} → {to} {rate}") reads the same in any language. */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (message: Message) =>
  new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

describe('extension messages', () => {
  const english: Record<string, Message> = en();
  const chinese: Record<string, Message> = zhCN();

  it('both languages have the same keys', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });

  it('no Chinese message is left in English', () => {
    const untranslated = Object.keys(english).filter(
      (key) =>
        !SAME_IN_BOTH.has(key) &&
        forms(chinese[key] as Message).some(
          (text) => hasWords(text) && forms(english[key] as Message).includes(text),
        ),
    );
    expect(untranslated).toEqual([]);
  });

  it('both languages fill the same placeholders', () => {
    for (const key of Object.keys(english)) {
      expect([...placeholders(chinese[key] as Message)].sort(), key).toEqual(
        [...placeholders(english[key] as Message)].sort(),
      );
    }
  });
});

describe('translator', () => {
  it('picks the plural form for the count', () => {
    const t = translator('en');
    expect(t('freezes', { count: 1 })).toBe('1 freeze');
    expect(t('freezes', { count: 2 })).toBe('2 freezes');
    expect(t('syncPending', { count: 1 })).toBe('1 log waiting to sync');
    expect(translator('zh_CN')('freezes', { count: 1 })).toBe('1 次免断卡');
  });

  it('says "just now" under a minute, then minutes and hours ago, in both languages', () => {
    const t = translator('en');
    expect(timeAgo(t, 'en', 1_000)).toBe('just now');
    expect(timeAgo(t, 'en', 59_000)).toBe('just now');
    expect(timeAgo(t, 'en', 60_000)).toBe('1 minute ago');
    expect(timeAgo(t, 'en', 5 * 60_000)).toBe('5 minutes ago');
    expect(timeAgo(t, 'en', 2 * 3600_000)).toBe('2 hours ago');
    const zh = translator('zh_CN');
    expect(timeAgo(zh, 'zh_CN', 1_000)).toBe('刚刚');
    expect(timeAgo(zh, 'zh_CN', 3 * 60_000)).toBe('3分钟前');
  });
});
