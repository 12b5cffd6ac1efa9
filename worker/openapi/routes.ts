/** `GET /api/v1/openapi.json`: the API description, built once per isolate. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { openApiDocument } from './document.ts';

let cached: ReturnType<typeof openApiDocument> | undefined;

export const openapiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  cached ??= openApiDocument();
  return c.json(cached, 200);
});
