/**
 * Every built-in adapter against its fixtures (the same files the browser tests serve), parsed
 * with linkedom: what it reads from each modelled layout, and that it finds nothing (rather than
 * throwing or guessing) on pages it does not recognise.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SITES } from '../../../extension/sites/catalog.ts';
import { generic } from '../../../extension/sites/generic.ts';
import { hubspot } from '../../../extension/sites/hubspot.ts';
import { outlook } from '../../../extension/sites/outlook.ts';
import { pipedrive } from '../../../extension/sites/pipedrive.ts';
import { salesforce } from '../../../extension/sites/salesforce.ts';
import type { PageRecord, SiteAdapter } from '../../../extension/sites/types.ts';
import { zoho } from '../../../extension/sites/zoho.ts';

function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

function read(adapter: SiteAdapter, html: string, href: string): PageRecord | null {
  const { document } = parseHTML(html);
  return adapter.readRecord(document as unknown as Document, new URL(href) as unknown as Location);
}

interface Case {
  adapter: SiteAdapter;
  fixture: string;
  url: string;
  subject: string;
  contact: PageRecord['contact'];
  anchorText: string;
}

const CASES: Case[] = [
  {
    adapter: outlook,
    fixture: 'outlook/conversation-spa.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjAAA',
    subject: 'Pricing for 40 seats',
    contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
    anchorText: 'Pricing for 40 seats',
  },
  {
    adapter: outlook,
    fixture: 'outlook/older-layout.html',
    url: 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATYwMAItMTI',
    subject: 'Re: 续约报价 (renewal quote)',
    // The last message is collapsed: the latest expanded sender counts.
    contact: { name: '王芳', email: 'wang.fang@example.cn' },
    anchorText: 'Re: 续约报价 (renewal quote)',
  },
  {
    adapter: salesforce,
    fixture: 'salesforce/lightning-spa.html',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view',
    subject: 'Contact: Grace Hopper',
    contact: { name: 'Grace Hopper', email: 'grace@navy.example' },
    anchorText: 'Grace Hopper',
  },
  {
    adapter: salesforce,
    fixture: 'salesforce/classic-lead.html',
    url: 'https://acme.my.salesforce.com/00QHs00000LeAd1',
    subject: 'Lead: 李雷',
    contact: { name: '李雷', email: 'li.lei@huaxing.example.cn' },
    anchorText: '李雷',
  },
  {
    adapter: hubspot,
    fixture: 'hubspot/record-spa.html',
    url: 'https://app.hubspot.com/contacts/4410021/record/0-1/75101',
    subject: 'Contact: Margaret Hamilton',
    contact: { name: 'Margaret Hamilton', email: 'margaret@apollo.example' },
    anchorText: 'Margaret Hamilton',
  },
  {
    adapter: hubspot,
    fixture: 'hubspot/legacy-deal.html',
    url: 'https://app.hubspot.com/contacts/4410021/deal/5550001',
    subject: 'Deal: Apollo renewal 2027',
    contact: { name: 'Apollo renewal 2027' },
    anchorText: 'Apollo renewal 2027',
  },
  {
    adapter: pipedrive,
    fixture: 'pipedrive/person-spa.html',
    url: 'https://acme.pipedrive.com/person/1842',
    subject: 'Person: Katherine Johnson',
    contact: { name: 'Katherine Johnson', email: 'katherine@orbit.example' },
    anchorText: 'Katherine Johnson',
  },
  {
    adapter: pipedrive,
    fixture: 'pipedrive/classic-organization.html',
    url: 'https://globex.pipedrive.com/organization/55',
    subject: 'Organization: Globex 深圳分公司',
    contact: { name: 'Globex 深圳分公司' },
    anchorText: 'Globex 深圳分公司',
  },
  {
    adapter: zoho,
    fixture: 'zoho/record-spa.html',
    url: 'https://crm.zoho.com/crm/org60012345/tab/Contacts/5487000000312001',
    subject: 'Contact: Chen Jing',
    contact: { name: 'Chen Jing', email: 'chen.jing@example.cn' },
    anchorText: 'Chen Jing',
  },
  {
    adapter: zoho,
    fixture: 'zoho/classic-account.html',
    url: 'https://crm.zoho.com.cn/crm/EntityInfo.do?module=Accounts&id=3300000000099001',
    subject: 'Account: 深圳华星贸易有限公司',
    contact: { name: '深圳华星贸易有限公司', email: 'info@huaxing.example.cn' },
    anchorText: '深圳华星贸易有限公司',
  },
  {
    adapter: generic,
    fixture: 'generic/in-house-crm.html',
    url: 'http://localhost:4321/customers/88?tab=info',
    subject: '客户详情 · 深圳华星贸易 · 内部CRM',
    contact: {},
    anchorText: '深圳华星贸易',
  },
];

describe('site adapters read their modelled pages', () => {
  it.each(CASES)('$adapter.id: $fixture', (c) => {
    const record = read(c.adapter, fixture(c.fixture), c.url);
    expect(record).toMatchObject({ subject: c.subject, url: c.url });
    expect(record?.contact).toEqual(c.contact);
    expect(record?.anchor.textContent?.trim()).toBe(c.anchorText);
  });

  it('gives two records of the same site different keys, and the same page the same key', () => {
    const contact = fixture('salesforce/lightning-spa.html');
    const contactUrl =
      'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view';
    const classic = read(
      salesforce,
      fixture('salesforce/classic-lead.html'),
      'https://acme.my.salesforce.com/00QHs00000LeAd1',
    );
    const first = read(salesforce, contact, contactUrl);
    expect(read(salesforce, contact, contactUrl)?.key).toBe(first?.key);
    expect(first?.key).toContain('003Hs00004AbCdEIAV');
    expect(classic?.key).toContain('00QHs00000LeAd1');
    expect(classic?.key).not.toBe(first?.key);
  });
});

describe('Salesforce reads only the record in front', () => {
  it('ignores cached pages that are not .active and related-list addresses', () => {
    const html = `
      <div class="oneContent windowViewMode-normal"><records-highlights2><div class="slds-page-header">
        <h1><span slot="primaryField">Cached Person</span></h1></div></records-highlights2>
        <a href="mailto:cached@example.com">x</a></div>
      <div class="oneContent active windowViewMode-normal"><records-highlights2><div class="slds-page-header">
        <h1><span slot="primaryField">Front Deal</span></h1></div></records-highlights2>
        <ul class="related"><li><a href="mailto:someone@example.com">Someone</a></li></ul></div>`;
    const record = read(
      salesforce,
      html,
      'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001XyZabIAB/view',
    );
    expect(record?.subject).toBe('Opportunity: Front Deal');
    expect(record?.contact).toEqual({ name: 'Front Deal' });
  });

  it('logs only Contact, Lead, Account and Opportunity records', () => {
    const html = fixture('salesforce/lightning-spa.html');
    const caseUrl = 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001CaseAAA/view';
    expect(read(salesforce, html, caseUrl)).toBeNull();
    expect(
      read(
        salesforce,
        fixture('salesforce/classic-lead.html'),
        'https://acme.my.salesforce.com/500Hs00001CaseA',
      ),
    ).toBeNull();
  });
});

describe('every adapter degrades to "no record" on pages it does not recognise', () => {
  const recordUrls: Record<string, string> = {
    gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA',
    outlook: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjAAA',
    salesforce: 'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view',
    hubspot: 'https://app.hubspot.com/contacts/4410021/record/0-1/75101',
    pipedrive: 'https://acme.pipedrive.com/person/1842',
    zoho: 'https://crm.zoho.com/crm/org60012345/tab/Contacts/5487000000312001',
  };

  it.each(BUILTIN_SITES.map((site) => [site.id, site] as const))('%s', (id, site) => {
    const url = recordUrls[id] ?? '';
    expect(read(site, fixture('generic/unknown-layout.html'), url)).toBeNull();
    expect(read(site, '<html><body></body></html>', url)).toBeNull();
  });

  it('CRM adapters find nothing on list views and other pages of their own site', () => {
    expect(
      read(
        hubspot,
        fixture('hubspot/record-spa.html'),
        'https://app.hubspot.com/contacts/4410021/objects/0-1/views/all/list',
      ),
    ).toBeNull();
    expect(
      read(
        pipedrive,
        fixture('pipedrive/person-spa.html'),
        'https://acme.pipedrive.com/pipeline/1',
      ),
    ).toBeNull();
    expect(
      read(
        zoho,
        fixture('zoho/record-spa.html'),
        'https://crm.zoho.com/crm/org60012345/tab/Contacts/custom-view/1/list',
      ),
    ).toBeNull();
    expect(
      read(
        zoho,
        fixture('zoho/record-spa.html'),
        'https://crm.zoho.com/crm/org60012345/tab/Tasks/5487000000312001',
      ),
    ).toBeNull();
    expect(
      read(
        outlook,
        '<div role="listbox"><div role="option">x</div></div>',
        'https://outlook.office.com/mail/inbox',
      ),
    ).toBeNull();
  });

  it('the generic adapter shows no buttons on a page without a main heading', () => {
    expect(
      read(generic, fixture('generic/unknown-layout.html'), 'http://localhost:4321/x'),
    ).toBeNull();
  });
});

describe('page text stays text', () => {
  it('markup in a record name is read as text; an address that is not one is dropped', () => {
    const html = `<main><header><h1 data-testid="header-title">&lt;img src=x onerror=alert(1)&gt; Ltd</h1></header>
      <div data-testid="details-sidebar"><a href="mailto:not%20an%20address">x</a></div></main>`;
    const record = read(pipedrive, html, 'https://acme.pipedrive.com/person/9');
    expect(record?.subject).toBe('Person: <img src=x onerror=alert(1)> Ltd');
    expect(record?.contact).toEqual({ name: '<img src=x onerror=alert(1)> Ltd' });
  });

  it('a mailto link with a query string and escapes gives just the address', () => {
    const html = `<div data-zcqa="detailView"><span data-zcqa="dv_recordName">Q</span>
      <a href="mailto:q%2Bsales@example.com?subject=Hello">q</a></div>`;
    const record = read(zoho, html, 'https://crm.zoho.com/crm/tab/Leads/77');
    expect(record?.contact).toEqual({ name: 'Q', email: 'q+sales@example.com' });
  });
});
