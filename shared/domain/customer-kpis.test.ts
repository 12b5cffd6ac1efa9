import { describe, expect, it } from 'vitest';
import { customerParts, findRatio, ratioValue } from './index.ts';

const previous = { start: '2026-01-01', end: '2026-03-31' };
const period = { start: '2026-04-01', end: '2026-06-30' };

describe('customerParts', () => {
  it('counts each customer once per period and divides once', () => {
    const parts = customerParts({
      purchases: [
        // b: in Q and twice in P (retained, returning); c: Q only; d: new in P, twice.
        { customerId: 'b', localDate: '2026-02-10' },
        { customerId: 'b', localDate: '2026-04-02' },
        { customerId: 'b', localDate: '2026-05-02' },
        { customerId: 'c', localDate: '2026-03-01' },
        { customerId: 'd', localDate: '2026-04-20' },
        { customerId: 'd', localDate: '2026-06-30' },
        // a: bought before Q and in P (returning, not a previous buyer).
        { customerId: 'a', localDate: '2026-06-01' },
      ],
      newInPeriod: 1,
      existingBefore: 3,
      period,
      previous,
    });
    expect(parts).toEqual({
      new_customers: 1,
      existing_customers: 3,
      returning_customers: 2,
      previous_buyers: 2,
      retained_customers: 1,
    });
    const rate = (id: string) => {
      const def = findRatio(id);
      if (!def || def.denominator === null) throw new Error(id);
      return ratioValue(def, {
        numerator: parts[def.numerator as keyof typeof parts],
        denominator: parts[def.denominator as keyof typeof parts],
      });
    };
    // Repeat: 2 of 3 existing customers bought again; retention: 1 of 2 previous buyers.
    expect(rate('repeat_rate')).toBeCloseTo(200 / 3, 9);
    expect(rate('retention_rate')).toBe(50);
  });

  it('has no rate without existing customers or previous buyers', () => {
    const parts = customerParts({
      purchases: [],
      newInPeriod: 0,
      existingBefore: 0,
      period,
      previous,
    });
    expect(parts.previous_buyers).toBe(0);
    const retention = findRatio('retention_rate');
    if (!retention) throw new Error('retention_rate');
    expect(ratioValue(retention, { numerator: 0, denominator: 0 })).toBeNull();
    // A count KPI is its numerator, 0 included.
    const newCustomers = findRatio('new_customers');
    if (!newCustomers) throw new Error('new_customers');
    expect(ratioValue(newCustomers, { numerator: 0, denominator: 0 })).toBe(0);
  });
});
