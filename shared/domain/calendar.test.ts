import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyCalendar,
  anyRecentDate,
  calendar,
  SHANGHAI_ALTERNATING,
  STANDARD,
} from '../../test/support/arbitraries.ts';
import {
  addDays,
  daysBetween,
  eachDay,
  elapsedWorkFraction,
  isoWeekday,
  isWorkday,
  periodContaining,
  periodFromStart,
  shiftPeriod,
  weekStartOf,
} from './index.ts';

const kinds = ['day', 'week', 'month', 'quarter', 'year'] as const;

describe('isWorkday', () => {
  it('is Mon–Fri by default', () => {
    expect(eachDay('2026-11-23', '2026-11-29').filter((d) => isWorkday(d, STANDARD))).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('skips holidays and counts make-up days', () => {
    const cal = calendar({ holidays: ['2026-12-25'], extraWorkdays: ['2026-12-26'] });
    expect(isWorkday('2026-12-25', cal)).toBe(false);
    expect(isWorkday('2026-12-26', cal)).toBe(true);
    expect(isWorkday('2026-12-27', cal)).toBe(false);
  });

  it('lets a holiday win over a make-up day listed for the same date', () => {
    const cal = calendar({ holidays: ['2026-12-26'], extraWorkdays: ['2026-12-26'] });
    expect(isWorkday('2026-12-26', cal)).toBe(false);
  });

  it('expresses a six-day week', () => {
    const cal = calendar({ workweeks: [[1, 2, 3, 4, 5, 6]] });
    expect(eachDay('2026-11-23', '2026-11-29').filter((d) => isWorkday(d, cal))).toHaveLength(6);
    expect(isWorkday('2026-11-28', cal)).toBe(true);
    expect(isWorkday('2026-11-29', cal)).toBe(false);
  });

  it('alternates long and short weeks from the anchor week (Asia/Shanghai 大小周)', () => {
    // 2026-01-05 is a Monday: that week is the long one; Saturdays alternate from there.
    expect(isWorkday('2026-01-10', SHANGHAI_ALTERNATING)).toBe(true);
    expect(isWorkday('2026-01-17', SHANGHAI_ALTERNATING)).toBe(false);
    expect(isWorkday('2026-01-24', SHANGHAI_ALTERNATING)).toBe(true);
    // Weeks before the anchor continue the cycle backwards.
    expect(isWorkday('2026-01-03', SHANGHAI_ALTERNATING)).toBe(false);
    expect(isWorkday('2025-12-27', SHANGHAI_ALTERNATING)).toBe(true);
    // Golden week: holidays off, make-up Sunday on.
    expect(isWorkday('2026-10-01', SHANGHAI_ALTERNATING)).toBe(false);
    expect(isWorkday('2026-09-27', SHANGHAI_ALTERNATING)).toBe(true);
  });

  it('notices a calendar edited in place (holiday pushed, week start changed)', () => {
    const cal = calendar();
    expect(isWorkday('2026-12-24', cal)).toBe(true);
    cal.holidays.push('2026-12-24');
    expect(isWorkday('2026-12-24', cal)).toBe(false);
    cal.workweeks = [[1, 2, 3, 4, 5, 6]];
    expect(isWorkday('2026-12-26', cal)).toBe(true);
  });

  it('repeats the workweek cycle every cycle length of weeks (property)', () => {
    fc.assert(
      fc.property(anyCalendar, anyRecentDate, (cal, date) => {
        const later = addDays(date, 7 * cal.workweeks.length);
        const listed = (d: string) => cal.holidays.includes(d) || cal.extraWorkdays.includes(d);
        if (!listed(date) && !listed(later)) {
          expect(isWorkday(later, cal)).toBe(isWorkday(date, cal));
        }
      }),
    );
  });
});

describe('periodContaining', () => {
  it('gives weeks by the calendar week start', () => {
    expect(periodContaining('week', '2026-11-25', STANDARD)).toEqual({
      kind: 'week',
      start: '2026-11-23',
      end: '2026-11-29',
    });
    const sundayWeeks = calendar({ weekStart: 7 });
    expect(periodContaining('week', '2026-11-25', sundayWeeks)).toMatchObject({
      start: '2026-11-22',
      end: '2026-11-28',
    });
  });

  it('gives months including February of a leap year', () => {
    expect(periodContaining('month', '2028-02-10', STANDARD)).toMatchObject({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodContaining('month', '2026-12-31', STANDARD)).toMatchObject({
      start: '2026-12-01',
      end: '2026-12-31',
    });
  });

  it('gives calendar quarters and years by default', () => {
    expect(periodContaining('quarter', '2026-11-23', STANDARD)).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodContaining('year', '2026-11-23', STANDARD)).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('follows the fiscal year for quarters and years (April start)', () => {
    const april = calendar({ fiscalYearStartMonth: 4 });
    expect(periodContaining('year', '2027-02-15', april)).toMatchObject({
      start: '2026-04-01',
      end: '2027-03-31',
    });
    expect(periodContaining('quarter', '2027-02-15', april)).toMatchObject({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(periodContaining('quarter', '2026-05-01', april)).toMatchObject({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    const november = calendar({ fiscalYearStartMonth: 11 });
    expect(periodContaining('quarter', '2026-12-15', november)).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-31',
    });
  });

  it('tiles time: consecutive periods touch, contain the date, and start where said (property)', () => {
    fc.assert(
      fc.property(anyCalendar, anyRecentDate, fc.constantFrom(...kinds), (cal, date, kind) => {
        const period = periodContaining(kind, date, cal);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(periodContaining(kind, period.start, cal)).toEqual(period);
        expect(shiftPeriod(period, 1, cal).start).toBe(addDays(period.end, 1));
        expect(shiftPeriod(period, -1, cal).end).toBe(addDays(period.start, -1));
        const length = daysBetween(period.start, period.end) + 1;
        const bounds = {
          day: [1, 1],
          week: [7, 7],
          month: [28, 31],
          quarter: [89, 92],
          year: [365, 366],
        };
        expect(length).toBeGreaterThanOrEqual(bounds[kind][0] ?? 0);
        expect(length).toBeLessThanOrEqual(bounds[kind][1] ?? 0);
        if (kind === 'week') expect(isoWeekday(period.start)).toBe(cal.weekStart);
      }),
    );
  });
});

describe('weekStartOf', () => {
  it('goes back to the configured first weekday', () => {
    expect(weekStartOf('2026-11-25', 1)).toBe('2026-11-23');
    expect(weekStartOf('2026-11-23', 1)).toBe('2026-11-23');
    expect(weekStartOf('2026-11-25', 7)).toBe('2026-11-22');
    expect(weekStartOf('2027-01-01', 6)).toBe('2026-12-26');
  });
});

describe('periodFromStart', () => {
  it('normalises a date inside a period by default', () => {
    expect(periodFromStart('month', '2026-11-23', STANDARD)).toMatchObject({ start: '2026-11-01' });
  });

  it('rejects a non-start in strict mode with a clear message', () => {
    expect(() => periodFromStart('month', '2026-11-23', STANDARD, 'strict')).toThrow(
      /not the start of a month; that month starts 2026-11-01/,
    );
    expect(periodFromStart('week', '2026-11-23', STANDARD, 'strict').end).toBe('2026-11-29');
  });
});

describe('elapsedWorkFraction', () => {
  const cal = calendar({ workingHours: { start: '09:00', end: '18:00' } });

  it('is 0 before work, 1 after, and linear in between (member time zone)', () => {
    const tz = 'Asia/Shanghai';
    expect(elapsedWorkFraction(new Date('2026-11-23T00:59:00Z'), cal, tz)).toBe(0);
    expect(elapsedWorkFraction(new Date('2026-11-23T01:00:00Z'), cal, tz)).toBe(0);
    expect(elapsedWorkFraction(new Date('2026-11-23T05:30:00Z'), cal, tz)).toBe(0.5);
    expect(elapsedWorkFraction(new Date('2026-11-23T10:00:00Z'), cal, tz)).toBe(1);
    expect(elapsedWorkFraction(new Date('2026-11-23T15:00:00Z'), cal, tz)).toBe(1);
  });

  it('uses the member time zone, not the org one', () => {
    const now = new Date('2026-11-23T14:00:00Z');
    expect(elapsedWorkFraction(now, cal, 'America/New_York')).toBe(0);
    expect(elapsedWorkFraction(now, cal, 'Europe/Berlin')).toBeCloseTo(6 / 9);
  });

  it('counts real time when DST changes inside working hours', () => {
    // Hours 00:00–04:00 in New York on the spring-forward day last only 3 real hours.
    const night = calendar({ workingHours: { start: '00:00', end: '04:00' } });
    const tz = 'America/New_York';
    expect(elapsedWorkFraction(new Date('2026-03-08T06:30:00Z'), night, tz)).toBeCloseTo(1.5 / 3);
    expect(elapsedWorkFraction(new Date('2026-03-08T08:00:00Z'), night, tz)).toBe(1);
  });
});
