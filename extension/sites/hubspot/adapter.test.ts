import { describe, expect, it } from 'vitest';
import { expectReads, fixture, read } from '../page.test-helper.ts';
import { hubspot } from './adapter.ts';

describe('HubSpot adapter', () => {
  it.each([
    {
      fixture: 'record-spa.html',
      url: 'https://app.hubspot.com/contacts/4410021/record/0-1/75101',
      subject: 'Contact: Margaret Hamilton',
      contact: { name: 'Margaret Hamilton', email: 'margaret@apollo.example' },
      anchorText: 'Margaret Hamilton',
    },
    {
      fixture: 'legacy-deal.html',
      url: 'https://app.hubspot.com/contacts/4410021/deal/5550001',
      subject: 'Deal: Apollo renewal 2027',
      contact: { name: 'Apollo renewal 2027' },
      anchorText: 'Apollo renewal 2027',
    },
  ])('reads $fixture', (c) => expectReads(hubspot, c));

  it('finds nothing on list views and other pages of its own site', () => {
    expect(
      read(
        hubspot,
        fixture('hubspot', 'record-spa.html'),
        'https://app.hubspot.com/contacts/4410021/objects/0-1/views/all/list',
      ),
    ).toBeNull();
  });
});
