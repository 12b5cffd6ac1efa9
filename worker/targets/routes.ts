/**
 * Targets: managers set them (`PUT`, an upsert per subject × metric × period) for members and
 * teams they manage and read all of their subtree; reps read the targets that apply to them.
 * Every write is kept in the target's history (`target_changes`), and a closed period refuses
 * writes unless reopened (worker/targets/locks.ts).
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  DeleteTargetQuery,
  GetTargetsResponse,
  Id,
  type Period,
  PutTargetResponse,
  TargetInput,
  TargetsQuery,
  TargetView,
} from '../../shared/api/index.ts';
import { canBreakDown } from '../../shared/domain/breakdown.ts';
import { periodFromStart } from '../../shared/domain/calendar.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { isRatio } from '../../shared/domain/ratios.ts';
import { splitTeamTarget, spreadTarget } from '../../shared/domain/targets.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller } from '../context.ts';
import { targets } from '../db/schema.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadMembership } from '../members/history.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { loadTeams, managedTeamIds, type TeamRow } from '../teams/queries.ts';
import { recordChange, upsertTarget } from './changes.ts';
import { isLocked, loadOpenReopenings, orgToday, periodClosed } from './locks.ts';
import {
  allocationOf,
  loadTargetInOrg,
  onlyShareOf,
  type SplitContext,
  type TargetRow,
  targetView,
} from './queries.ts';

const TargetResponse = z.object({ target: TargetView });

export function resolvePeriod(caller: Caller, kind: Period['kind'], start: string): Period {
  try {
    return periodFromStart(kind, start, caller.settings.calendar, 'strict');
  } catch (error) {
    throw new ApiError(400, 'validation_failed', (error as Error).message, [
      { path: 'period.start', code: 'custom', message: (error as Error).message },
    ]);
  }
}

export function assertKnownMetric(caller: Caller, metric: string): void {
  if (!findMetric(metric, caller.settings)) {
    throw new ApiError(400, 'validation_failed', `metric ${metric} is not defined for this team`);
  }
}

/**
 * A ratio KPI's target (shared/domain/ratios.ts) is the ratio to reach, compared as a ratio: it
 * is neither paced over the period's days nor split among reps, so it takes no curve or split.
 */
function assertRatioTarget(input: { curve?: unknown; split?: unknown }): void {
  if (input.curve !== undefined || input.split !== undefined) {
    throw new ApiError(
      400,
      'validation_failed',
      'a ratio target applies as is to every rep and is not paced or split: send no curve or split',
    );
  }
}

/** Which stored targets the caller may read: their subtree's (managers) or their own (reps). */
export function visibleTo(caller: Caller, allTeams: TeamRow[], memberTeam: Map<string, string>) {
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
      const [allTeams, members, membership] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
        loadMembership(db, caller.org.id),
      ]);
      const ctx: SplitContext = { teams: allTeams, membership, cal: caller.settings.calendar };
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
        if (t.scope !== 'team' || isRatio(t.metric)) return targetView(t);
        const view = { ...targetView(t), allocation: allocationOf(t, ctx, rows) };
        return ownShareOnly(t) ? onlyShareOf(view, caller.member.id) : view;
      });
      return c.json({ targets: withAllocation }, 200);
    },
  )
  .put(
    '/',
    documented({
      summary:
        'Set a member or team target (upsert per subject, metric and period; refused in a closed period; kept in its history)',
      auth: 'manager',
      responses: { 200: PutTargetResponse },
    }),
    requireManager,
    validate('json', TargetInput),
    async (c) => {
      const input = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      if (isRatio(input.metric)) assertRatioTarget(input);
      else assertKnownMetric(caller, input.metric);
      if (input.breakdown && !canBreakDown(input.metric)) {
        throw new ApiError(
          400,
          'validation_failed',
          `only revenue and deal targets break down by customer segment, not ${input.metric}`,
          [{ path: 'breakdown', code: 'custom', message: 'not for this metric' }],
        );
      }
      if (input.breakdown?.by === 'category') {
        const known = new Set((caller.settings.productCategories ?? []).map((x) => x.id));
        const unknown = input.breakdown.parts.find((p) => !known.has(p.category));
        if (unknown) {
          throw new ApiError(
            400,
            'validation_failed',
            `category ${unknown.category} is not one of this team's product categories`,
            [{ path: 'breakdown.parts', code: 'custom', message: 'unknown category' }],
          );
        }
      }
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
      const [allTeams, reopenings] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadOpenReopenings(db, caller.org.id),
      ]);
      let subjectId: string;
      let subjectTeam: string;
      if (input.scope === 'member') {
        const member = await memberOr404(db, caller.org.id, input.memberId as string);
        assertCanActOn(caller, member, allTeams);
        if (!member.active) throw notFound('member');
        subjectId = member.id;
        subjectTeam = member.teamId;
      } else {
        subjectId = managedTeamOr403(caller, allTeams, input.teamId as string).id;
        subjectTeam = subjectId;
      }
      const clock = new Date();
      if (isLocked(period, subjectTeam, allTeams, reopenings, orgToday(caller.settings, clock))) {
        throw periodClosed(period);
      }
      const before = await db
        .select()
        .from(targets)
        .where(
          and(
            eq(targets.orgId, caller.org.id),
            eq(targets.scope, input.scope),
            eq(targets.subjectId, subjectId),
            eq(targets.metric, input.metric),
            eq(targets.periodKind, period.kind),
            eq(targets.periodStart, period.start),
          ),
        )
        .get();
      const now = clock.toISOString();
      const values = {
        value: input.value,
        periodEnd: period.end,
        curve: input.curve ? JSON.stringify(input.curve) : null,
        split: input.split ? JSON.stringify(input.split) : null,
        breakdown: input.breakdown ? JSON.stringify(input.breakdown) : null,
        updatedAt: now,
      };
      const [upserted] = await db.batch([
        ...upsertTarget(db, {
          orgId: caller.org.id,
          key: {
            scope: input.scope,
            subjectId,
            metric: input.metric,
            periodKind: period.kind,
            periodStart: period.start,
          },
          values,
          before: before ?? null,
          by: caller.member.id,
          reason: input.reason ?? null,
        }),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      const row = upserted[0] as TargetRow;
      let allocation: ReturnType<typeof allocationOf> | undefined;
      if (row.scope === 'team' && !isRatio(row.metric)) {
        const [membership, rows] = await Promise.all([
          loadMembership(db, caller.org.id),
          db.select().from(targets).where(eq(targets.orgId, caller.org.id)).all(),
        ]);
        const ctx = { teams: allTeams, membership, cal: caller.settings.calendar };
        allocation = allocationOf(row, ctx, rows);
      }
      return c.json({ target: targetView(row), ...(allocation ? { allocation } : {}) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({
      summary: 'Delete a target (refused in a closed period; kept in its history, with a reason)',
      auth: 'manager',
      responses: { 200: TargetResponse },
    }),
    requireManager,
    validate('param', z.object({ id: Id })),
    validate('query', DeleteTargetQuery),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await loadTargetInOrg(db, caller.org.id, id);
      if (!row) throw notFound('target');
      const [allTeams, reopenings] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadOpenReopenings(db, caller.org.id),
      ]);
      let subjectTeam = row.subjectId;
      if (row.scope === 'team') managedTeamOr403(caller, allTeams, row.subjectId);
      else {
        const member = await memberOr404(db, caller.org.id, row.subjectId);
        assertCanActOn(caller, member, allTeams);
        subjectTeam = member.teamId;
      }
      const clock = new Date();
      const period = { start: row.periodStart, end: row.periodEnd };
      if (isLocked(period, subjectTeam, allTeams, reopenings, orgToday(caller.settings, clock))) {
        throw periodClosed(period);
      }
      await db.batch([
        db.delete(targets).where(eq(targets.id, id)),
        bumpVersion(db, caller.org.id, 'config'),
        recordChange(db, {
          orgId: caller.org.id,
          before: row,
          after: null,
          by: caller.member.id,
          at: clock.toISOString(),
          reason: c.req.valid('query').reason ?? null,
        }),
      ]);
      return c.json({ target: targetView(row) }, 200);
    },
  );
