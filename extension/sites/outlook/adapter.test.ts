import { describe, expect, it } from 'vitest';
import { expectReads, read } from '../page.test-helper.ts';
import { outlook } from './adapter.ts';

describe('Outlook adapter', () => {
  it.each([
    {
      fixture: 'conversation-spa.html',
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGNjAAA',
      subject: 'Pricing for 40 seats',
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
      anchorText: 'Pricing for 40 seats',
    },
    {
      fixture: 'older-layout.html',
      url: 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATYwMAItMTI',
      subject: 'Re: 续约报价 (renewal quote)',
      // The last message is collapsed: the latest expanded sender counts.
      contact: { name: '王芳', email: 'wang.fang@example.cn' },
      anchorText: 'Re: 续约报价 (renewal quote)',
    },
  ])('reads $fixture', (c) => expectReads(outlook, c));

  it('finds nothing on list views and other pages of its own site', () => {
    expect(
      read(
        outlook,
        '<div role="listbox"><div role="option">x</div></div>',
        'https://outlook.office.com/mail/inbox',
      ),
    ).toBeNull();
  });
});
