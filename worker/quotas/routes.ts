/**
 * Activity quotas: managers set them (`PUT`, an upsert per subject × metric × first day) for the
 * members and teams they manage and read all of their subtree's; reps read the ones that apply
 * to them (their own and their teams' up the chain).
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  Id,
  ListQuotasResponse,
  QuotaInput,
  QuotaResponse,
  QuotasQuery,
} from '../../shared/api/index.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { ancestorIds, subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv } from '../context.ts';
import { quotas } from '../db/schema.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';
import { loadQuotas, type QuotaRow, quotaView } from './queries.ts';

export const quotasRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'Activity quotas of your subtree (managers) or that apply to you (reps)',
      auth: 'member',
      responses: { 200: ListQuotasResponse },
    }),
    validate('query', QuotasQuery),
    async (c) => {
      const query = c.req.valid('query');
      const { caller, db } = c.var;
      const [allTeams, members, rows] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
        loadQuotas(db, caller.org.id),
      ]);
      if (query.member !== undefined) {
        assertCanActOn(caller, await memberOr404(db, caller.org.id, query.member), allTeams);
      }
      if (query.team !== undefined && caller.member.role === 'manager') {
        managedTeamOr403(caller, allTeams, query.team);
      }
      const memberTeam = new Map(members.map((m) => [m.id, m.teamId]));
      const managed = managedTeamIds(caller, allTeams);
      const ownChain = ancestorIds(allTeams, caller.member.teamId);
      const teamScope = query.team === undefined ? undefined : subtreeIds(allTeams, query.team);
      const teamOf = (q: QuotaRow) =>
        q.scope === 'team' ? q.subjectId : (memberTeam.get(q.subjectId) ?? '');
      const list = rows.filter(
        (q) =>
          (q.scope === 'member'
            ? q.subjectId === caller.member.id || managed.has(teamOf(q))
            : managed.has(q.subjectId) || ownChain.has(q.subjectId)) &&
          (query.member === undefined || (q.scope === 'member' && q.subjectId === query.member)) &&
          (teamScope === undefined || teamScope.has(teamOf(q))),
      );
      list.sort(
        (a, b) =>
          a.metric.localeCompare(b.metric) ||
          a.fromDate.localeCompare(b.fromDate) ||
          a.id.localeCompare(b.id),
      );
      return c.json({ quotas: list.map(quotaView) }, 200);
    },
  )
  .put(
    '/',
    documented({
      summary:
        'Set a recurring activity quota per workday or week (upsert per subject, metric and first day)',
      auth: 'manager',
      responses: { 200: QuotaResponse },
    }),
    requireManager,
    validate('json', QuotaInput),
    async (c) => {
      const input = c.req.valid('json');
      const { caller, db } = c.var;
      const metric = findMetric(input.metric, caller.settings);
      if (!metric) {
        throw new ApiError(
          400,
          'validation_failed',
          `metric ${input.metric} is not defined for this team`,
        );
      }
      if (metric.kind !== 'count') {
        throw new ApiError(
          400,
          'validation_failed',
          `quotas are for count metrics; ${input.metric} is an amount`,
          [{ path: 'metric', code: 'custom', message: 'quotas are for count metrics' }],
        );
      }
      const allTeams = await loadTeams(db, caller.org.id);
      let subjectId: string;
      if (input.scope === 'member') {
        const member = await memberOr404(db, caller.org.id, input.memberId as string);
        assertCanActOn(caller, member, allTeams);
        if (!member.active) throw notFound('member');
        subjectId = member.id;
      } else {
        subjectId = managedTeamOr403(caller, allTeams, input.teamId as string).id;
      }
      const now = new Date();
      const fromDate = input.from ?? localDateOf(now, caller.member.timezone);
      const values = { per: input.per, value: input.value, updatedAt: now.toISOString() };
      const [upserted] = await db.batch([
        db
          .insert(quotas)
          .values({
            id: newId(),
            orgId: caller.org.id,
            scope: input.scope,
            subjectId,
            metric: input.metric,
            fromDate,
            ...values,
          })
          .onConflictDoUpdate({
            target: [quotas.orgId, quotas.scope, quotas.subjectId, quotas.metric, quotas.fromDate],
            set: values,
          })
          .returning(),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      return c.json({ quota: quotaView(upserted[0] as QuotaRow) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({
      summary: 'Delete an activity quota',
      auth: 'manager',
      responses: { 200: QuotaResponse },
    }),
    requireManager,
    validate('param', z.object({ id: Id })),
    async (c) => {
      const { id } = c.req.valid('param');
      const { caller, db } = c.var;
      const row = await db
        .select()
        .from(quotas)
        .where(and(eq(quotas.id, id), eq(quotas.orgId, caller.org.id)))
        .get();
      if (!row) throw notFound('quota');
      const allTeams = await loadTeams(db, caller.org.id);
      if (row.scope === 'team') managedTeamOr403(caller, allTeams, row.subjectId);
      else assertCanActOn(caller, await memberOr404(db, caller.org.id, row.subjectId), allTeams);
      await db.batch([
        db.delete(quotas).where(eq(quotas.id, id)),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      return c.json({ quota: quotaView(row) }, 200);
    },
  );
