/**
 * The Hono app: hardening middleware, then one router per resource under /api/v1.
 * `AppType` is what `hc<AppType>` (worker/client.ts) types the extension's and page's client with.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.ts';
import { getDb } from './db/client.ts';
import {
  formatUsage,
  METER_REQUEST_HEADER,
  METER_RESPONSE_HEADER,
  meterD1,
} from './lib/d1-meter.ts';
import { ApiError } from './lib/errors.ts';
import { apiCors } from './middleware/cors.ts';
import { onError, onNotFound } from './middleware/errors.ts';
import { announcementsRoutes } from './routes/announcements.ts';
import { competitionsRoutes } from './routes/competitions.ts';
import { eventsRoutes } from './routes/events.ts';
import { invitesRoutes, joinRoutes } from './routes/invites.ts';
import { leaderboardRoutes } from './routes/leaderboard.ts';
import { meRoutes } from './routes/me.ts';
import { membersRoutes } from './routes/members.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { orgRoutes, orgsRoutes } from './routes/orgs.ts';
import { pageRoutes } from './routes/page.ts';
import { exportRoutes } from './routes/page-export.ts';
import { progressRoutes } from './routes/progress.ts';
import { sessionRoutes, signinRoutes } from './routes/session.ts';
import { targetsRoutes } from './routes/targets.ts';
import { teamsRoutes } from './routes/teams.ts';
import { tvInfoRoutes, tvLinksRoutes } from './routes/tv-links.ts';

/** 500 events of ordinary size are ~150 KB; 1 MB leaves room and stops abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

const base = new Hono<AppEnv>();
base.onError(onError);
base.notFound(onNotFound);
base.use(secureHeaders());
base.use('/api/*', apiCors);
base.use(
  '/api/*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `request body over ${MAX_BODY_BYTES} bytes`);
    },
  }),
);
base.use('/api/*', async (c, next) => {
  // Benchmarks only (`--var PACER_BENCH:1` plus a request header): report the request's D1 cost.
  if (c.env.PACER_BENCH === '1' && c.req.header(METER_REQUEST_HEADER) === '1') {
    const usage = { queries: 0, rowsRead: 0, rowsWritten: 0 };
    c.env = { ...c.env, DB: meterD1(c.env.DB, usage) };
    c.set('db', getDb(c.env));
    await next();
    c.res.headers.set(METER_RESPONSE_HEADER, formatUsage(usage));
    return;
  }
  c.set('db', getDb(c.env));
  await next();
});

export const app = base
  .route('/api/v1/orgs', orgsRoutes)
  .route('/api/v1/org', orgRoutes)
  .route('/api/v1/invites', invitesRoutes)
  .route('/api/v1/join', joinRoutes)
  .route('/api/v1/me/progress', progressRoutes)
  .route('/api/v1/me', meRoutes)
  .route('/api/v1/teams', teamsRoutes)
  .route('/api/v1/members', membersRoutes)
  .route('/api/v1/events', eventsRoutes)
  .route('/api/v1/targets', targetsRoutes)
  .route('/api/v1/leaderboard', leaderboardRoutes)
  .route('/api/v1/competitions', competitionsRoutes)
  .route('/api/v1/announcements', announcementsRoutes)
  .route('/api/v1/session', sessionRoutes)
  .route('/api/v1/tv-links', tvLinksRoutes)
  .route('/api/v1/tv', tvInfoRoutes)
  .route('/api/v1/page', pageRoutes)
  .route('/api/v1/export', exportRoutes)
  .route('/', signinRoutes)
  .route('/api/v1', openapiRoutes);

export type AppType = typeof app;
