import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import type { WonDealLine } from '../platform/view.ts';
import { collectionText, dealLabel } from './deals.ts';

const deal: WonDealLine = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  value: 5_000_000,
  contactName: 'Acme',
  occurredAt: '2026-11-28T02:00:00Z',
};
const view = { currency: 'CNY', wonDeals: [deal] };

describe('deals and collections as the sidebar and popup name them', () => {
  it('a deal by its value and contact, else its day', () => {
    expect(dealLabel(deal, 'CNY', 'zh-CN')).toBe('¥50,000 Acme');
    expect(dealLabel({ ...deal, value: null }, 'CNY', 'zh-CN')).toBe('Acme');
    expect(dealLabel({ ...deal, value: null, contactName: null }, 'CNY', 'en-US')).toBe(
      '11/28/2026',
    );
  });

  it('a collection with the deal it pays, one it no longer knows, or none', () => {
    const en = translator('en');
    expect(collectionText(en, view, { quantity: 2_000_000, deal: deal.id }, 'zh-CN')).toBe(
      '¥20,000 collected · for deal ¥50,000 Acme',
    );
    expect(
      collectionText(en, view, { quantity: 2_000_000, deal: crypto.randomUUID() }, 'zh-CN'),
    ).toBe('¥20,000 collected · for an earlier deal');
    expect(collectionText(en, view, { quantity: 2_000_000 }, 'zh-CN')).toBe('¥20,000 collected');
    expect(
      collectionText(translator('zh_CN'), view, { quantity: 2_000_000, deal: deal.id }, 'zh-CN'),
    ).toBe('回款 ¥20,000 · 对应订单 ¥50,000 Acme');
  });
});
