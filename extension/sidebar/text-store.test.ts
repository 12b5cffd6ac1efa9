import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/index.ts';
import type { Language } from '../i18n/translate.ts';
import { DEFAULT_PREFS } from '../platform/prefs.ts';
import { SIGNED_OUT_VIEW } from '../platform/view.ts';
import { createLocalLogging } from './local-logging.ts';
import { createSidebarStore } from './store.ts';

// A content script holds the UI text of the member's language only (background/text.ts); a
// switch to another language reads that language's text and the sidebar speaks it then.

describe('the UI text after a language switch', () => {
  it('reads the new language once and translates with it', async () => {
    const all = dictionaries();
    const asked: Language[] = [];
    const store = createSidebarStore(
      SIGNED_OUT_VIEW,
      { ...DEFAULT_PREFS, language: 'en' },
      {
        send: async () => ({ ok: true }),
        savePrefs: () => {},
        browserLanguage: 'en-US',
        logging: { create: createLocalLogging },
        text: { en: all.en },
        loadText: async (language) => {
          asked.push(language);
          return all[language];
        },
      },
    );
    expect(store.t.value('undone')).toBe(all.en.undone);
    expect(asked).toEqual([]);

    store.setPrefs({ language: 'zh_CN' });
    // Until it is read, the text in hand stays rather than bare keys.
    expect(store.t.value('undone')).toBe(all.en.undone);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.t.value('undone')).toBe(all.zh_CN.undone);
    expect(all.zh_CN.undone).not.toBe(all.en.undone);

    store.setPrefs({ language: 'en' });
    store.setPrefs({ language: 'zh_CN' });
    expect(store.t.value('undone')).toBe(all.zh_CN.undone);
    expect(asked).toEqual(['zh_CN']);
  });
});
