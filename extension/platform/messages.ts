/**
 * Messages to the background, as zod schemas. The background parses every message before use:
 * content scripts run inside web pages, so what they send is treated as untrusted input.
 * Content scripts import only the types (erased at build), keeping zod out of their bundle.
 */
import { z } from 'zod';
import { LocalDate, TimeZone, Uuid } from '../../shared/api/common.ts';
import { ActivityEvent } from '../../shared/api/events.ts';
import { type MemberReview, ReflectionInput, ReviewPeriodKind } from '../../shared/api/reviews.ts';
import { CustomerClass } from '../../shared/api/settings.ts';
import { LAZY_PARTS } from '../sidebar/part-host.ts';

/** From any extension context, content scripts included. */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log'), event: ActivityEvent }),
  z.object({ type: z.literal('undo'), id: Uuid }),
  z.object({ type: z.literal('sync-now') }),
  // Opens the leaderboard page in a new tab, signed in; the reply never carries the link.
  z.object({ type: z.literal('open-leaderboard') }),
  // Runs a lazy part's bundle (the panel, logging) in the sender's own tab and frame
  // (sidebar/part-loader.ts).
  z.object({ type: z.literal('load-part'), part: z.enum(LAZY_PARTS) }),
  // Customers (background/customers.ts): the one on screen, today's due list, a class change.
  z.object({
    type: z.literal('customer-lookup'),
    url: z.string().max(2048).optional(),
    email: z.string().max(254).optional(),
    name: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('customers-due') }),
  z.object({
    type: z.literal('customer-class'),
    id: z.string().min(1).max(64),
    class: CustomerClass.nullable(),
  }),
  // The member's own review of the day or week containing `date` (the sidebar's review card).
  z.object({ type: z.literal('review'), period: ReviewPeriodKind, date: LocalDate }),
  // The member's reflection on a period, saved on the server.
  z.object({ type: z.literal('reflect'), reflection: ReflectionInput }),
  // The member's customers due for a follow-up today (the morning plan).
  z.object({ type: z.literal('due-customers') }),
  // The UI text in one language (background/text.ts), when storage has none for this version.
  z.object({ type: z.literal('text'), language: z.enum(['en', 'zh_CN']) }),
  // Test builds only (refused otherwise): the daily rhythm's clock pinned at the instant in the
  // page's address, or unpinned (null); platform/clock.ts.
  z.object({ type: z.literal('pin-clock'), at: z.number().int().nullable() }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** Only from the extension's own pages (popup, options): they change the account. */
export const AccountMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sign-in-invite'),
    server: z.string().min(1).max(2048),
    code: z.string().trim().min(4).max(64),
    name: z.string().trim().min(1).max(100),
    email: z.email().max(254),
    timezone: TimeZone,
  }),
  z.object({
    type: z.literal('sign-in-token'),
    server: z.string().min(1).max(2048),
    token: z.string().trim().min(16).max(512),
  }),
  z.object({ type: z.literal('sign-out') }),
]);
export type AccountMessage = z.infer<typeof AccountMessage>;

/** `revision`: for a log, the sync-state revision that committed it (see SyncState.revision). */
/** `code`: the API's error code, or `network` when the server could not be reached. */
/** `review`, `due`: the answers to a `review` and a `due-customers` message. */
export type MessageReply =
  | {
      ok: true;
      revision?: number;
      review?: MemberReview;
      due?: { id: string; name: string }[];
      data?: unknown;
    }
  | { ok: false; error: string; code?: string };

/** From the background to a tab's content script. */
export type TabMessage =
  | { type: 'command'; command: 'toggle-sidebar' | 'log-call' }
  | { type: 'celebrate'; kind: 'milestone' | 'tier'; threshold: number; tierName: string | null }
  /** One of the member's own moments (shared/domain/moments.ts), in their language. */
  | { type: 'moment'; text: string };
