import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyRecentDate, calendar } from '../../test/support/arbitraries.ts';
import { TargetBreakdown, TargetInput } from '../api/index.ts';
import { addDays } from './dates.ts';
import {
  type ApplicableTarget,
  breakdownFromPercents,
  canBreakDown,
  categoryBreakdownFromPercents,
  customerSegment,
  firstDealRange,
  inDayRange,
  knownDealCustomer,
  rescaleBreakdown,
  segmentProgress,
  segmentTargets,
  splitByBreakdown,
  targetsByWinner,
} from './index.ts';

describe('breakdownFromPercents', () => {
  it('makes whole parts adding up to the value exactly', () => {
    // 40 % of 1,000.01 is 400.004: the left-over unit goes to the larger remainder.
    expect(breakdownFromPercents(100_001, { new: 40, existing: 60 })).toEqual({
      by: 'customer',
      parts: [
        { segment: 'new', value: 40_000 },
        { segment: 'existing', value: 60_001 },
      ],
    });
    // Thirds of 10 deals: 3.33 + 6.67 → 3 + 7.
    expect(breakdownFromPercents(10, { new: 1, existing: 2 }).parts.map((p) => p.value)).toEqual([
      3, 7,
    ]);
    expect(breakdownFromPercents(5, { new: 100 }).parts).toEqual([{ segment: 'new', value: 5 }]);
  });

  it('always adds up to the value, and the input schema accepts what it makes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e15 }),
        fc.integer({ min: 0, max: 100 }),
        (value, pct) => {
          const breakdown = breakdownFromPercents(value, { new: pct, existing: 100 - pct });
          expect(breakdown.parts.reduce((s, p) => s + p.value, 0)).toBe(value);
          expect(
            TargetInput.safeParse({
              scope: 'member',
              memberId: 'm1',
              metric: 'revenue',
              period: { kind: 'month', start: '2026-12-01' },
              value,
              breakdown,
            }).success,
          ).toBe(true);
        },
      ),
    );
  });
});

describe('TargetInput with a breakdown', () => {
  const input = (parts: { segment: string; value: number }[]) => ({
    scope: 'member',
    memberId: 'm1',
    metric: 'revenue',
    period: { kind: 'month', start: '2026-12-01' },
    value: 100,
    breakdown: { by: 'customer', parts },
  });
  it('refuses parts that do not add up, a segment twice, an unknown segment', () => {
    expect(
      TargetInput.safeParse(
        input([
          { segment: 'new', value: 40 },
          { segment: 'existing', value: 60 },
        ]),
      ).success,
    ).toBe(true);
    expect(
      TargetInput.safeParse(
        input([
          { segment: 'new', value: 40 },
          { segment: 'existing', value: 59 },
        ]),
      ).success,
    ).toBe(false);
    expect(
      TargetInput.safeParse(
        input([
          { segment: 'new', value: 50 },
          { segment: 'new', value: 50 },
        ]),
      ).success,
    ).toBe(false);
    expect(TargetInput.safeParse(input([{ segment: 'upsell', value: 100 }])).success).toBe(false);
  });
});

describe('customerSegment', () => {
  it('is new when the first won deal is in the period, existing when before', () => {
    expect(customerSegment('2026-12-01', '2026-12-01')).toBe('new');
    expect(customerSegment('2026-12-31', '2026-12-01')).toBe('new');
    expect(customerSegment('2026-11-30', '2026-12-01')).toBe('existing');
  });
  it('is the segment whose first-deal range holds the day; a day after the period is in none', () => {
    const P = { start: '2026-10-01', end: '2026-12-31' };
    const segmentsOf = (day: string) =>
      (['new', 'existing'] as const).filter((s) => inDayRange(day, firstDealRange(s, P)));
    expect(segmentsOf('2026-09-30')).toEqual(['existing']);
    expect(segmentsOf('2026-10-01')).toEqual(['new']);
    expect(segmentsOf('2026-12-31')).toEqual(['new']);
    expect(segmentsOf('2027-01-01')).toEqual([]);
    fc.assert(
      fc.property(anyRecentDate, anyRecentDate, fc.nat(400), (first, start, length) => {
        const period = { start, end: addDays(start, length) };
        const holding = (['new', 'existing'] as const).filter((s) =>
          inDayRange(first, firstDealRange(s, period)),
        );
        if (first > period.end) expect(holding).toEqual([]);
        else expect(holding).toEqual([customerSegment(first, period.start)]);
      }),
    );
  });
  it('applies to revenue and deals only', () => {
    expect(canBreakDown('revenue')).toBe(true);
    expect(canBreakDown('deals')).toBe(true);
    expect(canBreakDown('calls')).toBe(false);
  });
});

describe('splitByBreakdown and segmentTargets', () => {
  const forty = TargetBreakdown.parse({
    by: 'customer',
    parts: [
      { segment: 'new', value: 400 },
      { segment: 'existing', value: 600 },
    ],
  });

  it('re-splits any share of the target in its proportions, exactly', () => {
    expect(splitByBreakdown(333, forty)).toEqual(
      new Map([
        ['new', 133],
        ['existing', 200],
      ]),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e15 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        (total, n, e) => {
          const parts = splitByBreakdown(
            total,
            TargetBreakdown.parse({
              by: 'customer',
              parts: [
                { segment: 'new', value: n },
                { segment: 'existing', value: e },
              ],
            }),
          );
          expect((parts.get('new') ?? 0) + (parts.get('existing') ?? 0)).toBe(total);
          if (n + e > 0 && e === 0) expect(parts.get('existing')).toBe(0);
        },
      ),
    );
  });

  it('takes each contributing target by its own breakdown; no breakdown is unsplit', () => {
    expect(segmentTargets(100, [{ value: 100, breakdown: null }])).toBeNull();
    expect(
      segmentTargets(150, [
        { value: 100, breakdown: forty },
        { value: 50, breakdown: null },
      ]),
    ).toEqual({
      parts: new Map([
        ['new', 40],
        ['existing', 60],
      ]),
      unsplit: 50,
    });
  });

  it('gives a month of daily targets the parts of its one target (targetsByWinner)', () => {
    const cal = calendar();
    const month: ApplicableTarget = {
      period: { kind: 'month', start: '2026-12-01' },
      value: 1_000,
      source: 'member',
      breakdown: forty,
    };
    const week: ApplicableTarget = {
      period: { kind: 'week', start: '2026-12-07' },
      value: 500,
      source: 'member',
    };
    // The month alone: 23 workdays, the parts are the breakdown's.
    const alone = targetsByWinner({
      targets: [month],
      start: '2026-12-01',
      end: '2026-12-31',
      cal,
    });
    expect([...alone.values()]).toEqual([1_000]);
    expect(segmentTargets(1_000, [{ value: 1_000, breakdown: forty }])).toEqual({
      parts: new Map([
        ['new', 400],
        ['existing', 600],
      ]),
      unsplit: 0,
    });
    // A week target without a breakdown wins its five workdays: they are unsplit.
    const both = targetsByWinner({
      targets: [month, week],
      start: '2026-12-01',
      end: '2026-12-31',
      cal,
    });
    expect(both.get(week)).toBe(500);
    const fromMonth = both.get(month) ?? 0;
    const contributions = [...both].map(([t, value]) => ({ value, breakdown: t.breakdown }));
    const parts = segmentTargets(fromMonth + 500, contributions);
    expect(parts?.unsplit).toBe(500);
    expect((parts?.parts.get('new') ?? 0) + (parts?.parts.get('existing') ?? 0)).toBe(fromMonth);
  });
});

const byKey = (o: Record<string, number>) => new Map(Object.entries(o));

describe('segmentProgress', () => {
  it('puts what no known customer brought under unknown, with no target', () => {
    expect(
      segmentProgress(byKey({ new: 400, existing: 600 }), byKey({ new: 100, existing: 300 }), 450),
    ).toEqual([
      { segment: 'new', achieved: 100, target: 400, percent: 25 },
      { segment: 'existing', achieved: 300, target: 600, percent: 50 },
      { segment: 'unknown', achieved: 50, target: null, percent: null },
    ]);
  });

  it('by category: targeted categories, others won, and what was won with no category', () => {
    expect(
      segmentProgress(
        byKey({ 'category:software': 700, 'category:service': 300 }),
        byKey({ 'category:software': 350, 'category:hardware': 20 }),
        400,
      ),
    ).toEqual([
      { segment: 'category:software', achieved: 350, target: 700, percent: 50 },
      { segment: 'category:service', achieved: 0, target: 300, percent: 0 },
      { segment: 'category:hardware', achieved: 20, target: null, percent: null },
      { segment: 'uncategorised', achieved: 30, target: null, percent: null },
    ]);
  });
});

describe('category breakdowns', () => {
  it('makes category parts from percentages, exactly, and keeps proportions when rescaled', () => {
    const b = categoryBreakdownFromPercents(1_001, [
      { category: 'software', percent: 50 },
      { category: 'service', percent: 30 },
      { category: 'hardware', percent: 20 },
    ]);
    expect(b.parts.map((p) => p.value)).toEqual([501, 300, 200]);
    expect(TargetBreakdown.safeParse(b).success).toBe(true);
    const half = rescaleBreakdown(500, b);
    expect(half.parts.reduce((s, p) => s + p.value, 0)).toBe(500);
    expect(half.by).toBe('category');
    expect(
      TargetBreakdown.safeParse({
        by: 'category',
        parts: [
          { category: 'software', value: 1 },
          { category: 'software', value: 2 },
        ],
      }).success,
    ).toBe(false);
  });
});

describe('knownDealCustomer', () => {
  const onScreen = {
    keys: ['domain:acme.cn', 'crm:hubspot:42'],
    exists: true,
    firstDeal: '2026-03-02',
  };
  it('is the customer on screen when the deal names one of its identities', () => {
    expect(knownDealCustomer('crm:hubspot:42', onScreen)).toEqual({ firstDeal: '2026-03-02' });
    // One the rep does not have yet has no earlier deal, whatever the lookup said.
    expect(knownDealCustomer('domain:acme.cn', { ...onScreen, exists: false })).toEqual({
      firstDeal: null,
    });
  });
  it('is unknown for a deal naming no customer, another one, or with nothing looked up', () => {
    expect(knownDealCustomer(null, onScreen)).toBeUndefined();
    expect(knownDealCustomer('domain:other.cn', onScreen)).toBeUndefined();
    expect(knownDealCustomer('domain:acme.cn', null)).toBeUndefined();
  });
});
