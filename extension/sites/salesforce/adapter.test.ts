import { describe, expect, it } from 'vitest';
import { expectReads, fixture, read } from '../page.test-helper.ts';
import { salesforce } from './adapter.ts';

describe('Salesforce adapter', () => {
  it.each([
    {
      fixture: 'lightning-spa.html',
      url: 'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view',
      subject: 'Contact: Grace Hopper',
      contact: { name: 'Grace Hopper', email: 'grace@navy.example' },
      anchorText: 'Grace Hopper',
    },
    {
      fixture: 'classic-lead.html',
      url: 'https://acme.my.salesforce.com/00QHs00000LeAd1',
      subject: 'Lead: 李雷',
      contact: { name: '李雷', email: 'li.lei@huaxing.example.cn' },
      anchorText: '李雷',
    },
  ])('reads $fixture', (c) => expectReads(salesforce, c));

  it('gives two records of the same site different keys, and the same page the same key', () => {
    const contact = fixture('salesforce', 'lightning-spa.html');
    const contactUrl =
      'https://acme.lightning.force.com/lightning/r/Contact/003Hs00004AbCdEIAV/view';
    const classic = read(
      salesforce,
      fixture('salesforce', 'classic-lead.html'),
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
    const html = fixture('salesforce', 'lightning-spa.html');
    const caseUrl = 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001CaseAAA/view';
    expect(read(salesforce, html, caseUrl)).toBeNull();
    expect(
      read(
        salesforce,
        fixture('salesforce', 'classic-lead.html'),
        'https://acme.my.salesforce.com/500Hs00001CaseA',
      ),
    ).toBeNull();
  });
});
