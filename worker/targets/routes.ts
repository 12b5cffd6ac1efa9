/**
 * Targets: managers set them (`PUT`, an upsert per subject × metric × period) for members and
 * teams they manage and read all of their subtree; reps read the targets that apply to them.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  GetTargetsResponse,
  Id,
  type Period,
  PutTargetResponse,
  TargetInput,
  TargetsQuery,
  TargetView,
} from '../../shared/api/index.ts';
import { periodFromStart } from '../../shared/domain/calendar.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { splitTeamTarget, spreadTarget } from '../../shared/domain/targets.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller } from '../context.ts';
import { targets } from '../db/schema.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams, managedTeamIds, type TeamRow } from '../teams/queries.ts';
import { allocationOf, onlyShareOf, type TargetRow, targetView } from './queries.ts';

const TargetResponse = z.object({ target: TargetView });

function resolvePeriod(caller: Caller, kind: Period['kind'], start: string): Period {
  try {
    return periodFromStart(kind, start, caller.settings.calendar, 'strict');
  } catch (error) {
    throw new ApiError(400, 'validation_failed', (error as Error).message, [
      { path: 'period.start', code: 'custom', message: (error as Error).message },
    ]);
  }
}

function assertKnownMetric(caller: Caller, metric: string): void {
  if (!findMetric(metric, caller.settings)) {
    throw new ApiError(400, 'validation_failed', `metric ${metric} is not defined for this team`);
  }
}

/** Which stored targets the caller may read: their subtree's (managers) or their own (reps). */
function visibleTo(caller: Caller, allTeams: TeamRow[], memberTeam: Map<string, string>) {
  const managed = managedTeamIds(caller, allTeams);
  const ownChain = new Set<string>();
  let teamId: string | null = caller.member.teamId;
  while (teamId !== null) {
    ownChain.add(teamId);
    teamId = allTeams.find((t) => t.id === teamId)?.parentId ?? null;
  }
  return (t: TargetRow) =>
    t.scope === 'member'
      ? t.subjectId === caller.member.id || managed.has(memberTeam.get(t.subjectId) ?? '')
      : managed.has(t.subjectId) || ownChain.has(t.subjectId);
}

export const targetsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'Targets of your subtree (managers) or that apply to you (reps)',
      auth: 'member',
      responses: { 200: GetTargetsResponse },
    }),
    validate('query', TargetsQuery),
    async (c) => {
      const query = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      const [allTeams, members] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
      ]);
      if (query.member !== undefined) {
        assertCanActOn(caller, await memberOr404(db, caller.org.id, query.member), allTeams);
      }
      if (query.team !== undefined && caller.member.role === 'manager') {
        managedTeamOr403(caller, allTeams, query.team);
      }
      const rows = await db.select().from(targets).where(eq(targets.orgId, caller.org.id)).all();
      const canSee = visibleTo(caller, allTeams, new Map(members.map((m) => [m.id, m.teamId])));
      const teamScope = query.team === undefined ? undefined : subtreeIds(allTeams, query.team);
      const memberTeam = new Map(members.map((m) => [m.id, m.teamId]));
      const list = rows.filter(
        (t) =>
          canSee(t) &&
          (query.metric === undefined || t.metric === query.metric) &&
          (query.member === undefined || (t.scope === 'member' && t.subjectId === query.member)) &&
          (teamScope === undefined ||
            (t.scope === 'team'
              ? teamScope.has(t.subjectId)
              : teamScope.has(memberTeam.get(t.subjectId) ?? ''))) &&
          (query.date === undefined || (t.periodStart <= query.date && t.periodEnd >= query.date)),
      );
      list.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id));
      // On a `top` or `private` team a rep's board shows no colleague's target: nor does a team
      // target's split, beyond the caller's own share (managers of the team see every share).
      const managed = managedTeamIds(caller, allTeams);
      const ownShareOnly = (t: TargetRow) =>
        caller.settings.privacy !== 'open' && !managed.has(t.subjectId);
      const withAllocation = list.map((t) => {
        if (t.scope !== 'team') return targetView(t);
        const view = { ...targetView(t), allocation: allocationOf(t, allTeams, members) };
        return ownShareOnly(t) ? onlyShareOf(view, caller.member.id) : view;
      });
      return c.json({ targets: withAllocation }, 200);
    },
  )
  .put(
    '/',
    documented({
      summary: 'Set a member or team target (upsert per subject, metric and period)',
      auth: 'manager',
      responses: { 200: PutTargetResponse },
    }),
    requireManager,
    validate('json', TargetInput),
    async (c) => {
      const input = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      assertKnownMetric(caller, input.metric);
      const period = resolvePeriod(caller, input.period.kind, input.period.start);
      // Run the rules that will read it before saving: what they refuse (a DomainError, 400) is
      // never stored, so no later read can meet it.
      spreadTarget(input, caller.settings.calendar);
      if (input.split) {
        const named =
          input.split.mode === 'weights'
            ? input.split.weights
            : input.split.mode === 'explicit'
              ? input.split.shares
              : {};
        splitTeamTarget(input.value, Object.keys(named), input.split);
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
      const now = new Date().toISOString();
      const values = {
        value: input.value,
        periodEnd: period.end,
        curve: input.curve ? JSON.stringify(input.curve) : null,
        split: input.split ? JSON.stringify(input.split) : null,
        updatedAt: now,
      };
      const [upserted] = await db.batch([
        db
          .insert(targets)
          .values({
            id: newId(),
            orgId: caller.org.id,
            scope: input.scope,
            subjectId,
            metric: input.metric,
            periodKind: period.kind,
            periodStart: period.start,
            ...values,
          })
          .onConflictDoUpdate({
            target: [
              targets.orgId,
              targets.scope,
              targets.subjectId,
              targets.metric,
              targets.periodKind,
              targets.periodStart,
            ],
            set: values,
          })
          .returning(),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      const row = upserted[0] as TargetRow;
      const allocation =
        row.scope === 'team'
          ? allocationOf(row, allTeams, await loadActiveMembers(db, caller.org.id))
          : undefined;
      return c.json({ target: targetView(row), ...(allocation ? { allocation } : {}) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({ summary: 'Delete a target', auth: 'manager', responses: { 200: TargetResponse } }),
    requireManager,
    validate('param', z.object({ id: Id })),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await db
        .select()
        .from(targets)
        .where(and(eq(targets.id, id), eq(targets.orgId, caller.org.id)))
        .get();
      if (!row) throw notFound('target');
      const allTeams = await loadTeams(db, caller.org.id);
      if (row.scope === 'team') managedTeamOr403(caller, allTeams, row.subjectId);
      else assertCanActOn(caller, await memberOr404(db, caller.org.id, row.subjectId), allTeams);
      await db.batch([
        db.delete(targets).where(eq(targets.id, id)),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      return c.json({ target: targetView(row) }, 200);
    },
  );
