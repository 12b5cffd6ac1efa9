import { z } from 'zod';

/**
 * The dates Pacer works with. Periods, rounds and trends reach a year or so past a date, so a
 * bound far inside what the date arithmetic handles keeps `9999-12-31` a clear 400, not a 500.
 */
export const MIN_LOCAL_DATE = '2000-01-01';
export const MAX_LOCAL_DATE = '2199-12-31';

/**
 * A calendar date with no time zone, `YYYY-MM-DD`. Validated as a real date (no Feb 30) from
 * {@link MIN_LOCAL_DATE} to {@link MAX_LOCAL_DATE}.
 */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date')
  .refine(
    (s) => s >= MIN_LOCAL_DATE && s <= MAX_LOCAL_DATE,
    `dates run from ${MIN_LOCAL_DATE} to ${MAX_LOCAL_DATE}`,
  );
export type LocalDate = z.infer<typeof LocalDate>;

/** An instant with an explicit offset, e.g. `2026-03-02T09:15:00+01:00` or `…Z`. */
export const Instant = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 instant with offset',
});

/** `HH:MM` on a 24-hour clock. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** An IANA time zone name that this runtime's Intl knows. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');

export const Id = z.string().min(1).max(64);

/**
 * Text that only looks empty: nothing but invisible characters (zero-width spaces and joiners,
 * BOM, other default-ignorable code points) and white space.
 */
const INVISIBLE_ONLY = /^[\p{Default_Ignorable_Code_Point}\p{White_Space}]*$/u;
/** Control characters (NUL, line breaks, escape …) have no place in a one-line name. */
const CONTROL = /\p{Cc}/u;

/**
 * A name or title people read (member, team, organisation, contest, metric label, tier): trimmed,
 * 1 to `max` characters, no control characters (NUL included) and not invisible-only.
 */
export function DisplayName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'names cannot contain control characters')
    .refine((s) => !INVISIBLE_ONLY.test(s), 'names need a visible character');
}
export const Uuid = z.uuid();

/** Built-in metrics, and the form custom metric ids must take. */
export const BUILTIN_METRIC_IDS = [
  'revenue',
  'deals',
  'calls',
  'visits',
  'meetings',
  'emails',
  'leads',
  'collections',
] as const;
export const MetricId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, 'metric ids look like calls or my_metric');

/**
 * Ids a new custom metric cannot take: names that plain JavaScript objects answer from their
 * prototype. The code never reads user keys from plain objects (shared/domain/own.ts), and the
 * contract keeps such ids out as well (`UpdateOrgSettingsRequest`, only where metrics are
 * defined, so a team that stored one before can still read its data).
 */
export const RESERVED_METRIC_IDS: ReadonlySet<string> = new Set([
  'constructor',
  'prototype',
  '__proto__',
  'hasownproperty',
  'isprototypeof',
  'propertyisenumerable',
  'tostring',
  'tolocalestring',
  'valueof',
]);
export type MetricId = z.infer<typeof MetricId>;

export const PeriodKind = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** A resolved period: `start` and `end` are both inclusive local dates. */
export const Period = z.object({ kind: PeriodKind, start: LocalDate, end: LocalDate });
export type Period = z.infer<typeof Period>;

export const Role = z.enum(['rep', 'manager']);
export type Role = z.infer<typeof Role>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
