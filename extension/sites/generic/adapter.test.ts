import { describe, expect, it } from 'vitest';
import { expectReads, fixture, read } from '../page.test-helper.ts';
import { generic } from './adapter.ts';

describe('Generic adapter', () => {
  it.each([
    {
      fixture: 'in-house-crm.html',
      url: 'http://localhost:4321/customers/88?tab=info',
      subject: '客户详情 · 深圳华星贸易 · 内部CRM',
      contact: {},
      anchorText: '深圳华星贸易',
    },
  ])('reads $fixture', (c) => expectReads(generic, c));

  it('the generic adapter shows no buttons on a page without a main heading', () => {
    expect(
      read(generic, fixture('generic', 'unknown-layout.html'), 'http://localhost:4321/x'),
    ).toBeNull();
  });
});
