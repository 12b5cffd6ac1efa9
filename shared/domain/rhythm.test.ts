import { describe, expect, it } from 'vitest';
import { calendar, SHANGHAI_ALTERNATING } from '../../test/support/arbitraries.ts';
import {
  isLastWorkdayOfWeek,
  morningPlan,
  nextWorkdayAt,
  type PlanInput,
  rhythmAt,
} from './index.ts';

const at = (iso: string) => Date.parse(iso);
// Mon–Fri; New Year's Day 2027 (a Friday) off; Saturday 2026-12-26 a make-up workday (调休).
const cal = calendar({
  timezone: 'Asia/Shanghai',
  holidays: ['2027-01-01'],
  extraWorkdays: ['2026-12-26'],
});
const SH = 'Asia/Shanghai';

describe('rhythmAt', () => {
  it('offers the plan on a workday morning and the day review from 17:00', () => {
    // Wednesday 2026-12-02, 09:00 and 17:30 in Shanghai.
    expect(rhythmAt(at('2026-12-02T01:00:00Z'), SH, cal)).toEqual({
      date: '2026-12-02',
      workday: true,
      plan: true,
      reviews: [],
    });
    expect(rhythmAt(at('2026-12-02T09:30:00Z'), SH, cal)).toEqual({
      date: '2026-12-02',
      workday: true,
      plan: false,
      reviews: [{ period: 'day', start: '2026-12-02' }],
    });
    // 16:59 is still the plan's; 17:00 exactly is the review's.
    expect(rhythmAt(at('2026-12-02T08:59:00Z'), SH, cal).plan).toBe(true);
    expect(rhythmAt(at('2026-12-02T09:00:00Z'), SH, cal).plan).toBe(false);
  });

  it('adds the week review on the last workday of the week', () => {
    // Friday 2026-12-04, 17:00 in Shanghai: the week began on Monday 2026-11-30.
    expect(rhythmAt(at('2026-12-04T09:00:00Z'), SH, cal).reviews).toEqual([
      { period: 'day', start: '2026-12-04' },
      { period: 'week', start: '2026-11-30' },
    ]);
  });

  it('offers nothing on a weekend or a holiday', () => {
    for (const iso of ['2026-12-05T02:00:00Z', '2026-12-06T10:00:00Z', '2027-01-01T02:00:00Z']) {
      const moment = rhythmAt(at(iso), SH, cal);
      expect(moment.workday, iso).toBe(false);
      expect(moment.plan, iso).toBe(false);
      expect(moment.reviews, iso).toEqual([]);
    }
  });

  it('follows holidays and make-up days for the week’s last workday', () => {
    // New Year's Day off: Thursday 2026-12-31 closes that week.
    expect(isLastWorkdayOfWeek('2026-12-31', cal)).toBe(true);
    // The make-up Saturday closes its week, not the Friday before it.
    expect(isLastWorkdayOfWeek('2026-12-25', cal)).toBe(false);
    expect(isLastWorkdayOfWeek('2026-12-26', cal)).toBe(true);
    expect(rhythmAt(at('2026-12-26T01:00:00Z'), SH, cal).plan).toBe(true);
    // 大小周: the six-day week ends on Saturday, the five-day week on Friday.
    expect(isLastWorkdayOfWeek('2026-01-10', SHANGHAI_ALTERNATING)).toBe(true);
    expect(isLastWorkdayOfWeek('2026-01-09', SHANGHAI_ALTERNATING)).toBe(false);
    expect(isLastWorkdayOfWeek('2026-01-16', SHANGHAI_ALTERNATING)).toBe(true);
  });

  it('reads the day and hour in the given time zone, with a review time of the member’s own', () => {
    // 20:00 UTC on Wednesday is 04:00 on Thursday in Shanghai.
    const instant = at('2026-12-02T20:00:00Z');
    expect(rhythmAt(instant, SH, cal)).toMatchObject({ date: '2026-12-03', plan: true });
    expect(rhythmAt(instant, 'UTC', cal)).toMatchObject({ date: '2026-12-02', plan: false });
    expect(rhythmAt(at('2026-12-02T10:00:00Z'), SH, cal, '18:30').plan).toBe(true);
    expect(rhythmAt(at('2026-12-02T10:30:00Z'), SH, cal, '18:30').plan).toBe(false);
  });
});

describe('nextWorkdayAt', () => {
  it('is the time on the next workday, skipping weekends and holidays', () => {
    // Wednesday 08:00 Shanghai → 08:30 the same day.
    expect(nextWorkdayAt('08:30', SH, cal, at('2026-12-02T00:00:00Z'))).toBe(
      at('2026-12-02T00:30:00Z'),
    );
    // Friday 09:00 → Monday 08:30.
    expect(nextWorkdayAt('08:30', SH, cal, at('2026-12-04T01:00:00Z'))).toBe(
      at('2026-12-07T00:30:00Z'),
    );
    // Thursday 2026-12-31 evening → New Year's Day off, the weekend → Monday 2027-01-04.
    expect(nextWorkdayAt('08:30', SH, cal, at('2026-12-31T10:00:00Z'))).toBe(
      at('2027-01-04T00:30:00Z'),
    );
  });

  it('keeps the local time across a DST change', () => {
    const ny = calendar({ timezone: 'America/New_York' });
    // Friday 2026-03-06 08:30 EST is 13:30Z; Monday 2026-03-09 08:30 EDT is 12:30Z.
    expect(nextWorkdayAt('08:30', 'America/New_York', ny, at('2026-03-06T12:00:00Z'))).toBe(
      at('2026-03-06T13:30:00Z'),
    );
    expect(nextWorkdayAt('08:30', 'America/New_York', ny, at('2026-03-06T14:00:00Z'))).toBe(
      at('2026-03-09T12:30:00Z'),
    );
  });

  it('is null for a calendar without a workday in the month ahead', () => {
    const allOff = calendar({ workweeks: [[]] });
    expect(nextWorkdayAt('08:30', 'UTC', allOff, at('2026-12-02T00:00:00Z'))).toBeNull();
  });
});

describe('morningPlan', () => {
  const contest = (id: string, endsAt: string, extra: Partial<PlanInput['contests'][0]> = {}) => ({
    id,
    rank: 2,
    of: 8,
    ahead: { name: 'Wang Fang', by: 3 },
    endsAt,
    ...extra,
  });

  it('lists today’s quotas with what is left, the pace money and running contests', () => {
    const plan = morningPlan({
      quotas: [
        { metric: 'calls', done: 4, quota: 10 },
        { metric: 'visits', done: 6, quota: 5 },
        { metric: 'emails', done: 3, quota: 0 },
      ],
      primary: {
        metric: 'revenue',
        achieved: 4_000_00,
        target: 10_000_00,
        // 6,000.00 left over 11.5 workdays: 521.739… per day, rounded up to the minor unit.
        neededPerWorkday: 600_000 / 11.5,
        remainingWorkdays: 11.5,
      },
      contests: [
        contest('late', '2026-12-20T10:00:00Z'),
        contest('over', '2026-12-01T10:00:00Z', { provisional: true }),
        contest('soon', '2026-12-05T10:00:00Z'),
      ],
    });
    expect(plan.quotas).toEqual([
      { metric: 'calls', done: 4, quota: 10, left: 6 },
      { metric: 'visits', done: 6, quota: 5, left: 0 },
    ]);
    expect(plan.pace).toEqual({ metric: 'revenue', needed: 52174, lastDay: false, reached: false });
    expect(plan.contests.map((c) => c.id)).toEqual(['soon', 'late']);
    expect(plan.moreContests).toBe(0);
    expect(plan.due).toEqual([]);
    expect(plan.empty).toBe(false);
  });

  it('says the whole shortfall on the last day, and when the target is already reached', () => {
    const last = morningPlan({
      quotas: [],
      primary: {
        metric: 'revenue',
        achieved: 90,
        target: 100,
        neededPerWorkday: 10,
        remainingWorkdays: 0.4,
      },
      contests: [],
    });
    expect(last.pace).toEqual({ metric: 'revenue', needed: 10, lastDay: true, reached: false });
    const reached = morningPlan({
      quotas: [],
      primary: { metric: 'revenue', achieved: 120, target: 100, neededPerWorkday: 0 },
      contests: [],
    });
    expect(reached.pace).toEqual({ metric: 'revenue', needed: 0, lastDay: false, reached: true });
  });

  it('names the first customers due and counts the rest; empty when there is nothing to plan', () => {
    const due = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}` }));
    const contests = [1, 2, 3, 4].map((i) => contest(`k${i}`, `2026-12-0${i + 1}T10:00:00Z`));
    const plan = morningPlan({ quotas: [], primary: null, contests, due });
    expect(plan.due.map((d) => d.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(plan.moreDue).toBe(2);
    expect(plan.contests.map((c) => c.id)).toEqual(['k1', 'k2', 'k3']);
    expect(plan.moreContests).toBe(1);
    expect(plan.pace).toBeNull();
    expect(morningPlan({ quotas: [], primary: null, contests: [] }).empty).toBe(true);
    expect(
      morningPlan({
        quotas: [{ metric: 'calls', done: 0, quota: 0 }],
        primary: { metric: 'revenue', achieved: 0, target: 0, neededPerWorkday: 0 },
        contests: [contest('over', '2026-12-01T10:00:00Z', { provisional: true })],
      }).empty,
    ).toBe(true);
  });
});
