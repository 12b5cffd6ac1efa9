import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEpochDay } from '../../test/support/arbitraries.ts';
import {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  daysInMonth,
  eachDay,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  isoWeekday,
  localDateOf,
  localMinutesOf,
  makeDate,
  offsetAt,
  toEpochDay,
  zonedInstant,
} from './index.ts';

describe('epoch days', () => {
  it('counts from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11_017);
    expect(fromEpochDay(20_515)).toBe('2026-03-03');
  });

  it('agrees with Date.UTC on every day 1900–2200 (round trip)', () => {
    fc.assert(
      fc.property(anyEpochDay, (day) => {
        const date = fromEpochDay(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        expect(toEpochDay(date)).toBe(day);
      }),
    );
  });

  it('handles leap days and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(makeDate(987, 3, 4)).toBe('0987-03-04');
  });

  it('rejects dates that do not exist', () => {
    expect(() => toEpochDay('2026-02-29')).toThrow(RangeError);
    expect(() => toEpochDay('2026-13-01')).toThrow(RangeError);
    expect(() => toEpochDay('2026-1-01')).toThrow(RangeError);
    expect(() => dateParts('yesterday')).toThrow(/YYYY-MM-DD/);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-04-31')).toBe(false);
  });

  it('gives ISO weekdays, Monday = 1', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('lists days inclusively and nothing for a reversed range', () => {
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(eachDay('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('adds months clamping the day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(anyEpochDay, fc.integer({ min: -3000, max: 3000 }), (day, n) => {
        const date = fromEpochDay(day);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});

describe('time zones', () => {
  it('gives the local date of an instant', () => {
    expect(localDateOf('2026-11-23T23:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDateOf('2026-11-23T03:30:00Z', 'America/New_York')).toBe('2026-11-22');
    expect(localDateOf(new Date('2026-12-31T23:30:00-05:00'), 'America/New_York')).toBe(
      '2026-12-31',
    );
    expect(localDateOf('2026-12-31T23:30:00-05:00', 'Europe/Berlin')).toBe('2027-01-01');
  });

  it('gives wall-clock minutes since local midnight', () => {
    expect(localMinutesOf('2026-11-23T01:30:30Z', 'Asia/Shanghai')).toBe(570.5);
    // Spring forward in New York: 03:00 EDT is 180 on the wall clock although only 2 h elapsed.
    expect(localMinutesOf('2026-03-08T07:00:00Z', 'America/New_York')).toBe(180);
  });

  it('rejects an invalid instant, and a time without an offset (it would depend on the runtime)', () => {
    expect(() => localDateOf('not a time', 'UTC')).toThrow(RangeError);
    expect(() => localDateOf('2026-11-23T10:00:00', 'UTC')).toThrow(/offset/);
    expect(() => localDateOf('2026-11-23', 'UTC')).toThrow(/offset/);
    expect(() => localDateOf('2026-02-30T10:00:00Z', 'UTC')).toThrow(RangeError);
    expect(localDateOf('2026-11-23T23:00:00.000+0100', 'UTC')).toBe('2026-11-23');
    expect(localDateOf(Date.parse('2026-11-23T12:00:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('finds the instant of a wall-clock time on ordinary days', () => {
    expect(zonedInstant('2026-11-23', '09:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-23T01:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(zonedInstant('2026-01-15', '18:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T17:00:00.000Z',
    );
  });

  it('moves a time in a DST gap forward by the gap (New York, Berlin)', () => {
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('takes the earlier instant of a time in a DST overlap (New York, Berlin)', () => {
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('reads back the same wall clock for any existing time (property)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: 19_000, max: 22_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (day, hour, minute, zone) => {
          const date = fromEpochDay(day);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedInstant(date, time, zone);
          const inGap = localMinutesOf(instant, zone) !== hour * 60 + minute;
          if (!inGap) expect(localDateOf(instant, zone)).toBe(date);
          // In a gap the result is exactly one hour (these zones' gap) later on the wall clock.
          if (inGap) expect(localMinutesOf(instant, zone)).toBe(hour * 60 + minute + 60);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('knows offsets including half hours', () => {
    expect(offsetAt(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330 * 60_000);
    expect(offsetAt(Date.parse('2026-06-01T00:00:00Z'), 'America/New_York')).toBe(-240 * 60_000);
    expect(offsetAt(Date.parse('2026-01-01T00:00:00Z'), 'America/New_York')).toBe(-300 * 60_000);
  });

  it('rejects a malformed clock time', () => {
    expect(() => zonedInstant('2026-01-01', '9:00', 'UTC')).toThrow(/HH:MM/);
  });
});
