import { describe, expect, it } from 'vitest';
import {
  bestDay,
  bottleneckSentence,
  changePercent,
  findBottleneck,
  median,
  reviewFunnel,
  stageRates,
  sumDays,
  teamMedianRates,
} from './review.ts';

// A constructed month. The rep's 90 days before it: 200 leads, 100 visits, 50 meetings, 20
// deals, ¥200,000 (20,000,000 fen). Enough history for every rate to be their own
// (FUNNEL_MIN_HISTORY: ≥ 20 at the earlier stage, ≥ 3 converted, ≥ 5 deals):
//   lead → visit 100/200 = 0.5, visit → meeting 50/100 = 0.5, meeting → deal 20/50 = 0.4,
//   average deal 20,000,000 / 20 = 1,000,000 fen (¥10,000).
// The month's plan is ¥100,000 = 10,000,000 fen. At the usual rates one lead is worth
// 1,000,000 × 0.5 × 0.5 × 0.4 = 100,000 fen, so the plan needed 10,000,000 / 100,000 = 100 leads.
const history = { leads: 200, visits: 100, meetings: 50, deals: 20, revenue: 20_000_000 };
const teamDefaults = {
  avgDealSize: 500_000,
  meetingToDeal: 0.25,
  visitToMeeting: 0.3,
  leadToVisit: 0.3,
};
const plan = 10_000_000;

describe('the bottleneck of a constructed month', () => {
  it('finds visit → meeting when it explains most of the gap', () => {
    // The month: 80 leads, 40 visits, 10 meetings, 4 deals, ¥40,000.
    //   leads         80 vs 100      ln(0.8)       = −0.22314
    //   lead → visit  40/80 = 0.5    vs 0.5  ln(1) =  0
    //   visit → meet  10/40 = 0.25   vs 0.5  ln(0.5) = −0.69315
    //   meet → deal   4/10 = 0.4     vs 0.4  ln(1) =  0
    //   deal size     4,000,000/4 = 1,000,000 vs 1,000,000 → 0
    // Sum −0.91629 = ln(4,000,000 / 10,000,000) = ln(0.4): the terms account for the whole gap.
    // Visit → meeting explains 0.69315 / 0.91629 = 75.6 %, new leads 24.4 %.
    const counts = { leads: 80, visits: 40, meetings: 10, deals: 4, revenue: 4_000_000 };
    const review = reviewFunnel({
      counts,
      history,
      funnel: teamDefaults,
      plan,
      target: plan,
      currency: 'CNY',
    });
    expect(review.usual.fromHistory).toEqual({
      avgDealSize: true,
      meetingToDeal: true,
      visitToMeeting: true,
      leadToVisit: true,
    });
    expect(review.rates).toEqual({
      leadToVisit: 0.5,
      visitToMeeting: 0.25,
      meetingToDeal: 0.4,
      avgDealSize: 1_000_000,
    });
    expect(review.bottleneck?.stage).toBe('visitToMeeting');
    expect(review.bottleneck?.share).toBeCloseTo(Math.log(0.5) / Math.log(0.4), 10);
    expect(review.bottleneck?.share).toBeCloseTo(0.7565, 4);
    expect(review.bottleneck?.actual).toBe(0.25);
    expect(review.bottleneck?.expected).toBe(0.5);
    expect(review.sentence).toEqual({
      en: 'Bottleneck: visit → meeting — 25% against your usual 50%; it explains 76% of the gap.',
      zh: '瓶颈在拜访→会议：25%，你平时为 50%；它解释了 76% 的差距。',
    });
  });

  it('finds new leads when too few came in, and does not blame a stage for helping', () => {
    // 40 leads, 20 visits, 10 meetings, 5 deals, ¥60,000.
    //   leads        40 vs 100          ln(0.4)  = −0.91629
    //   lead → visit 20/40 = 0.5        ln(1)    =  0
    //   visit → meet 10/20 = 0.5        ln(1)    =  0
    //   meet → deal  5/10 = 0.5 vs 0.4  ln(1.25) = +0.22314 (better than usual: not blamed)
    //   deal size    6,000,000/5 = 1,200,000 vs 1,000,000  ln(1.2) = +0.18232
    // Sum −0.51083 = ln(0.6). Negative terms: leads alone, so its share is 100 %.
    const counts = { leads: 40, visits: 20, meetings: 10, deals: 5, revenue: 6_000_000 };
    const review = reviewFunnel({
      counts,
      history,
      funnel: teamDefaults,
      plan,
      target: plan,
      currency: 'CNY',
    });
    expect(review.bottleneck).toEqual({ stage: 'leads', share: 1, actual: 40, expected: 100 });
    expect(review.sentence.en).toBe(
      'Bottleneck: new leads — 40 against the 100 the plan needed at your usual rates; it explains 100% of the gap.',
    );
    expect(review.sentence.zh).toBe(
      '瓶颈在新线索：40 条，按你平时的转化率计划需要 100 条；它解释了 100% 的差距。',
    );
  });

  it('splits the gap between two stages below their usual figures', () => {
    // 150 leads, 60 visits, 15 meetings, 6 deals, ¥60,000.
    //   leads        150 vs 100        ln(1.5) = +0.40547
    //   lead → visit 60/150 = 0.4      ln(0.8) = −0.22314
    //   visit → meet 15/60 = 0.25      ln(0.5) = −0.69315
    //   meet → deal  6/15 = 0.4        0;  deal size 1,000,000  0
    // Sum −0.51083 = ln(0.6). Negative part −0.91629: visit → meeting 75.6 %, lead → visit 24.4 %.
    const counts = { leads: 150, visits: 60, meetings: 15, deals: 6, revenue: 6_000_000 };
    const found = reviewFunnel({
      counts,
      history,
      funnel: teamDefaults,
      plan,
      target: plan,
      currency: 'CNY',
    });
    expect(found.bottleneck?.stage).toBe('visitToMeeting');
    expect(found.bottleneck?.share).toBeCloseTo(
      Math.log(0.5) / (Math.log(0.8) + Math.log(0.5)),
      10,
    );
  });

  it('names the first stage at zero: the funnel stops there', () => {
    // 30 leads, no visits: lead → visit is 0 and nothing after it can be measured.
    const counts = { leads: 30, visits: 0, meetings: 0, deals: 0, revenue: 0 };
    const found = findBottleneck({ counts, plan, rates: { ...teamDefaults } });
    expect(found).toEqual({ stage: 'leadToVisit', share: 1, actual: 0, expected: 0.3 });
    const none = findBottleneck({
      counts: { leads: 0, visits: 0, meetings: 0, deals: 0, revenue: 0 },
      plan,
      rates: teamDefaults,
    });
    // Team defaults: one lead is worth 500,000 × 0.3 × 0.3 × 0.25 = 11,250 fen; 10,000,000 / 11,250 = 888.9 leads.
    expect(none?.stage).toBe('leads');
    expect(none?.expected).toBeCloseTo(888.89, 2);
  });

  it('finds no bottleneck once the plan is reached, and says so; nor without a plan', () => {
    const counts = { leads: 100, visits: 50, meetings: 25, deals: 10, revenue: 10_000_000 };
    expect(findBottleneck({ counts, plan, rates: teamDefaults })).toBeNull();
    expect(bottleneckSentence(null, { plan, target: plan, revenue: 10_000_000 }, 'CNY').en).toBe(
      'Revenue reached the plan: no stage held it back.',
    );
    expect(findBottleneck({ counts, plan: 0, rates: teamDefaults })).toBeNull();
    expect(bottleneckSentence(null, { plan: 0, target: 0, revenue: 0 }, 'CNY').zh).toBe(
      '本期没有业绩计划，没有差距需要分析。',
    );
  });

  it('a target whose days have not begun yet is not "no plan"', () => {
    // A rep who joined today, read before the workday starts: the month has a target, nothing is due yet.
    const early = bottleneckSentence(null, { plan: 0, target: 2_869_566, revenue: 28_500 }, 'CNY');
    expect(early.en).toBe(
      'The plan asks for no revenue by now yet, so there is no gap to explain.',
    );
    expect(early.zh).toBe('到目前为止计划尚未要求业绩，没有差距需要分析。');
  });

  it('writes a deal-size bottleneck in the currency', () => {
    // Same funnel as the history but deals of ¥5,000: ln(0.5) on deal size alone.
    const counts = { leads: 100, visits: 50, meetings: 25, deals: 10, revenue: 5_000_000 };
    const review = reviewFunnel({
      counts,
      history,
      funnel: teamDefaults,
      plan,
      target: plan,
      currency: 'CNY',
    });
    expect(review.bottleneck).toEqual({
      stage: 'dealSize',
      share: 1,
      actual: 500_000,
      expected: 1_000_000,
    });
    expect(review.sentence.en).toBe(
      'Bottleneck: average deal size — CN¥5,000 against your usual CN¥10,000; it explains 100% of the gap.',
    );
  });

  it('falls back to the team defaults when the history is too short', () => {
    // 10 leads of history (< 20): every rate is the team's. One lead = 11,250 fen (above).
    const short = { leads: 10, visits: 5, meetings: 3, deals: 1, revenue: 100 };
    const counts = { leads: 80, visits: 40, meetings: 10, deals: 4, revenue: 4_000_000 };
    const review = reviewFunnel({
      counts,
      history: short,
      funnel: teamDefaults,
      plan,
      target: plan,
      currency: 'CNY',
    });
    expect(review.usual.fromHistory.leadToVisit).toBe(false);
    // leads 80 / 888.9 → ln 0.09 = −2.408; lead → visit 0.5/0.3 +; visit → meeting 0.25/0.3 → −0.182;
    // meeting → deal 0.4/0.25 +; deal size 1,000,000 / 500,000 +. New leads is the bottleneck.
    expect(review.bottleneck?.stage).toBe('leads');
    expect(review.bottleneck?.share).toBeCloseTo(
      Math.log(80 / (10_000_000 / 11_250)) /
        (Math.log(80 / (10_000_000 / 11_250)) + Math.log(0.25 / 0.3)),
      10,
    );
  });
});

describe('conversion rates and the team median', () => {
  it('computes a span’s rates, null where the earlier stage is empty', () => {
    expect(stageRates({ leads: 0, visits: 3, meetings: 0, deals: 0, revenue: 0 })).toEqual({
      leadToVisit: null,
      visitToMeeting: 0,
      meetingToDeal: null,
      avgDealSize: null,
    });
  });

  it('takes the median of the reps who have a rate, from three reps on', () => {
    expect(median([0.2, 0.5, 0.3])).toBe(0.3);
    expect(median([0.2, 0.5, 0.3, 0.4])).toBeCloseTo(0.35, 10);
    expect(median([])).toBeNull();
    const reps = [
      { leadToVisit: 0.5, visitToMeeting: 0.25, meetingToDeal: null, avgDealSize: 100 },
      { leadToVisit: 0.2, visitToMeeting: 0.5, meetingToDeal: 0.5, avgDealSize: 300 },
      { leadToVisit: 0.4, visitToMeeting: null, meetingToDeal: 0.2, avgDealSize: 200 },
    ];
    // lead → visit: median of 0.2, 0.4, 0.5 = 0.4; visit → meeting and meeting → deal have two
    // reps each (fewer than three): no median, so no colleague's own rate shows.
    expect(teamMedianRates(reps)).toEqual({
      leadToVisit: 0.4,
      visitToMeeting: null,
      meetingToDeal: null,
      avgDealSize: 200,
    });
  });
});

describe('period figures', () => {
  it('finds the best day (the earliest on a tie) and sums a span', () => {
    const byDay = new Map([
      ['2026-11-03', 500],
      ['2026-11-02', 700],
      ['2026-11-05', 700],
      ['2026-11-06', 0],
    ]);
    expect(bestDay(byDay)).toEqual({ date: '2026-11-02', value: 700 });
    expect(bestDay(new Map([['2026-11-02', 0]]))).toBeNull();
    expect(sumDays(byDay, '2026-11-03', '2026-11-05')).toBe(1200);
  });

  it('gives the change against an earlier figure, null with nothing before', () => {
    expect(changePercent(120, 100)).toBeCloseTo(20, 10);
    expect(changePercent(80, 100)).toBeCloseTo(-20, 10);
    expect(changePercent(80, 0)).toBeNull();
  });
});
