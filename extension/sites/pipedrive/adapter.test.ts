import { describe, expect, it } from 'vitest';
import { expectReads, fixture, read } from '../page.test-helper.ts';
import { pipedrive } from './adapter.ts';

describe('Pipedrive adapter', () => {
  it.each([
    {
      fixture: 'person-spa.html',
      url: 'https://acme.pipedrive.com/person/1842',
      subject: 'Person: Katherine Johnson',
      contact: { name: 'Katherine Johnson', email: 'katherine@orbit.example' },
      anchorText: 'Katherine Johnson',
    },
    {
      fixture: 'classic-organization.html',
      url: 'https://globex.pipedrive.com/organization/55',
      subject: 'Organization: Globex 深圳分公司',
      contact: { name: 'Globex 深圳分公司' },
      anchorText: 'Globex 深圳分公司',
    },
  ])('reads $fixture', (c) => expectReads(pipedrive, c));

  it('finds nothing on list views and other pages of its own site', () => {
    expect(
      read(
        pipedrive,
        fixture('pipedrive', 'person-spa.html'),
        'https://acme.pipedrive.com/pipeline/1',
      ),
    ).toBeNull();
  });

  it('markup in a record name is read as text; an address that is not one is dropped', () => {
    const html = `<main><header><h1 data-testid="header-title">&lt;img src=x onerror=alert(1)&gt; Ltd</h1></header>
      <div data-testid="details-sidebar"><a href="mailto:not%20an%20address">x</a></div></main>`;
    const record = read(pipedrive, html, 'https://acme.pipedrive.com/person/9');
    expect(record?.subject).toBe('Person: <img src=x onerror=alert(1)> Ltd');
    expect(record?.contact).toEqual({ name: '<img src=x onerror=alert(1)> Ltd' });
  });
});
