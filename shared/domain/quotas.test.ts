import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyCalendar, anyRecentDate, calendar } from '../../test/support/arbitraries.ts';
import {
  addDays,
  dailyTargets,
  eachDay,
  isWorkday,
  periodContaining,
  type QuotaRule,
  quotaDays,
  quotaOn,
  withQuota,
} from './index.ts';

// China's National Day 2026: Oct 1–7 off (Thu–Wed), make-up workdays Sun Sep 27 and Sat Oct 10.
const cal = calendar({
  timezone: 'Asia/Shanghai',
  holidays: eachDay('2026-10-01', '2026-10-07'),
  extraWorkdays: ['2026-09-27', '2026-10-10'],
});
const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const rule = (r: Partial<QuotaRule> = {}): QuotaRule => ({
  per: 'workday',
  value: 5,
  from: '2026-01-01',
  source: 'team',
  ...r,
});

describe('quotaDays', () => {
  it('gives 5 per workday: October 2026 has 18 workdays, so 90', () => {
    const days = quotaDays([[rule()]], '2026-10-01', '2026-10-31', cal);
    expect(sum(days)).toBe(90);
    expect(days.get('2026-10-05')).toBe(0);
    expect(days.get('2026-10-10')).toBe(5);
    expect(days.get('2026-10-11')).toBe(0);
  });

  it('spreads a weekly quota over the week’s workdays, exactly', () => {
    const days = quotaDays([[rule({ per: 'week', value: 10 })]], '2026-10-05', '2026-10-11', cal);
    expect(sum(days)).toBe(10);
    expect(
      ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'].map((d) => days.get(d)),
    ).toEqual([0, 0, 0, 0]);
    // The week Sep 28–Oct 4 works Mon–Wed only: October's part of it is 0.
    expect(
      sum(quotaDays([[rule({ per: 'week', value: 10 })]], '2026-10-01', '2026-10-04', cal)),
    ).toBe(0);
  });

  it('gives a week without a workday nothing', () => {
    const off = calendar({ holidays: eachDay('2026-10-05', '2026-10-09') });
    expect(
      sum(quotaDays([[rule({ per: 'week', value: 10 })]], '2026-10-05', '2026-10-11', off)),
    ).toBe(0);
  });

  it('property: a weekly quota sums to its value over every whole week with a workday', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.integer({ min: 0, max: 10_000 }),
        (c, date, value) => {
          const week = periodContaining('week', date, c);
          const days = quotaDays(
            [[rule({ per: 'week', value, from: '2000-01-01' })]],
            week.start,
            week.end,
            c,
          );
          const hasWorkday = eachDay(week.start, week.end).some((d) => isWorkday(d, c));
          expect(sum(days)).toBe(hasWorkday ? value : 0);
          for (const [day, v] of days) if (!isWorkday(day, c)) expect(v).toBe(0);
        },
      ),
    );
  });
});

describe('quotaOn', () => {
  const member = rule({ source: 'member', value: 3, from: '2026-10-19' });
  const team = rule({ value: 5, from: '2026-09-01' });
  const parent = rule({ value: 8, from: '2026-01-01' });
  it('takes the first group with a rule in effect, and in it the latest first day', () => {
    const groups = [[member], [team, rule({ value: 6, from: '2026-10-26' })], [parent]];
    expect(quotaOn(groups, '2026-08-15')?.value).toBe(8);
    expect(quotaOn(groups, '2026-10-14')?.value).toBe(5);
    expect(quotaOn(groups, '2026-10-19')?.value).toBe(3);
    expect(quotaOn([[team, rule({ value: 6, from: '2026-10-26' })]], '2026-10-27')?.value).toBe(6);
    expect(quotaOn([[team]], '2026-08-31')).toBeNull();
    expect(quotaOn([], '2026-08-31')).toBeNull();
  });
});

describe('withQuota', () => {
  it('lets explicit targets keep the days they cover and fills the rest with the quota', () => {
    const explicit = [
      {
        period: { kind: 'week' as const, start: '2026-10-12' },
        value: 30,
        source: 'member' as const,
      },
    ];
    const daily = dailyTargets({ targets: explicit, start: '2026-10-01', end: '2026-10-31', cal });
    const filled = withQuota(daily, explicit, [[rule()]], cal);
    // 90 − 25 (the week's quota) + 30 = 95.
    expect(sum(filled)).toBe(95);
    expect(sum(withQuota(daily, explicit, [], cal))).toBe(30);
  });

  it('property: never changes a day an explicit target covers', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.integer({ min: 0, max: 1_000_000 }),
        (c, date, value) => {
          const month = periodContaining('month', date, c);
          const explicit = [
            {
              period: { kind: 'month' as const, start: month.start },
              value,
              source: 'team' as const,
            },
          ];
          const start = addDays(month.start, -7);
          const end = addDays(month.end, 7);
          const daily = dailyTargets({ targets: explicit, start, end, cal: c });
          const filled = withQuota(daily, explicit, [[rule({ from: '2000-01-01' })]], c);
          for (const day of eachDay(month.start, month.end))
            expect(filled.get(day)).toBe(daily.get(day));
        },
      ),
    );
  });
});
