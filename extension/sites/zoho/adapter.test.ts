import { describe, expect, it } from 'vitest';
import { expectReads, fixture, read } from '../page.test-helper.ts';
import { zoho } from './adapter.ts';

describe('Zoho CRM adapter', () => {
  it.each([
    {
      fixture: 'record-spa.html',
      url: 'https://crm.zoho.com/crm/org60012345/tab/Contacts/5487000000312001',
      subject: 'Contact: Chen Jing',
      contact: { name: 'Chen Jing', email: 'chen.jing@example.cn' },
      anchorText: 'Chen Jing',
    },
    {
      fixture: 'classic-account.html',
      url: 'https://crm.zoho.com.cn/crm/EntityInfo.do?module=Accounts&id=3300000000099001',
      subject: 'Account: 深圳华星贸易有限公司',
      contact: { name: '深圳华星贸易有限公司', email: 'info@huaxing.example.cn' },
      anchorText: '深圳华星贸易有限公司',
    },
  ])('reads $fixture', (c) => expectReads(zoho, c));

  it('finds nothing on list views and other pages of its own site', () => {
    expect(
      read(
        zoho,
        fixture('zoho', 'record-spa.html'),
        'https://crm.zoho.com/crm/org60012345/tab/Contacts/custom-view/1/list',
      ),
    ).toBeNull();
    expect(
      read(
        zoho,
        fixture('zoho', 'record-spa.html'),
        'https://crm.zoho.com/crm/org60012345/tab/Tasks/5487000000312001',
      ),
    ).toBeNull();
  });

  it('a mailto link with a query string and escapes gives just the address', () => {
    const html = `<div data-zcqa="detailView"><span data-zcqa="dv_recordName">Q</span>
      <a href="mailto:q%2Bsales@example.com?subject=Hello">q</a></div>`;
    const record = read(zoho, html, 'https://crm.zoho.com/crm/tab/Leads/77');
    expect(record?.contact).toEqual({ name: 'Q', email: 'q+sales@example.com' });
  });
});
