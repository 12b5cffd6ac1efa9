/**
 * `GET /api/v1/me/progress?period=&date=`: the caller's progress (`service.ts`). Answers 304 to a
 * matching If-None-Match after reading nothing beyond the auth row, which carries the member's and
 * the org's change counters: colleagues' logs do not invalidate it.
 */
import { Hono } from 'hono';
import { ProgressQuery, ProgressResponse } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { changeToken, clientHasCurrent, PACE_TTL_MS } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { memberProgress, progressWindow } from './service.ts';

export const progressRoutes = new Hono<AppEnv>().use(requireMember).get(
  '/',
  documented({
    summary: 'Your progress per metric, tier, streak, points, milestones and funnel needs (ETag)',
    auth: 'member',
    responses: { 200: ProgressResponse },
  }),
  validate('query', ProgressQuery),
  async (c) => {
    const query = c.req.valid('query');
    const caller = c.var.caller;
    const { member, org } = caller;
    const now = new Date();
    // Only this member's events, or config writes (targets, settings, teams, members) change it.
    const etag = await changeToken(member.version, [
      'progress',
      org.configVersion,
      member.id,
      member.timezone,
      query.period,
      query.date ?? null,
      progressWindow(caller, query, now).today,
      Math.floor(now.getTime() / PACE_TTL_MS),
    ]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);
    const progress = await memberProgress(c.var.db, caller, query, now);
    return c.json({ ...progress, version: etag }, 200);
  },
);
