/**
 * The page's only way to the API. Same-origin fetches carry the session cookie; writes add the
 * session's CSRF secret. Every JSON answer is parsed with the shared zod contract, so a server
 * change that breaks the page fails loudly here instead of rendering nonsense. GETs remember their
 * ETag and answer from memory on 304 (TV mode polls cheaply this way).
 *
 * The worker's typed `hc<AppType>` client is not used here on purpose: importing AppType would pull
 * the worker's sources into this DOM-only TypeScript project; the zod schemas give the same safety.
 */
import type { z } from 'zod';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let csrfToken: string | null = null;
/** A token sent once as Authorization (token sign-in). */
let bearer: string | null = null;
/** A read-only TV link's token (TV mode has no cookie session). */
let tvToken: string | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setBearer = (token: string | null) => {
  bearer = token;
};
export const setTvToken = (token: string | null) => {
  tvToken = token;
};

const etagCache = new Map<string, { etag: string; body: unknown }>();

async function failureOf(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new ApiFailure(
      res.status,
      body.error?.code ?? 'error',
      body.error?.message ?? res.statusText,
    );
  } catch {
    return new ApiFailure(res.status, 'error', res.statusText);
  }
}

function headersFor(method: string, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (tvToken) headers['x-pacer-tv'] = tvToken;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

/** GET with ETag revalidation; `changed` is false when the server answered 304. */
export async function getJson<S extends z.ZodType>(
  schema: S,
  path: string,
): Promise<{ data: z.infer<S>; changed: boolean }> {
  const cached = etagCache.get(path);
  const res = await fetch(path, {
    credentials: 'same-origin',
    headers: headersFor('GET', cached ? { 'if-none-match': cached.etag } : undefined),
  });
  if (res.status === 304 && cached) return { data: schema.parse(cached.body), changed: false };
  if (!res.ok) throw await failureOf(res);
  const body: unknown = await res.json();
  const etag = res.headers.get('etag');
  if (etag) etagCache.set(path, { etag, body });
  return { data: schema.parse(body), changed: true };
}

export async function get<S extends z.ZodType>(schema: S, path: string): Promise<z.infer<S>> {
  return (await getJson(schema, path)).data;
}

/** POST / PUT / PATCH / DELETE with a JSON body; `schema` null for empty answers. */
export async function send<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: headersFor(method, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await failureOf(res);
  const text = await res.text();
  return schema.parse(text === '' ? null : JSON.parse(text));
}

/** `path?a=1&b=2` from defined values only. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
