import { describe, expect, it } from 'vitest';
import { dealValue, isPayable, outstanding } from './collections.ts';

describe('collections', () => {
  it('pays won deals and revenue logs only', () => {
    expect(isPayable('deals')).toBe(true);
    expect(isPayable('revenue')).toBe(true);
    expect(isPayable('calls')).toBe(false);
    expect(isPayable('collections')).toBe(false);
    expect(isPayable('constructor')).toBe(false);
  });

  it('a deal is worth its amount, a revenue log its quantity, a deal without value nothing', () => {
    expect(dealValue({ metric: 'deals', quantity: 1, amount: 5_000_000 })).toBe(5_000_000);
    expect(dealValue({ metric: 'revenue', quantity: 1_200_000 })).toBe(1_200_000);
    expect(dealValue({ metric: 'deals', quantity: 1 })).toBeNull();
    expect(dealValue({ metric: 'deals', quantity: 1, amount: null })).toBeNull();
    expect(dealValue({ metric: 'calls', quantity: 3, amount: 900 })).toBeNull();
  });

  it('outstanding is what was won and not collected yet, never negative', () => {
    expect(outstanding(5_000_000, 2_000_000)).toBe(3_000_000);
    expect(outstanding(1_000, 1_500)).toBe(0);
    expect(outstanding(0, 0)).toBe(0);
  });
});
