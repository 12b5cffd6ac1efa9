/** The adapters' text and address cleaning against the API contract's own rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventContact, EventSource } from '../../shared/api/events.ts';
import { FIELD_LIMITS } from '../../shared/api/limits.ts';
import { cleanEmail, cleanText, evidenceUrl } from './dom.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const apiTakesEmail = (value: string) => EventContact.safeParse({ email: value }).success;

describe('cleanText', () => {
  it('cuts to the cap without splitting an emoji', () => {
    expect(cleanText(`a${'😀'.repeat(10)}`, 4)).toBe('a😀');
    expect(cleanText('😀'.repeat(10), 4)).toBe('😀😀');
    expect(cleanText('  a \n\t b  ', 10)).toBe('a b');
  });

  it('keeps well-formed text well-formed, within the cap, as a prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(60), (text, max) => {
        const cut = cleanText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(LONE_SURROGATE.test(cut)).toBe(false);
        expect(text.replace(/\s+/g, ' ').trim().startsWith(cut)).toBe(true);
      }),
    );
  });
});

describe('cleanEmail', () => {
  it('drops look-alike (Cyrillic) and other addresses the API would refuse', () => {
    expect(cleanEmail('\u0430da@ex\u0430mple.com')).toBeUndefined();
    expect(cleanEmail('ada@example')).toBeUndefined();
    expect(cleanEmail('<ada@example.com>')).toBeUndefined();
    expect(cleanEmail(' Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('accepts only what the API accepts', () => {
    const samples = fc.oneof(
      fc.emailAddress(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
        .map(([a, b]) => `${a}@${b}.com`),
    );
    fc.assert(
      fc.property(samples, (raw) => {
        const cleaned = cleanEmail(raw);
        if (cleaned !== undefined) expect(apiTakesEmail(cleaned)).toBe(true);
        const lower = raw.trim().toLowerCase();
        if (apiTakesEmail(lower) && !/\s/.test(lower)) expect(cleaned).toBe(lower);
      }),
    );
  });
});

describe('evidenceUrl', () => {
  const apiTakesUrl = (url: string | undefined) =>
    url === undefined || EventSource.safeParse({ app: 'generic', url }).success;

  it('keeps an address within the cap as it is', () => {
    const href = 'https://crm.example/deals/42?tab=notes#top';
    expect(evidenceUrl(href)).toBe(href);
  });

  it('drops the query and fragment of a longer one, never cutting inside the address', () => {
    const long = `https://crm.example/deals/42?state=${'x'.repeat(FIELD_LIMITS.sourceUrl)}#a`;
    expect(evidenceUrl(long)).toBe('https://crm.example/deals/42');
    expect(
      evidenceUrl(`https://crm.example/${'p'.repeat(FIELD_LIMITS.sourceUrl)}`),
    ).toBeUndefined();
  });

  it('gives only what the API takes, at and around the cap', () => {
    const base = 'https://crm.example/deals/42';
    for (const extra of [0, 1, 2, 100, FIELD_LIMITS.sourceUrl])
      for (const pad of [-1, 0, 1].map((d) => FIELD_LIMITS.sourceUrl - base.length - extra + d)) {
        const href = `${base}${'/x'.repeat(extra / 2)}?q=${'q'.repeat(Math.max(0, pad))}#f`;
        const kept = evidenceUrl(href);
        expect(apiTakesUrl(kept), href.length.toString()).toBe(true);
        expect(kept === undefined || href.startsWith(kept)).toBe(true);
      }
  });
});
