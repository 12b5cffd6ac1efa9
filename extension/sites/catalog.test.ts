/**
 * The catalog: every built-in adapter sits in its own folder under the name the generated content
 * script imports (wxt.config.ts), carries match patterns, and finds no record on a page it does
 * not recognise. Each adapter's own pages are tested beside it (sites/<site>/adapter.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SITES } from './catalog.ts';
import { fixture, read } from './page.test-helper.ts';

describe('the catalog', () => {
  it.each(BUILTIN_SITES.map((site) => [site.id, site] as const))(
    '%s lives in sites/%s/adapter.ts under its id, with match patterns',
    async (id, site) => {
      const module: Record<string, unknown> = await import(`./${id}/adapter.ts`);
      expect(module[id]).toBe(site);
      expect(site.matches.length).toBeGreaterThan(0);
    },
  );

  it('ids are unique', () => {
    const ids = BUILTIN_SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every adapter degrades to "no record" on pages it does not recognise', () => {
  // A record page's address on each site (a new site without one gets its first match pattern).
  const recordUrls: Record<string, string> = {
    gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA',
    outlook: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjAAA',
    salesforce: 'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view',
    hubspot: 'https://app.hubspot.com/contacts/4410021/record/0-1/75101',
    pipedrive: 'https://acme.pipedrive.com/person/1842',
    zoho: 'https://crm.zoho.com/crm/org60012345/tab/Contacts/5487000000312001',
  };

  it.each(BUILTIN_SITES.map((site) => [site.id, site] as const))('%s', (id, site) => {
    const url = recordUrls[id] ?? site.matches[0]?.replace('*.', 'acme.').replace(/\*$/, '') ?? '';
    expect(read(site, fixture('generic', 'unknown-layout.html'), url)).toBeNull();
    expect(read(site, '<html><body></body></html>', url)).toBeNull();
  });
});
