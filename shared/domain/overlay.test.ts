import { describe, expect, it } from 'vitest';
import type { ProgressResponse, SegmentProgress } from '../api/index.ts';
import { overlay, streakStep, type UnsyncedLog } from './overlay.ts';
import { pointsByDay } from './points.ts';
import { attainmentPercent } from './progress.ts';

describe('streak shown before the server has seen the latest logs', () => {
  const streak = (current: number, atRisk: boolean) => ({
    current,
    longest: 9,
    atRisk,
    freezes: 0,
  });

  it('with no run to lose, a day short of the goal is not at risk', () => {
    expect(streakStep(streak(0, false), { qualified: false }, false)).toEqual(streak(0, false));
    expect(streakStep(streak(0, false), null, false)).toEqual(streak(0, false));
  });

  it('local logs that make today qualify add today to the run, at once', () => {
    expect(streakStep(streak(3, true), { qualified: false }, true)).toEqual(streak(4, false));
    expect(streakStep(streak(0, false), { qualified: false }, true)).toEqual(streak(1, false));
    // A run longer than the record raises it.
    expect(streakStep({ ...streak(9, true), longest: 9 }, null, true)).toMatchObject({
      current: 10,
      longest: 10,
    });
  });

  it('an undo that un-qualifies a day the server counted takes it off and puts the run at risk', () => {
    expect(streakStep(streak(4, false), { qualified: true }, false)).toEqual(streak(3, true));
    expect(streakStep(streak(1, false), { qualified: true }, false)).toEqual(streak(0, false));
  });

  it('keeps the server’s answer when local logs change nothing', () => {
    expect(streakStep(streak(4, false), { qualified: true }, true)).toEqual(streak(4, false));
    expect(streakStep(streak(3, true), { qualified: false }, false)).toEqual(streak(3, true));
    // A day off: the server says not at risk although today does not qualify.
    expect(streakStep(streak(3, false), { qualified: false }, false)).toEqual(streak(3, false));
  });

  it('on a new day (server answer from yesterday), an unqualified day puts a live run at risk', () => {
    expect(streakStep(streak(5, false), null, false)).toEqual(streak(5, true));
  });
});

describe('overlay: the server’s answer plus the logs it does not count yet', () => {
  const today = '2026-11-23';
  const settings = {
    customMetrics: [],
    points: {},
    manualLogPointsPercent: 50,
    dailyPointsGoal: 20,
  };
  /** A server answer for today with these totals, the manual part and points by the server's rule. */
  const answer = (all: Record<string, number>, manual: Record<string, number>) => ({
    period: { kind: 'day' as const, start: today, end: today },
    memberId: 'm1',
    primaryMetric: 'revenue',
    metrics: Object.entries(all).map(([metric, achieved]) => ({
      metric,
      achieved,
      target: 0,
      percent: null,
      expectedByNow: 0,
      gap: 0,
      forecast: 0,
      neededPerWorkday: 0,
    })),
    tier: { current: null, next: null, toNext: null },
    streak: { current: 2, longest: 5, atRisk: true, freezes: 0 },
    points: {
      today: pointsByDay({ [today]: all }, settings, { manualByDay: { [today]: manual } }).get(
        today,
      ) as number,
      period: 0,
      dailyGoal: 20,
      manualToday: manual,
    },
    milestones: [],
    funnel: null,
    version: 'v',
  });
  const log = (metric: string, evidence: boolean) => ({
    metric,
    quantity: 1,
    occurredAt: '2026-11-23T02:00:00Z',
    evidence,
    countsHere: true,
    countedByServer: false,
  });
  const figures = (day: ReturnType<typeof answer>, logs: ReturnType<typeof log>[]) =>
    overlay({
      day,
      period: null,
      settings,
      logs,
      timeZone: 'Asia/Shanghai',
      now: Date.parse('2026-11-23T03:00:00Z'),
    });

  // Without an answer for the period, local logs count from zero there: compare today's figures.
  const todays = (f: ReturnType<typeof figures>) => ({
    counters: f.counters.map((c) => [c.metric, c.today]),
    points: f.points.today,
    streak: f.streak,
  });

  it('adds a manual log to today’s points as the server will count it (rounding per day)', () => {
    // The server has one meeting without evidence: floor(3 × 50 %) = 1 point. A second makes
    // floor(6 × 50 %) = 3, so this log is worth 2, not floor(1.5) = 1.
    const before = answer({ meetings: 1 }, { meetings: 1 });
    const after = answer({ meetings: 2 }, { meetings: 2 });
    expect(figures(before, [log('meetings', false)]).points.today).toBe(after.points.today);
    expect(todays(figures(before, [log('meetings', false)]))).toEqual(todays(figures(after, [])));
  });

  it('gives logs with evidence full points and moves the counters', () => {
    const before = answer({ visits: 1, meetings: 1 }, { meetings: 1 });
    const after = answer({ visits: 2, meetings: 1 }, { meetings: 1 });
    expect(todays(figures(before, [log('visits', true)]))).toEqual(todays(figures(after, [])));
    expect(figures(after, []).counters.find((c) => c.metric === 'visits')?.today).toBe(2);
  });

  it('steps the streak when the logs make today qualify', () => {
    const before = answer({ deals: 1, visits: 1 }, {}); // 10 + 5 = 15 points, goal 20
    const shown = figures(before, [log('visits', true)]); // 20 points
    expect(shown.points.today).toBe(20);
    expect(shown.streak).toMatchObject({ current: 3, atRisk: false });
  });

  it('counts a won deal once for deals and once for revenue, and one undo takes both back', () => {
    const before = answer({ calls: 6, deals: 0, revenue: 0 }, {}); // 12 points
    const won = { ...log('deals', true), amount: 18_000_000 };
    const shown = figures(before, [won]);
    const synced = figures(answer({ calls: 6, deals: 1, revenue: 18_000_000 }, {}), []);
    expect(todays(shown).counters).toEqual(todays(synced).counters);
    expect(shown.points.today).toBe(synced.points.today);
    expect(shown.points.today).toBe(22);
    expect(shown.streak).toMatchObject({ current: 3, atRisk: false });
    const undone = figures(before, [{ ...won, countsHere: false }]);
    expect(todays(undone)).toEqual(todays(figures(before, [])));
  });

  it('keeps a quota beside its count: a logged visit moves "0 / 5" to "1 / 5" at once', () => {
    const day = answer({ visits: 0 }, {});
    const withQuota = {
      ...day,
      metrics: day.metrics.map((m) => (m.metric === 'visits' ? { ...m, target: 5 } : m)),
    };
    const visits = (f: ReturnType<typeof figures>) => f.counters.find((c) => c.metric === 'visits');
    expect(visits(figures(withQuota, []))).toMatchObject({ today: 0, todayTarget: 5 });
    expect(visits(figures(withQuota, [log('visits', true)]))).toMatchObject({
      today: 1,
      todayTarget: 5,
    });
  });

  it('gives the primary metric a pace status that moves with the logs', () => {
    const period = {
      ...answer({ revenue: 90 }, {}),
      period: { kind: 'month' as const, start: '2026-11-01', end: '2026-11-30' },
    };
    const running = {
      ...period,
      metrics: period.metrics.map((m) => ({ ...m, target: 1000, expectedByNow: 100 })),
    };
    const shown = (logs: ReturnType<typeof log>[]) =>
      overlay({
        day: null,
        period: running,
        settings: { ...settings, primaryMetric: 'revenue' },
        logs: logs.map((l) => ({ ...l, metric: 'revenue', quantity: 5 })),
        timeZone: 'Asia/Shanghai',
        now: Date.parse('2026-11-23T03:00:00Z'),
      }).primary?.pace;
    // 90 of 100 expected: 10 % behind, off track; +5 → 95: at risk; +10 → 100: on track.
    expect(shown([])).toBe('off-track');
    expect(shown([log('revenue', true)])).toBe('at-risk');
    expect(shown([log('revenue', true), log('revenue', true)])).toBe('on-track');
  });

  describe('segments of a broken-down target move with a local won deal', () => {
    // The period's revenue target of 1000 is split; the server's rows as it last counted them.
    const periodWith = (rows: SegmentProgress[]): ProgressResponse => {
      const base = answer({ revenue: 300, deals: 3 }, {});
      return {
        ...base,
        period: { kind: 'month' as const, start: '2026-11-01', end: '2026-11-30' },
        metrics: base.metrics.map((m) =>
          m.metric === 'revenue' ? { ...m, target: 1000, breakdown: rows } : m,
        ),
      };
    };
    const row = (segment: string, achieved: number, target: number | null) => ({
      segment,
      achieved,
      target,
      percent: target === null ? null : attainmentPercent(achieved, target),
    });
    const bySegment = periodWith([
      row('new', 100, 600),
      row('existing', 200, 400),
      row('unknown', 0, null),
    ]);
    const byCategory = periodWith([
      row('category:software', 300, 700),
      row('category:service', 0, 300),
      row('uncategorised', 0, null),
    ]);
    const won = (extra: Partial<UnsyncedLog>): UnsyncedLog => ({
      ...log('deals', true),
      amount: 50,
      ...extra,
    });
    const segments = (period: ProgressResponse, logs: UnsyncedLog[]) =>
      overlay({
        day: null,
        period,
        settings: {
          ...settings,
          primaryMetric: 'revenue',
          productCategories: [
            { id: 'software', name: 'Software' },
            { id: 'service', name: 'Service' },
            { id: 'hardware', name: 'Hardware' },
          ],
        },
        logs,
        timeZone: 'Asia/Shanghai',
        now: Date.parse('2026-11-23T03:00:00Z'),
      }).segments;

    it('keeps the server’s rows when nothing is unsynced', () => {
      expect(segments(bySegment, [])).toEqual(
        bySegment.metrics.find((m) => m.metric === 'revenue')?.breakdown,
      );
    });

    it('puts a deal with a category in its part, one without in “no category”', () => {
      expect(segments(byCategory, [won({ category: 'service' })])).toEqual([
        row('category:software', 300, 700),
        row('category:service', 50, 300),
        row('uncategorised', 0, null),
      ]);
      expect(segments(byCategory, [won({})])?.at(-1)).toEqual(row('uncategorised', 50, null));
      // A category with no part gets its own row (no target), named, before “no category”.
      expect(segments(byCategory, [won({ category: 'hardware' })])?.slice(2)).toEqual([
        { ...row('category:hardware', 50, null), label: 'Hardware' },
        row('uncategorised', 0, null),
      ]);
    });

    it('places a deal by its customer’s first won deal, as the server does', () => {
      const shown = (customer?: { firstDeal: string | null }) =>
        segments(bySegment, [won(customer ? { customer } : {})])?.map((r) => r.achieved);
      // No earlier deal (a new customer, or one never won before): its first is this one: new.
      expect(shown({ firstDeal: null })).toEqual([150, 200, 0]);
      // First won in this period: new; before it: existing.
      expect(shown({ firstDeal: '2026-11-02' })).toEqual([150, 200, 0]);
      expect(shown({ firstDeal: '2026-10-31' })).toEqual([100, 250, 0]);
      // A recorded first deal later than this one (a backdated log) makes this one the first.
      expect(shown({ firstDeal: '2026-12-05' })).toEqual([150, 200, 0]);
      // No known customer: where the server puts a deal with no customer.
      expect(shown()).toEqual([100, 200, 50]);
    });

    it('recomputes the part’s percentage, and an undo takes the deal back out', () => {
      const logged = won({ customer: { firstDeal: null } });
      expect(segments(bySegment, [logged])?.[0]).toEqual(row('new', 150, 600));
      expect(segments(bySegment, [{ ...logged, countsHere: false }])).toEqual(
        segments(bySegment, []),
      );
      // A deal the server counts, undone here: out of its part; rows without a target stay ≥ 0.
      const counted = {
        ...won({ category: 'software' }),
        countedByServer: true,
        countsHere: false,
      };
      expect(segments(byCategory, [counted])?.[0]).toEqual(row('category:software', 250, 700));
      expect(segments(byCategory, [{ ...counted, category: undefined }])?.at(-1)).toEqual(
        row('uncategorised', 0, null),
      );
    });

    it('counts the deal, not its amount, in a broken-down deal target', () => {
      const deals = { ...bySegment, primaryMetric: 'deals' };
      deals.metrics = deals.metrics.map((m) =>
        m.metric === 'deals'
          ? {
              ...m,
              target: 10,
              breakdown: [row('new', 1, 6), row('existing', 2, 4), row('unknown', 0, null)],
            }
          : m,
      );
      const shown = overlay({
        day: null,
        period: deals,
        settings: { ...settings, primaryMetric: 'deals' },
        logs: [won({ customer: { firstDeal: '2026-01-10' } })],
        timeZone: 'Asia/Shanghai',
        now: Date.parse('2026-11-23T03:00:00Z'),
      }).segments;
      expect(shown?.map((r) => r.achieved)).toEqual([1, 3, 0]);
    });

    it('is null without a breakdown in the server’s answer', () => {
      expect(segments(periodWith([]), [won({})])).toEqual([]);
      const plain = answer({ revenue: 1 }, {});
      expect(
        overlay({
          day: plain,
          period: null,
          settings,
          logs: [won({})],
          timeZone: 'Asia/Shanghai',
          now: Date.parse('2026-11-23T03:00:00Z'),
        }).segments,
      ).toBeNull();
    });
  });
});
