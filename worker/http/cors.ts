/**
 * CORS: only browser-extension origins (and any listed in ALLOWED_ORIGINS) may call the API from
 * a browser. The leaderboard page is served by this worker, so it is same-origin and needs none.
 */
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function isAllowedOrigin(origin: string, allowedList: string | undefined): boolean {
  const listed = (allowedList ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  // An explicit list pins the extension ids; without one any extension origin may call.
  if (listed.length > 0) return listed.includes(origin);
  return EXTENSION_ORIGIN.test(origin);
}

export const apiCors = createMiddleware<AppEnv>((c, next) =>
  cors({
    origin: (origin) => (isAllowedOrigin(origin, c.env.ALLOWED_ORIGINS) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  })(c, next),
);
