/** Which sites have a built-in adapter, and which origins "Enable Pacer on this site" offers. */
import { describe, expect, it } from 'vitest';
import { builtinSiteFor, enablableOrigin, matchesHostPattern } from './match-patterns.ts';

describe('matchesHostPattern', () => {
  it('matches a wildcard subdomain and the bare domain, not look-alikes', () => {
    const pattern = 'https://*.pipedrive.com/*';
    expect(matchesHostPattern(pattern, new URL('https://acme.pipedrive.com/person/1'))).toBe(true);
    expect(matchesHostPattern(pattern, new URL('https://pipedrive.com/'))).toBe(true);
    expect(matchesHostPattern(pattern, new URL('https://evilpipedrive.com/'))).toBe(false);
    expect(matchesHostPattern(pattern, new URL('https://pipedrive.com.evil.cn/'))).toBe(false);
    expect(matchesHostPattern(pattern, new URL('http://acme.pipedrive.com/'))).toBe(false);
  });

  it('an exact host matches only that host (with its port)', () => {
    expect(matchesHostPattern('https://crm.zoho.com/*', new URL('https://crm.zoho.com/crm/'))).toBe(
      true,
    );
    expect(matchesHostPattern('https://crm.zoho.com/*', new URL('https://crm.zoho.com.cn/'))).toBe(
      false,
    );
    expect(matchesHostPattern('http://localhost:5173/*', new URL('http://localhost:5173/a'))).toBe(
      true,
    );
    expect(matchesHostPattern('http://localhost:5173/*', new URL('http://localhost:5174/a'))).toBe(
      false,
    );
  });
});

describe('builtinSiteFor', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q/view', 'salesforce'],
    ['https://acme.my.salesforce.com/003', 'salesforce'],
    ['https://app.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://globex.pipedrive.com/deal/1', 'pipedrive'],
    ['https://crm.zoho.com.cn/crm/', 'zoho'],
    ['https://crm.example.cn/customers/1', null],
  ])('%s → %s', (href, site) => {
    expect(builtinSiteFor(new URL(href))).toBe(site);
  });
});

describe('enablableOrigin', () => {
  it('offers the page origin for ordinary web pages', () => {
    expect(enablableOrigin('https://crm.example.cn/customers/88?tab=1#x')).toBe(
      'https://crm.example.cn/*',
    );
    expect(enablableOrigin('http://localhost:4321/x')).toBe('http://localhost:4321/*');
  });

  it('offers nothing for built-in sites, browser pages, files and missing URLs', () => {
    expect(enablableOrigin('https://app.hubspot.com/contacts/1')).toBeNull();
    expect(enablableOrigin('chrome://extensions/')).toBeNull();
    expect(enablableOrigin('file:///home/rep/a.html')).toBeNull();
    expect(enablableOrigin('chrome-extension://abc/popup.html')).toBeNull();
    expect(enablableOrigin(undefined)).toBeNull();
    expect(enablableOrigin('not a url')).toBeNull();
  });
});
