import { z } from 'zod';

/** A calendar date with no time zone, `YYYY-MM-DD`. Validated as a real date (no Feb 30). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');
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
] as const;
export const MetricId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, 'metric ids look like calls or my_metric');
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
