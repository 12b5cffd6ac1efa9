import fc from 'fast-check';
import type { CalendarSettings } from '../../shared/api/index.ts';
import { CalendarSettings as CalendarSchema } from '../../shared/api/index.ts';
import { fromEpochDay } from '../../shared/domain/index.ts';

// Shared fast-check generators and fixture calendars for the domain tests.

/** Any epoch day from 1900 to 2200. */
export const anyEpochDay = fc.integer({ min: -25_567, max: 84_000 });

/** Any date from 2020 to 2035. */
export const anyRecentDate = fc.integer({ min: 18_262, max: 24_100 }).map(fromEpochDay);

/** A complete calendar from the zod schema's defaults plus `overrides`. */
export function calendar(overrides: Partial<CalendarSettings> = {}): CalendarSettings {
  return CalendarSchema.parse({ timezone: 'UTC', ...overrides });
}

/** Mon–Fri, Monday weeks, January fiscal year. */
export const STANDARD = calendar();

/** A Chinese team: six-day weeks alternating with five-day weeks (大小周), 调休 make-up days. */
export const SHANGHAI_ALTERNATING = calendar({
  timezone: 'Asia/Shanghai',
  workweeks: [
    [1, 2, 3, 4, 5, 6],
    [1, 2, 3, 4, 5],
  ],
  cycleAnchor: '2026-01-05',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
});

/** Any calendar the settings allow: week start, workweek cycle, fiscal year, some holidays. */
export const anyCalendar = fc
  .record({
    weekStart: fc.integer({ min: 1, max: 7 }),
    workweeks: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), {
      minLength: 1,
      maxLength: 4,
    }),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    holidays: fc.array(anyRecentDate, { maxLength: 20 }),
    extraWorkdays: fc.array(anyRecentDate, { maxLength: 5 }),
    cycleAnchor: anyRecentDate,
  })
  .map((overrides) => calendar(overrides));
