import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FunnelNeeds } from '../api/index.ts';
import { defaultOrgSettings, FUNNEL_MIN_HISTORY, funnelNeeds } from './index.ts';

// meeting → deal 50 %, visit → meeting 80 %, lead → visit 50 %: lead → deal 20 %.
const funnel = {
  avgDealSize: 1_000_000,
  meetingToDeal: 0.5,
  visitToMeeting: 0.8,
  leadToVisit: 0.5,
};

describe('funnelNeeds', () => {
  it('works the example: 10 deals at a 20 % lead-to-deal rate need 50 leads', () => {
    const plan = funnelNeeds({ revenueLeft: 10_000_000, remainingWorkdays: 5, funnel });
    expect(plan).toMatchObject({
      revenueLeft: 10_000_000,
      deals: 10,
      meetings: 20,
      visits: 25,
      leads: 50,
      perWorkday: { deals: 2, meetings: 4, visits: 5, leads: 10 },
    });
    expect(FunnelNeeds.parse(plan)).toMatchObject({ leads: 50 });
  });

  it('rounds up at each stage', () => {
    // 2,500,001 → 3 deals → 6 meetings → 8 visits (7.5) → 16 leads
    const plan = funnelNeeds({ revenueLeft: 2_000_001, remainingWorkdays: 3, funnel });
    expect([plan.deals, plan.meetings, plan.visits, plan.leads]).toEqual([3, 6, 8, 16]);
    expect(plan.perWorkday.leads).toBeCloseTo(16 / 3);
  });

  it('needs nothing when the target is reached', () => {
    const plan = funnelNeeds({ revenueLeft: -5, remainingWorkdays: 3, funnel });
    expect(plan).toMatchObject({ revenueLeft: 0, deals: 0, meetings: 0, visits: 0, leads: 0 });
  });

  it('asks for everything at once when no workday is left', () => {
    const plan = funnelNeeds({ revenueLeft: 1_000_000, remainingWorkdays: 0, funnel });
    expect(plan.perWorkday).toEqual({ deals: 1, meetings: 2, visits: 3, leads: 6 });
  });

  it('uses the member history once it has enough data, stage by stage', () => {
    const history = { revenue: 6_000_000, deals: 6, meetings: 24, visits: 12, leads: 100 };
    const plan = funnelNeeds({ revenueLeft: 4_000_000, remainingWorkdays: 4, funnel, history });
    // Own deal size 1,000,000 (6 deals ≥ 5) and meeting → deal 25 % (24 meetings ≥ 20);
    // visits (12 < 20) too few to learn visit → meeting; lead → visit 12 % from 100 leads.
    expect(plan.rates.fromHistory).toEqual({
      avgDealSize: true,
      meetingToDeal: true,
      visitToMeeting: false,
      leadToVisit: true,
    });
    expect(plan.rates).toMatchObject({
      avgDealSize: 1_000_000,
      meetingToDeal: 0.25,
      visitToMeeting: 0.8,
      leadToVisit: 0.12,
    });
    expect([plan.deals, plan.meetings, plan.visits, plan.leads]).toEqual([4, 16, 20, 167]);
  });

  it('keeps team defaults for a thin history', () => {
    const history = {
      revenue: 100,
      deals: FUNNEL_MIN_HISTORY.deals - 1,
      meetings: 19,
      visits: 19,
      leads: 200,
    };
    const plan = funnelNeeds({ revenueLeft: 10_000_000, remainingWorkdays: 5, funnel, history });
    expect(plan.rates).toMatchObject({
      avgDealSize: 1_000_000,
      meetingToDeal: 0.5,
      visitToMeeting: 0.8,
    });
    // 200 leads gave 19 visits: enough to learn lead → visit (≥ 20 leads, ≥ 3 visits).
    expect(plan.rates.leadToVisit).toBeCloseTo(0.095);
    expect(plan.rates.fromHistory.leadToVisit).toBe(true);
    expect(plan.rates.fromHistory.avgDealSize).toBe(false);
  });

  it('each stage needs enough inputs to yield the next at its rate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.record({
          avgDealSize: fc.integer({ min: 1, max: 100_000_000 }),
          meetingToDeal: fc.double({ min: 0.01, max: 1, noNaN: true }),
          visitToMeeting: fc.double({ min: 0.01, max: 1, noNaN: true }),
          leadToVisit: fc.double({ min: 0.01, max: 1, noNaN: true }),
        }),
        (revenueLeft, remainingWorkdays, rates) => {
          const plan = funnelNeeds({ revenueLeft, remainingWorkdays, funnel: rates });
          expect(plan.deals * rates.avgDealSize).toBeGreaterThanOrEqual(revenueLeft);
          // Within floating-point noise (relative 1e-12) of the exact products.
          const atLeast = (inputs: number, rate: number, outputs: number) =>
            expect(inputs * rate).toBeGreaterThanOrEqual(outputs * (1 - 1e-12) - 1e-9);
          atLeast(plan.meetings, rates.meetingToDeal, plan.deals);
          atLeast(plan.visits, rates.visitToMeeting, plan.meetings);
          atLeast(plan.leads, rates.leadToVisit, plan.visits);
          expect(plan.leads).toBeGreaterThanOrEqual(plan.visits);
          for (const n of [plan.deals, plan.meetings, plan.visits, plan.leads])
            expect(Number.isInteger(n)).toBe(true);
        },
      ),
    );
  });

  it('has sensible B2B defaults: lead → deal 5 %', () => {
    const { funnel: defaults } = defaultOrgSettings({ timezone: 'UTC', currency: 'USD' });
    const plan = funnelNeeds({
      revenueLeft: defaults.avgDealSize,
      remainingWorkdays: 1,
      funnel: defaults,
    });
    expect([plan.deals, plan.meetings, plan.visits, plan.leads]).toEqual([1, 4, 8, 20]);
  });
});
