/**
 * The extension's client for the Pacer API. Every response body is parsed with the contract's
 * zod schemas (shared/api), so a server that answers something unexpected is an error here,
 * never a crash in the UI. Failures are classified once: retryable (network, 408, 429, 5xx) or
 * final (other 4xx); the sync engine only needs that distinction.
 */
import type { z } from 'zod';
import type { PeriodKind } from '../../shared/api/common.ts';
import { ErrorBody } from '../../shared/api/common.ts';
import type { ActivityEvent } from '../../shared/api/events.ts';
import { PostEventsResponse } from '../../shared/api/events.ts';
import type { JoinRequest } from '../../shared/api/orgs.ts';
import { JoinResponse, MeResponse } from '../../shared/api/orgs.ts';
import { ProgressResponse } from '../../shared/api/progress.ts';

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

export interface PacerApi {
  postEvents(events: ActivityEvent[]): Promise<PostEventsResponse>;
  /** Resolves when the event is void on the server (also when it already was). */
  voidEvent(id: string): Promise<void>;
  me(): Promise<MeResponse>;
  /** `null` when the server answers 304 to `etag`. */
  progress(period: PeriodKind, etag?: string): Promise<ProgressResponse | null>;
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

async function request<S extends z.ZodType>(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  schema: S | null,
): Promise<z.infer<S> | null> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
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
  return parsed.data;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export function createApi(baseUrl: string, token: string, fetchFn: typeof fetch = fetch): PacerApi {
  const api = `${baseUrl}/api/v1`;
  const auth = { authorization: `Bearer ${token}` };
  const withAuth = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...auth },
  });
  return {
    async postEvents(events) {
      const res = await request(
        fetchFn,
        `${api}/events`,
        withAuth(json({ events })),
        PostEventsResponse,
      );
      if (!res) throw new ApiError(502, 'bad_response', 'empty answer');
      return res;
    },
    async voidEvent(id) {
      try {
        await request(
          fetchFn,
          `${api}/events/${encodeURIComponent(id)}/void`,
          withAuth({ method: 'POST' }),
          null,
        );
      } catch (error) {
        // The server never accepted this event (it was rejected): nothing left to void.
        if (error instanceof ApiError && error.status === 404) return;
        throw error;
      }
    },
    async me() {
      const res = await request(fetchFn, `${api}/me`, withAuth(), MeResponse);
      if (!res) throw new ApiError(502, 'bad_response', 'empty answer');
      return res;
    },
    async progress(period, etag) {
      const headers: Record<string, string> = etag ? { 'if-none-match': etag } : {};
      return request(
        fetchFn,
        `${api}/me/progress?period=${period}`,
        withAuth({ headers }),
        ProgressResponse,
      );
    },
  };
}

export async function joinTeam(
  baseUrl: string,
  body: JoinRequest,
  fetchFn: typeof fetch = fetch,
): Promise<JoinResponse> {
  const res = await request(fetchFn, `${baseUrl}/api/v1/join`, json(body), JoinResponse);
  if (!res) throw new ApiError(502, 'bad_response', 'empty answer');
  return res;
}
