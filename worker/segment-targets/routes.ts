/**
 * `GET /api/v1/targets/{id}/segments`: a revenue or deal target broken down by customer
 * segment, against what its member or team won per segment over its period (service.ts). For
 * managers who may read the target; 404 for a target without a breakdown.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { Id, TargetSegmentsResponse } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { targets } from '../db/schema.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadMembership } from '../members/history.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { breakdownOf } from '../targets/queries.ts';
import { visibleTo } from '../targets/routes.ts';
import { loadTeams } from '../teams/queries.ts';
import { targetSegmentProgress } from './service.ts';

export const segmentTargetsRoutes = new Hono<AppEnv>().use(requireMember).get(
  '/:id/segments',
  documented({
    summary:
      'A revenue or deal target per customer segment (new, existing): each part against what was won, and what was won with no known customer',
    auth: 'manager',
    responses: { 200: TargetSegmentsResponse },
  }),
  requireManager,
  validate('param', z.object({ id: Id })),
  async (c) => {
    const caller = c.var.caller;
    const db = c.var.db;
    const row = await db
      .select()
      .from(targets)
      .where(and(eq(targets.id, c.req.valid('param').id), eq(targets.orgId, caller.org.id)))
      .get();
    const breakdown = row ? breakdownOf(row) : null;
    if (!row || !breakdown) throw notFound('target');
    const [teams, members, membership] = await Promise.all([
      loadTeams(db, caller.org.id),
      loadActiveMembers(db, caller.org.id),
      loadMembership(db, caller.org.id),
    ]);
    if (!visibleTo(caller, teams, new Map(members.map((m) => [m.id, m.teamId])))(row)) {
      throw notFound('target');
    }
    const segments = await targetSegmentProgress(db, row, breakdown, {
      teams,
      membership,
      settings: caller.settings,
    });
    return c.json(
      {
        targetId: row.id,
        metric: row.metric,
        period: { start: row.periodStart, end: row.periodEnd },
        segments,
      },
      200,
    );
  },
);
