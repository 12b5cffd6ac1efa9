/**
 * `GET /api/v1/targets/{id}/segments`: a revenue or deal target broken down by customer
 * segment, against what its member or team won per segment over its period (service.ts). For
 * managers who may read the target; 404 for a target without a breakdown.
 * `GET /api/v1/targets/segments/reps`: the same per rep of a managed team, for the board's period.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  Id,
  RepSegmentsQuery,
  RepSegmentsResponse,
  TargetSegmentsResponse,
} from '../../shared/api/index.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv } from '../context.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadMembership } from '../members/history.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { breakdownOf, loadTargetInOrg, loadTargetsOverlapping } from '../targets/queries.ts';
import { visibleTo } from '../targets/routes.ts';
import { loadTeams } from '../teams/queries.ts';
import { repsSegmentProgress, targetSegmentProgress } from './service.ts';

export const segmentTargetsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/segments/reps',
    documented({
      summary:
        "Each rep of a managed team: their target's progress per segment (customer or product category) over a period, for the board",
      auth: 'manager',
      responses: { 200: RepSegmentsResponse },
    }),
    requireManager,
    validate('query', RepSegmentsQuery),
    async (c) => {
      const { caller, db } = c.var;
      const q = c.req.valid('query');
      const [teams, members, membership, targetRows] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
        loadMembership(db, caller.org.id),
        loadTargetsOverlapping(db, caller.org.id, q.from, q.to),
      ]);
      const team = managedTeamOr403(caller, teams, q.team);
      const below = subtreeIds(teams, team.id);
      const reps = members.filter((m) => below.has(m.teamId));
      const span = { start: q.from, end: q.to };
      const rows = await repsSegmentProgress(
        db,
        { settings: caller.settings, teams, membership, targets: targetRows },
        reps,
        q.metric,
        span,
      );
      return c.json(
        {
          metric: q.metric,
          period: span,
          reps: rows
            .map((r) => ({
              member: { id: r.member.id, name: r.member.name },
              segments: r.segments,
            }))
            .sort(
              (a, b) =>
                a.member.name.localeCompare(b.member.name) ||
                a.member.id.localeCompare(b.member.id),
            ),
        },
        200,
      );
    },
  )
  .get(
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
      const row = await loadTargetInOrg(db, caller.org.id, c.req.valid('param').id);
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
