import { z } from 'zod';
import { DisplayName, Id, Instant, LocalDate, MetricId, Uuid } from './common.ts';
import { EventContact } from './events.ts';
import { FIELD_LIMITS } from './limits.ts';
import { CalendarSettings, CustomerClass, CustomerSettings } from './settings.ts';

/**
 * Customers: who a rep's logs were with, derived from each log's evidence (rule:
 * shared/domain/customers.ts). A customer belongs to one rep (its owner) and is seen by that rep
 * and the managers of their team only.
 */

/** Where a customer stands with its cadence today, in the team calendar. */
export const CustomerDue = z.object({
  /** `none`: no class (no cadence); `ok`: next follow-up later; `due`: today; `overdue`: past. */
  state: z.enum(['none', 'ok', 'due', 'overdue']),
  /** The last follow-up's day and metric (null: none yet). */
  lastContact: LocalDate.nullable(),
  lastMetric: MetricId.nullable(),
  /**
   * Days with a follow-up in the cadence period of the last one (its class's week or month), the
   * last one's day included; 0 with none. A class wanting 2 a week with 1 is due before the week ends.
   */
  followUps: z.number().int().min(0),
  nextDue: LocalDate.nullable(),
  /** Workdays past `nextDue` (0 unless overdue). */
  overdueDays: z.number().int().min(0),
});
export type CustomerDue = z.infer<typeof CustomerDue>;

export const CustomerView = z.object({
  id: Id,
  ownerId: Id,
  /** The identity the customer was first derived from (`crm:…`, `domain:…`, `email:…`, `contact:…`). */
  key: z.string(),
  /** Every identity it answers to: `key` and those of the customers merged into it. */
  keys: z.array(z.string()),
  name: z.string(),
  class: CustomerClass.nullable(),
  createdAt: Instant,
  /** The owner's day of its first log: a classified customer never followed up is due from then. */
  since: LocalDate,
  /** Logs linked to it that are not undone. */
  logs: z.number().int().min(0),
  due: CustomerDue,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const CustomerResponse = z.object({ customer: CustomerView });
export type CustomerResponse = z.infer<typeof CustomerResponse>;

/** The thread or record on screen, as a log would carry it. */
export const CustomerLookupQuery = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(FIELD_LIMITS.sourceUrl)
      .optional(),
    email: EventContact.shape.email,
    name: EventContact.shape.name,
  })
  .refine((q) => q.url !== undefined || q.email !== undefined || q.name !== undefined, {
    message: 'give the url, email or name of the thread or record',
  });
export type CustomerLookupQuery = z.infer<typeof CustomerLookupQuery>;

/** What the sidebar needs to apply its own new logs with the same rule (shared/domain/customers.ts). */
export const CustomerRules = z.object({ customers: CustomerSettings, calendar: CalendarSettings });
export type CustomerRules = z.infer<typeof CustomerRules>;

export const CustomerLookupResponse = z.object({
  /** The identity the evidence derives (null: it names no customer). */
  key: z.string().nullable(),
  /** The caller's customer with that identity; null until a log with it is made. */
  customer: CustomerView.nullable(),
  rules: CustomerRules,
  /**
   * The customer's first won deal's day (null: none yet, or no customer), so a won deal logged
   * on screen counts in its segment at once (shared/domain/breakdown.ts `knownDealCustomer`).
   * Absent from older servers.
   */
  firstDeal: LocalDate.nullable().optional(),
});
export type CustomerLookupResponse = z.infer<typeof CustomerLookupResponse>;

export const DueCustomersQuery = z.object({
  /** Whose customers (a manager may read a member of their team's); the caller's when left out. */
  member: Id.optional(),
});
export const CustomersQuery = DueCustomersQuery;
export const CustomersResponse = z.object({
  today: LocalDate,
  /** By name. */
  customers: z.array(CustomerView),
});
export type CustomersResponse = z.infer<typeof CustomersResponse>;
export const DueCustomersResponse = z.object({
  /** The owner's today in the team calendar. */
  today: LocalDate,
  /** Overdue first (longest first), then due today; classified customers only. */
  customers: z.array(CustomerView),
  rules: CustomerRules,
});
export type DueCustomersResponse = z.infer<typeof DueCustomersResponse>;

export const PatchCustomerRequest = z
  .object({
    name: DisplayName(FIELD_LIMITS.contactName).optional(),
    class: CustomerClass.nullable().optional(),
  })
  .refine((p) => p.name !== undefined || p.class !== undefined, {
    message: 'give a name or a class',
  });
export type PatchCustomerRequest = z.infer<typeof PatchCustomerRequest>;

export const MAX_MERGED_AT_ONCE = 50;
/** Folds the `from` customers (same owner) into this one: their logs and identities follow. */
export const MergeCustomersRequest = z.object({
  from: z.array(Id).min(1).max(MAX_MERGED_AT_ONCE),
});
export type MergeCustomersRequest = z.infer<typeof MergeCustomersRequest>;

export const MAX_SPLIT_LOGS = 500;
/** Moves the chosen logs of this customer to a new customer of the same owner. */
export const SplitCustomerRequest = z.object({
  events: z.array(Uuid).min(1).max(MAX_SPLIT_LOGS),
  name: DisplayName(FIELD_LIMITS.contactName),
});
export type SplitCustomerRequest = z.infer<typeof SplitCustomerRequest>;
export const SplitCustomerResponse = z.object({ customer: CustomerView, created: CustomerView });
export type SplitCustomerResponse = z.infer<typeof SplitCustomerResponse>;

export const CustomerLogsResponse = z.object({
  logs: z.array(
    z.object({
      id: Uuid,
      metric: MetricId,
      quantity: z.number().int(),
      occurredAt: Instant,
      localDate: LocalDate,
      title: z.string().nullable(),
    }),
  ),
});
export type CustomerLogsResponse = z.infer<typeof CustomerLogsResponse>;

/** Per rep of a team: their customers by class, overdue ones and A customers covered. */
export const CustomerReportQuery = z.object({ team: Id });
export const ClassCounts = z.object({
  customers: z.number().int().min(0),
  overdue: z.number().int().min(0),
  /** Followed up at least once in the current period of the class's cadence. */
  covered: z.number().int().min(0),
});
export const CustomerReportResponse = z.object({
  today: LocalDate,
  reps: z.array(
    z.object({
      memberId: Id,
      name: z.string(),
      classes: z.object({ A: ClassCounts, B: ClassCounts, C: ClassCounts }),
      unclassified: z.number().int().min(0),
    }),
  ),
});
export type CustomerReportResponse = z.infer<typeof CustomerReportResponse>;
