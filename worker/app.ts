/**
 * The Hono app: hardening middleware, then one router per resource under /api/v1.
 * `AppType` is what `hc<AppType>` (worker/client.ts) types the extension's and page's client with.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { announcementsRoutes } from './announcements/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import { contestsRoutes } from './contests/routes.ts';
import type { AppEnv } from './context.ts';
import { customersRoutes } from './customers/routes.ts';
import { getDb } from './db/client.ts';
import { eventsRoutes } from './events/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { goalsRoutes } from './goals/routes.ts';
import { apiCors } from './http/cors.ts';
import { ApiError } from './http/errors.ts';
import { onError, onNotFound } from './http/on-error.ts';
import { invitesRoutes, joinRoutes } from './invites/routes.ts';
import { leaderboardRoutes } from './leaderboard/routes.ts';
import { meRoutes } from './members/me-routes.ts';
import { membersRoutes } from './members/routes.ts';
import { openapiRoutes } from './openapi/routes.ts';
import { orgRoutes, orgsRoutes } from './orgs/routes.ts';
import { passkeysRoutes } from './passkeys/routes.ts';
import { progressRoutes } from './progress/routes.ts';
import { quotasRoutes } from './quotas/routes.ts';
import { reviewsRoutes } from './reviews/routes.ts';
import { segmentTargetsRoutes } from './segment-targets/routes.ts';
import { sessionRoutes, signinRoutes } from './sessions/routes.ts';
import { tvInfoRoutes, tvLinksRoutes } from './sessions/tv-link-routes.ts';
import { targetAuditRoutes } from './targets/audit-routes.ts';
import { targetsRoutes } from './targets/routes.ts';
import { teamsRoutes } from './teams/routes.ts';
import { pageRoutes } from './trends/routes.ts';

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
  c.set('db', getDb(c.env));
  await next();
});

export const app = base
  .route('/api/v1/orgs', orgsRoutes)
  .route('/api/v1/org', orgRoutes)
  .route('/api/v1/invites', invitesRoutes)
  .route('/api/v1/join', joinRoutes)
  .route('/api/v1/me/progress', progressRoutes)
  .route('/api/v1/me/goals', goalsRoutes)
  .route('/api/v1/me', meRoutes)
  .route('/api/v1/teams', teamsRoutes)
  .route('/api/v1/members', membersRoutes)
  .route('/api/v1/events', eventsRoutes)
  .route('/api/v1/targets', targetsRoutes)
  .route('/api/v1/targets', targetAuditRoutes)
  .route('/api/v1/targets', segmentTargetsRoutes)
  .route('/api/v1/quotas', quotasRoutes)
  .route('/api/v1/customers', customersRoutes)
  .route('/api/v1/leaderboard', leaderboardRoutes)
  .route('/api/v1/reviews', reviewsRoutes)
  .route('/api/v1/contests', contestsRoutes)
  .route('/api/v1/announcements', announcementsRoutes)
  .route('/api/v1/chat/channels', chatRoutes)
  .route('/api/v1/session', sessionRoutes)
  .route('/api/v1/passkeys', passkeysRoutes)
  .route('/api/v1/tv-links', tvLinksRoutes)
  .route('/api/v1/tv', tvInfoRoutes)
  .route('/api/v1/page', pageRoutes)
  .route('/api/v1/export', exportRoutes)
  .route('/', signinRoutes)
  .route('/api/v1', openapiRoutes);

export type AppType = typeof app;
