import { z } from 'zod';
import { Instant, MetricId, Uuid } from './common.ts';
import { FIELD_LIMITS, MAX_EVENT_QUANTITY } from './limits.ts';
import { CategoryId } from './settings.ts';

/** Where a log was made; `url` present means the log carries evidence (see docs/architecture.md). */
export const EventSource = z.object({
  app: z.string().min(1).max(FIELD_LIMITS.sourceApp),
  url: z
    .url({ protocol: /^https?$/ })
    .max(FIELD_LIMITS.sourceUrl)
    .optional(),
  title: z.string().max(FIELD_LIMITS.sourceTitle).optional(),
});
export type EventSource = z.infer<typeof EventSource>;

export const EventContact = z.object({
  name: z.string().max(FIELD_LIMITS.contactName).optional(),
  email: z.email().max(FIELD_LIMITS.contactEmail).optional(),
});
export type EventContact = z.infer<typeof EventContact>;

/** The unit of data. Never edited or deleted: undo voids it. */
export const ActivityEvent = z.object({
  id: Uuid,
  metric: MetricId,
  quantity: z.number().int().positive().max(MAX_EVENT_QUANTITY),
  /**
   * A won deal's value in minor units: the one log counts one deal and this much revenue
   * (shared/domain/lines.ts says which metrics carry an amount; others are refused).
   */
  amount: z.number().int().positive().max(MAX_EVENT_QUANTITY).optional(),
  occurredAt: Instant,
  source: EventSource.optional(),
  contact: EventContact.optional(),
  note: z.string().max(FIELD_LIMITS.note).optional(),
  /**
   * On a collection (回款) log only: the id of the deal log (a `deals` or `revenue` log of the
   * same team) that the money pays.
   */
  deal: Uuid.optional(),
  /** On a won deal only: the org's product category it is of (settings `productCategories`). */
  category: CategoryId.optional(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const MAX_EVENTS_PER_REQUEST = 500;

/**
 * The batch is validated loosely (an array of 1–500 objects) so that one bad event is
 * `rejected` on its own instead of failing the whole batch; each item is then parsed with
 * `ActivityEvent`.
 */
export const PostEventsRequest = z.object({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_EVENTS_PER_REQUEST),
});
export type PostEventsRequest = { events: ActivityEvent[] };

export const EventResultStatus = z.enum(['created', 'duplicate', 'rejected']);
export const EventResult = z.object({
  id: z.string(),
  status: EventResultStatus,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EventResult = z.infer<typeof EventResult>;
export const PostEventsResponse = z.object({ results: z.array(EventResult) });
export type PostEventsResponse = z.infer<typeof PostEventsResponse>;

/** `PATCH /events/:id/category`: a won deal's product category, changed after the fact (null: none). */
export const EventCategoryRequest = z.object({ category: CategoryId.nullable() });
export type EventCategoryRequest = z.infer<typeof EventCategoryRequest>;
export const EventCategoryResponse = z.object({ id: z.string(), category: CategoryId.nullable() });
export type EventCategoryResponse = z.infer<typeof EventCategoryResponse>;

export const VoidEventResponse = z.object({ id: z.string(), voided: z.literal(true) });
export type VoidEventResponse = z.infer<typeof VoidEventResponse>;

/** A member's recent logs, newest first, for the sidebar's undo list and the board. */
export const EventView = ActivityEvent.extend({
  memberId: z.string(),
  localDate: z.string(),
  voided: z.boolean(),
  evidence: z.boolean(),
});
export type EventView = z.infer<typeof EventView>;

export const RecentEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const RecentEventsResponse = z.object({ events: z.array(EventView) });
export type RecentEventsResponse = z.infer<typeof RecentEventsResponse>;
