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
  computeStreak,
  eachDay,
  isWorkday,
  localDateOf,
  walkStreak,
  zonedInstant,
} from './index.ts';

/** 20 points on each listed day. */
const qualifying = (...days: string[]) => new Map(days.map((d) => [d, 20]));
const streak = (pointsByDay: Map<string, number>, today: string, cal = STANDARD) =>
  computeStreak({ pointsByDay, today, goal: 20, cal });

describe('computeStreak', () => {
  it('counts consecutive qualifying workdays; the weekend neither breaks nor is needed', () => {
    // Mon 16 – Fri 20 Nov, then Mon 23 (today).
    const days = qualifying(...eachDay('2026-11-16', '2026-11-20'), '2026-11-23');
    expect(streak(days, '2026-11-23')).toEqual({
      current: 6,
      longest: 6,
      atRisk: false,
      freezes: 0,
    });
  });

  it('adds a qualifying non-workday', () => {
    const days = qualifying('2026-11-20', '2026-11-21', '2026-11-23');
    expect(streak(days, '2026-11-23').current).toBe(3);
  });

  it('keeps the streak alive but at risk until today qualifies', () => {
    const days = qualifying('2026-11-19', '2026-11-20');
    days.set('2026-11-23', 12);
    expect(streak(days, '2026-11-23')).toMatchObject({ current: 2, atRisk: true });
    days.set('2026-11-23', 20);
    expect(streak(days, '2026-11-23')).toMatchObject({ current: 3, atRisk: false });
  });

  it('is not at risk on a day off, nor with nothing to lose', () => {
    expect(streak(qualifying('2026-11-20'), '2026-11-21')).toMatchObject({
      current: 1,
      atRisk: false,
    });
    expect(streak(new Map(), '2026-11-23')).toEqual({
      current: 0,
      longest: 0,
      atRisk: false,
      freezes: 0,
    });
  });

  it('breaks on a missed workday and keeps the longest', () => {
    const days = qualifying('2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20', '2026-11-23');
    expect(streak(days, '2026-11-23')).toMatchObject({ current: 2, longest: 3 });
  });

  it('reports a longer run on record (longestBefore) and ignores a shorter one', () => {
    const days = qualifying('2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20', '2026-11-23');
    const withRecord = (longestBefore: number) =>
      computeStreak({
        pointsByDay: days,
        today: '2026-11-23',
        goal: 20,
        cal: STANDARD,
        longestBefore,
      });
    expect(withRecord(130)).toMatchObject({ current: 2, longest: 130 });
    expect(withRecord(1)).toMatchObject({ current: 2, longest: 3 });
  });

  it('does not need a holiday', () => {
    const thanksgiving = calendar({ holidays: ['2026-11-26'] });
    const days = qualifying('2026-11-25', '2026-11-27');
    expect(streak(days, '2026-11-27', thanksgiving).current).toBe(2);
    expect(streak(days, '2026-11-27', STANDARD).current).toBe(1);
  });

  it('earns a freeze per 10 qualifying days in a row and spends it on a missed workday', () => {
    const workdays = eachDay('2026-11-02', '2026-11-13').filter((d) => isWorkday(d, STANDARD));
    expect(workdays).toHaveLength(10);
    const days = qualifying(...workdays, '2026-11-17');
    // Mon 16 missed: the freeze is spent, the streak goes on.
    expect(streak(days, '2026-11-17')).toEqual({
      current: 11,
      longest: 11,
      atRisk: false,
      freezes: 0,
    });
    // Without the freeze (only 9 days before) the miss breaks it.
    days.delete('2026-11-02');
    expect(streak(days, '2026-11-17')).toMatchObject({ current: 1, longest: 9, freezes: 0 });
  });

  it('banks at most 2 freezes', () => {
    const days = qualifying(...eachDay('2026-01-01', '2026-02-15'));
    expect(streak(days, '2026-02-15')).toMatchObject({ current: 46, freezes: 2 });
  });

  it('counts across a year end with a New Year holiday (member-local dates)', () => {
    const cal = calendar({ holidays: ['2027-01-01'] });
    const days = qualifying('2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04');
    expect(streak(days, '2027-01-04', cal)).toMatchObject({ current: 4, atRisk: false });
  });

  it('counts across DST changes, with days taken from the member time zone (New York, Berlin)', () => {
    for (const [zone, changes] of [
      ['America/New_York', ['2026-03-08', '2026-11-01']],
      ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
    ] as const) {
      for (const change of changes) {
        // One late-evening log (23:30 local, the next day in UTC for New York) per day, and on the
        // change day the log falls just after local midnight; keyed by member-local date.
        const byDay = new Map<string, number>();
        for (const day of eachDay(addDays(change, -6), addDays(change, 6))) {
          const instant = zonedInstant(day, day === change ? '00:30' : '23:30', zone);
          const local = localDateOf(instant, zone);
          expect(local).toBe(day);
          byDay.set(local, (byDay.get(local) ?? 0) + 20);
        }
        const result = streak(byDay, addDays(change, 6), calendar({ timezone: zone }));
        expect(result).toMatchObject({ current: 13, longest: 13, freezes: 1 });
      }
    }
  });

  it('follows alternating six-day weeks (Asia/Shanghai): a long-week Saturday is needed', () => {
    // Week of 2026-01-05 is long (Sat 10 a workday), week of 12 short (Sat 17 off).
    const weekdays = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'];
    const shortWeek = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'];
    expect(
      streak(qualifying(...weekdays, '2026-01-12'), '2026-01-12', SHANGHAI_ALTERNATING).current,
    ).toBe(1);
    expect(
      streak(qualifying(...shortWeek, '2026-01-19'), '2026-01-19', SHANGHAI_ALTERNATING).current,
    ).toBe(6);
  });

  it('never breaks on a non-workday: all workdays qualifying means every qualifying day counts (property)', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.boolean(), { minLength: 61, maxLength: 61 }),
        (cal, start, length, offDayQualifies) => {
          const today = addDays(start, length);
          const byDay = new Map<string, number>();
          eachDay(start, today).forEach((day, i) => {
            const work = isWorkday(day, cal);
            if (day !== today && (work || offDayQualifies[i])) byDay.set(day, 25);
            else byDay.set(day, 3);
          });
          const result = computeStreak({ pointsByDay: byDay, today, goal: 20, cal });
          const qualifyingDays = [...byDay.values()].filter((p) => p >= 20).length;
          expect(result.current).toBe(qualifyingDays);
          expect(result.longest).toBe(qualifyingDays);
          expect(result.atRisk).toBe(qualifyingDays > 0 && isWorkday(today, cal));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps its bounds on any history (property)', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyRecentDate,
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 90 }),
        (cal, start, points) => {
          const byDay = new Map(points.map((p, i) => [addDays(start, i), p]));
          const today = addDays(start, points.length - 1);
          const result = computeStreak({ pointsByDay: byDay, today, goal: 20, cal });
          expect(result.current).toBeLessThanOrEqual(result.longest);
          expect(result.longest).toBeLessThanOrEqual(points.filter((p) => p >= 20).length);
          expect(result.freezes).toBeGreaterThanOrEqual(0);
          expect(result.freezes).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('walkStreak', () => {
  const walk = (pointsByDay: Map<string, number>, from: string, today: string) =>
    walkStreak({ pointsByDay, from, today, goal: 20, cal: STANDARD });
  // Every day from Mon 3 Aug to Mon 23 Nov 2026 qualifies (a run longer than any look-back).
  const everyDay = qualifying(...eachDay('2026-08-03', '2026-11-23'));

  it('says when the run reaches back to the first day unbroken (a longer history could add to it)', () => {
    const window = walk(everyDay, '2026-10-01', '2026-11-23');
    expect(window.reachesStart).toBe(true);
    expect(window.streak.current).toBe(54);
    const full = walk(everyDay, '2026-08-03', '2026-11-23');
    expect(full.streak.current).toBe(113);
    expect(full.streak).toEqual(
      computeStreak({ pointsByDay: everyDay, today: '2026-11-23', goal: 20, cal: STANDARD }),
    );
  });

  it('does not when a missed workday reset the run, or the history starts with missed workdays', () => {
    // Tue 10 – Thu 12 Nov missed: two banked freezes cover two, the third resets the run.
    const missed = new Map(everyDay);
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-12']) missed.delete(day);
    expect(walk(missed, '2026-10-01', '2026-11-23')).toMatchObject({
      reachesStart: false,
      streak: { current: 11 },
    });
    // Activity only from Wed 14 Oct: the first days of the history are missed workdays.
    const late = qualifying(...eachDay('2026-10-14', '2026-11-23'));
    expect(walk(late, '2026-10-01', '2026-11-23')).toMatchObject({
      reachesStart: false,
      streak: { current: 41 },
    });
    expect(walk(new Map(), '2026-10-01', '2026-11-23').reachesStart).toBe(false);
  });

  it('a run kept alive by a freeze still reaches the start', () => {
    // 10 qualifying days earn a freeze; the missed Tue 10 Nov spends it.
    const frozen = new Map(everyDay);
    frozen.delete('2026-11-10');
    expect(walk(frozen, '2026-10-26', '2026-11-23')).toMatchObject({
      reachesStart: true,
      streak: { current: 28, freezes: 1 },
    });
  });
});
