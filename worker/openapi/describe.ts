/**
 * `documented({...})`: a route's OpenAPI description, written beside the route as its first
 * middleware (`hono-openapi`'s `describeRoute`). Its query, path parameters and body come from the
 * route's own `validate(...)` (worker/http/validate.ts); this adds what the validators cannot
 * know: a summary, who may call it, and what it answers. `GET /api/v1/openapi.json`
 * (`routes.ts`) is generated from the app's routes, and test/worker/contract.test.ts fails when a
 * served route has no description.
 */
import { describeRoute, type ResponsesWithResolver, resolver } from 'hono-openapi';
import type { z } from 'zod';

/**
 * Who may call it: `public` needs nothing; `member` / `manager` a bearer token or the page's
 * session cookie; `bearer` a bearer token alone; `session` the cookie alone; `tv` a TV link's
 * token in `x-pacer-tv`.
 */
export type Access = 'public' | 'member' | 'manager' | 'bearer' | 'session' | 'tv';

/** A response body: JSON with its schema, a CSV file, or nothing (204). */
export type Body = z.ZodType | 'text/csv' | null;

export interface RouteDoc {
  summary: string;
  auth: Access;
  responses: Partial<Record<200 | 201 | 202 | 204, Body>>;
}

/** Every operation may also answer these, with the error body (`components.responses.Error`). */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 429] as const;

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  member: [{ bearer: [] }, { session: [] }],
  manager: [{ bearer: [] }, { session: [] }],
  bearer: [{ bearer: [] }],
  session: [{ session: [] }],
  tv: [{ tv: [] }],
};

/** Responses are what the worker sends, so their schemas describe zod's output side. */
export const outputSchema = (schema: z.ZodType) => resolver(schema, { options: { io: 'output' } });

function response(body: Body): ResponsesWithResolver[string] {
  if (body === null) return { description: 'No content' };
  if (body === 'text/csv') {
    return { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } };
  }
  return { description: 'OK', content: { 'application/json': { schema: outputSchema(body) } } };
}

export function documented(doc: RouteDoc) {
  const responses: ResponsesWithResolver = {};
  for (const [status, body] of Object.entries(doc.responses)) {
    if (body !== undefined) responses[status] = response(body);
  }
  for (const status of ERROR_STATUSES) {
    responses[status] = { $ref: '#/components/responses/Error' };
  }
  // An OpenAPI extension field: who may call it, in this API's words.
  const role = { 'x-pacer-role': doc.auth };
  return describeRoute({ summary: doc.summary, security: SECURITY[doc.auth], responses, ...role });
}
