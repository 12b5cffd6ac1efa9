/**
 * `GET /api/v1/openapi.json`: the API description, generated once per isolate from the app's
 * routes (each documented beside it with `documented`, `describe.ts`; parameters and bodies from
 * its validators) by `hono-openapi`.
 */
import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { documented, outputSchema } from './describe.ts';

type Document = Awaited<ReturnType<typeof generateSpecs>>;

/** `get /api/v1/export/leaderboard.csv` → `getExportLeaderboardCsv`. */
export const operationId = (method: string, path: string) =>
  method +
  path
    .replace(/\/api\/v1|[{}]/g, '')
    .replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, ch: string) => ch.toUpperCase());

export async function openApiDocument(): Promise<Document> {
  // Imported here, not at the top: the app mounts this router, so a static import would be a cycle.
  const { app } = await import('../app.ts');
  const document = await generateSpecs(app, {
    // `leaderboard.csv` is an API route, not a static file.
    excludeStaticFile: false,
    documentation: {
      info: {
        title: 'Pacer sync API',
        version: '1',
        description:
          'Activity events, targets, progress and leaderboards. Errors are {"error":{"code","message","details"?}}.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          // The leaderboard page's cookie; writes with it also need the x-csrf-token header.
          session: { type: 'apiKey', in: 'cookie', name: '__Host-pacer' },
          tv: { type: 'apiKey', in: 'header', name: 'x-pacer-tv' },
        },
        responses: {
          Error: {
            description: 'Error',
            content: { 'application/json': { schema: outputSchema(ErrorBody) } },
          },
        },
      },
    },
  });
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods ?? {})) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation))
        continue;
      Object.assign(operation, {
        operationId: operationId(method, path),
        tags: [path.split('/')[3] ?? 'api'],
      });
    }
  }
  return document;
}

let cached: Promise<Document> | undefined;

export const openapiRoutes = new Hono<AppEnv>().get(
  '/openapi.json',
  documented({
    summary: 'This document',
    auth: 'public',
    responses: { 200: z.object({ openapi: z.string() }).loose() },
  }),
  async (c) => {
    cached ??= openApiDocument();
    return c.json(await cached, 200);
  },
);
