/**
 * The page's only way to the API: the worker's typed Hono client (`hc<AppType>`, worker/client.ts),
 * so every path, method, query and body is checked against the worker's routes at compile time,
 * plus a zod parse of every answer with the contract's schemas (shared/api), so a server change
 * that breaks the page fails loudly here instead of rendering nonsense.
 *
 * Same-origin requests carry the session cookie; writes add the session's CSRF secret (double
 * submit). GETs remember their ETag and answer from memory on 304 (TV mode polls cheaply this way).
 * Feature modules (`<feature>/api.ts`) hold the calls; views never build a URL.
 */
import type { z } from 'zod';
import { ErrorBody } from '../../../../shared/api/index.ts';
import { createClient } from '../../../client.ts';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The session's CSRF secret, sent on every write (double submit with the cookie). */
let csrfToken: string | null = null;
/** A read-only TV link's token (TV mode has no cookie session). */
let tvToken: string | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setTvToken = (token: string | null) => {
  tvToken = token;
};

/** What the helpers need of an answer: a fetch Response or the typed client's ClientResponse. */
type Answer = Pick<Response, 'ok' | 'status' | 'statusText' | 'url' | 'headers'> & {
  json(): Promise<unknown>;
};

/** Last answer per URL with its ETag: sent back as If-None-Match, reused on 304. */
const etagCache = new Map<string, { etag: string; body: unknown }>();

/** Every request: same-origin cookie, the current credentials, and the ETag of a cached GET. */
function pageFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const method = init?.method?.toUpperCase() ?? 'GET';
  const url = new URL(input instanceof Request ? input.url : input, location.origin).href;
  const headers = new Headers(init?.headers);
  headers.set('accept', 'application/json');
  if (tvToken) headers.set('x-pacer-tv', tvToken);
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  const cached = method === 'GET' ? etagCache.get(url) : undefined;
  if (cached) headers.set('if-none-match', cached.etag);
  return fetch(url, { ...init, headers, credentials: 'same-origin' });
}

/** The typed client, rooted at `/api/v1` of this origin. */
export const api = createClient(location.origin, { fetch: pageFetch }).api.v1;

async function failureOf(res: Answer): Promise<ApiFailure> {
  const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined));
  return parsed.success
    ? new ApiFailure(res.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiFailure(res.status, 'error', res.statusText);
}

/** A GET answer parsed with `schema`; `changed` is false when the server answered 304. */
export async function read<S extends z.ZodType>(
  schema: S,
  request: Promise<Answer>,
): Promise<{ data: z.infer<S>; changed: boolean }> {
  const res = await request;
  const cached = res.status === 304 ? etagCache.get(res.url) : undefined;
  if (cached) return { data: schema.parse(cached.body), changed: false };
  if (!res.ok) throw await failureOf(res);
  const body: unknown = await res.json();
  const etag = res.headers.get('etag');
  if (etag) etagCache.set(res.url, { etag, body });
  return { data: schema.parse(body), changed: true };
}

/** A GET answer parsed with `schema` (cached or fresh). */
export async function get<S extends z.ZodType>(
  schema: S,
  request: Promise<Answer>,
): Promise<z.infer<S>> {
  return (await read(schema, request)).data;
}

/** A write's answer parsed with `schema`; without one, only success matters. */
export async function send(request: Promise<Answer>): Promise<void>;
export async function send<S extends z.ZodType>(
  request: Promise<Answer>,
  schema: S,
): Promise<z.infer<S>>;
export async function send<S extends z.ZodType>(
  request: Promise<Answer>,
  schema?: S,
): Promise<z.infer<S> | undefined> {
  const res = await request;
  if (!res.ok) throw await failureOf(res);
  if (!schema) return undefined;
  return schema.parse(await res.json());
}
