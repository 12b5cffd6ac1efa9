import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { plural } from './plural.ts';
import { zhCN } from './zh-CN.ts';

/** Keys whose Chinese text is rightly the same as the English (names and symbols, not words). */
const SAME_IN_BOTH = new Set(['appName', 'table.percent', 'none']);
/** Whole groups of such keys: chat products' own names and example webhook addresses. */
const SAME_IN_BOTH_UNDER = ['chat.platforms.', 'chat.urlExample.'];
const sameInBoth = (key: string) =>
  SAME_IN_BOTH.has(key) || SAME_IN_BOTH_UNDER.some((prefix) => key.startsWith(prefix));

/** Every leaf of a catalog as text: functions called with a sample, plural forms each. */
function leaves(node: unknown, path = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof node === 'string') out.set(path, [node]);
  else if (typeof node === 'function') out.set(path, [String(node('⟨x⟩', '⟨y⟩'))]);
  else if (node && typeof node === 'object') {
    const entries = Object.entries(node);
    const isPlural = entries.every(
      ([k, v]) => (k === 'one' || k === 'other') && typeof v === 'string',
    );
    if (isPlural && 'other' in node) out.set(path, Object.values(node) as string[]);
    else
      for (const [key, value] of entries) {
        for (const [p, v] of leaves(value, path ? `${path}.${key}` : key)) out.set(p, v);
      }
  }
  return out;
}

describe('page catalogs', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have the same keys in both languages', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leave no Chinese string in English', () => {
    const untranslated = [...english].filter(
      ([key, texts]) =>
        !sameInBoth(key) && (chinese.get(key) ?? []).some((zh) => texts.includes(zh)),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('plural', () => {
  it('follows Intl.PluralRules in each language', () => {
    expect(plural(1, en.targets.workdays, 'en')).toBe('1 workday');
    expect(plural(22, en.targets.workdays, 'en')).toBe('22 workdays');
    expect(plural(1_000, en.targets.workdays, 'en')).toBe('1,000 workdays');
    expect(plural(1, zhCN.targets.workdays, 'zh-CN')).toBe('1 个工作日');
  });
});
