/**
 * The extension's client for the Pacer API: the worker's typed Hono client (`hc<AppType>`, so
 * routes, methods and request bodies are checked against the worker at compile time), plus a
 * zod parse of every response body with the contract's schemas (shared/api), so a server that
 * answers something unexpected is an error here, never a crash in the UI. Failures are
 * classified once: retryable (network, 408, 429, 5xx) or final (other 4xx).
 */
import type { z } from 'zod';
import { AnnouncementsResponse } from '../../shared/api/announcements.ts';
import type { PeriodKind } from '../../shared/api/common.ts';
import { ErrorBody } from '../../shared/api/common.ts';
import { RunningContestsResponse } from '../../shared/api/contests.ts';
import { DueCustomersResponse } from '../../shared/api/customers.ts';
import type { ActivityEvent } from '../../shared/api/events.ts';
import { PostEventsResponse, RecentEventsResponse } from '../../shared/api/events.ts';
import type { JoinRequest } from '../../shared/api/orgs.ts';
import { JoinResponse, MeResponse } from '../../shared/api/orgs.ts';
import { SigninCodeResponse } from '../../shared/api/page.ts';
import { LeaderboardResponse, ProgressResponse } from '../../shared/api/progress.ts';
import {
  type ReflectionInput,
  ReflectionResponse,
  type ReviewPeriodKind,
  ReviewResponse,
} from '../../shared/api/reviews.ts';
import { createClient } from '../../worker/client.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The server could not be reached at all (offline, DNS, refused, aborted). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return false;
}

/** A response body with its change token (ETag), to ask "anything new?" cheaply next time. */
export type Tagged<T> = T & { etag?: string };

export interface PacerApi {
  postEvents(events: ActivityEvent[]): Promise<PostEventsResponse>;
  /** Resolves when the event is void on the server (also when it already was). */
  voidEvent(id: string): Promise<void>;
  me(): Promise<MeResponse>;
  /** The member's newest logs from any device, newest first. */
  recentEvents(limit: number): Promise<RecentEventsResponse>;
  /** `null` when the server answers 304 (nothing changed since the response tagged `etag`). */
  progress(period: PeriodKind, etag?: string): Promise<Tagged<ProgressResponse> | null>;
  /** The member's running contests with their place; `null` on 304. */
  runningContests(etag?: string): Promise<Tagged<RunningContestsResponse> | null>;
  /** The team's announcements after id `since`; `null` on 304. */
  announcements(since: number, etag?: string): Promise<Tagged<AnnouncementsResponse> | null>;
  /** The member's team board by attainment for the period (who they pass); `null` on 304. */
  board(period: PeriodKind, etag?: string): Promise<Tagged<LeaderboardResponse> | null>;
  /** Revokes this token on the server (sign-out): it stops working with the next request. */
  revokeToken(): Promise<void>;
  /** The member's own review (复盘) of the day, week or month containing `date`. */
  review(period: ReviewPeriodKind, date: string): Promise<ReviewResponse>;
  /** The member's customers due or overdue for a follow-up today, most overdue first. */
  dueCustomers(): Promise<DueCustomersResponse>;
  /** Saves the member's reflection on a period. */
  reflect(input: ReflectionInput): Promise<z.infer<typeof ReflectionResponse>>;
}

/** Normalises what the user typed as a server address to an origin-like base URL. */
export function normaliseServerUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The server address must start with https:// or http://');
  }
  return url.origin;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Sends, then turns the answer into a parsed body, `null` (304 / no body) or an error. */
export async function answer<S extends z.ZodType>(
  send: () => Promise<Response>,
  schema: S | null,
): Promise<{ body: z.infer<S>; etag?: string } | null> {
  let res: Response;
  try {
    res = await send();
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (res.status === 304) return null;
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : 'http_error';
    const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    throw new ApiError(res.status, code, message);
  }
  if (schema === null) return null;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', 'unexpected server answer');
  const etag = res.headers.get('etag') ?? undefined;
  return { body: parsed.data, ...(etag ? { etag } : {}) };
}

export function required<T>(result: { body: T } | null): T {
  if (!result) throw new ApiError(502, 'bad_response', 'empty answer');
  return result.body;
}

/** Every request gets a timeout: a hung connection must not stall the outbox for ever. */
export function timedFetch(fetchFn: typeof fetch): typeof fetch {
  return (input, init) =>
    fetchFn(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

export function createApi(baseUrl: string, token: string, fetchFn: typeof fetch = fetch): PacerApi {
  const client = createClient(baseUrl, {
    headers: { authorization: `Bearer ${token}` },
    fetch: timedFetch(fetchFn),
  }).api.v1;
  return {
    async postEvents(events) {
      return required(
        await answer(() => client.events.$post({ json: { events } }), PostEventsResponse),
      );
    },
    async voidEvent(id) {
      try {
        await answer(() => client.events[':id'].void.$post({ param: { id } }), null);
      } catch (error) {
        // The server never accepted this event (it was rejected): nothing left to void.
        if (error instanceof ApiError && error.status === 404) return;
        throw error;
      }
    },
    async me() {
      return required(await answer(() => client.me.$get(), MeResponse));
    },
    async revokeToken() {
      await answer(() => client.me.token.$delete(), null);
    },
    async recentEvents(limit) {
      return required(
        await answer(
          () => client.me.events.$get({ query: { limit: String(limit) } }),
          RecentEventsResponse,
        ),
      );
    },
    async progress(period, etag) {
      const result = await answer(
        () =>
          client.me.progress.$get(
            { query: { period } },
            etag ? { headers: { 'if-none-match': etag } } : undefined,
          ),
        ProgressResponse,
      );
      return result ? { ...result.body, ...(result.etag ? { etag: result.etag } : {}) } : null;
    },
    async announcements(since, etag) {
      const result = await answer(
        () =>
          client.announcements.$get(
            { query: { since: String(since) } },
            etag ? { headers: { 'if-none-match': etag } } : undefined,
          ),
        AnnouncementsResponse,
      );
      return result ? { ...result.body, ...(result.etag ? { etag: result.etag } : {}) } : null;
    },
    async review(period, date) {
      return required(
        await answer(() => client.reviews.$get({ query: { period, date } }), ReviewResponse),
      );
    },
    async dueCustomers() {
      return required(
        await answer(() => client.customers.due.$get({ query: {} }), DueCustomersResponse),
      );
    },
    async reflect(input) {
      return required(
        await answer(() => client.reviews.reflection.$put({ json: input }), ReflectionResponse),
      );
    },
    async board(period, etag) {
      const result = await answer(
        () =>
          client.leaderboard.$get(
            { query: { period, by: 'attainment' } },
            etag ? { headers: { 'if-none-match': etag } } : undefined,
          ),
        LeaderboardResponse,
      );
      return result ? { ...result.body, ...(result.etag ? { etag: result.etag } : {}) } : null;
    },
    async runningContests(etag) {
      const result = await answer(
        () =>
          client.contests.running.$get(
            {},
            etag ? { headers: { 'if-none-match': etag } } : undefined,
          ),
        RunningContestsResponse,
      );
      return result ? { ...result.body, ...(result.etag ? { etag: result.etag } : {}) } : null;
    },
  };
}

export async function joinTeam(
  baseUrl: string,
  body: JoinRequest,
  fetchFn: typeof fetch = fetch,
): Promise<JoinResponse> {
  const client = createClient(baseUrl, { fetch: timedFetch(fetchFn) }).api.v1;
  return required(await answer(() => client.join.$post({ json: body }), JoinResponse));
}

/**
 * A one-time link (60 s, single use) that signs the member in on the leaderboard page, so the
 * token itself never has to leave the extension's background.
 */
export async function createSigninLink(
  baseUrl: string,
  token: string,
  fetchFn: typeof fetch = fetch,
): Promise<SigninCodeResponse> {
  const client = createClient(baseUrl, {
    headers: { authorization: `Bearer ${token}` },
    fetch: timedFetch(fetchFn),
  }).api.v1;
  return required(await answer(() => client.session.codes.$post(), SigninCodeResponse));
}
