/**
 * What targets carry beyond their value: their history, the reopening of closed periods, the
 * allocation tree of a team target (allocated vs target at every level), who shares a team's
 * targets day by day in a period (the editor previews a split with it), and a year or quarter
 * target against the month targets inside it, with the re-spread that makes it exact.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  type AllocationLevel,
  AllocationQuery,
  AllocationResponse,
  GetTargetChangesResponse,
  Id,
  MismatchQuery,
  MismatchResponse,
  ReopeningResponse,
  ReopeningsResponse,
  ReopenRequest,
  RespreadRequest,
  TargetMembershipQuery,
  TargetMembershipResponse,
} from '../../shared/api/index.ts';
import { allocationTree, periodMismatch, type TreeLevel } from '../../shared/domain/allocation.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { targetReopenings, targets } from '../db/schema.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { conflict, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { loadMembership, loadMembershipOn } from '../members/history.ts';
import { loadActiveMembers, loadMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams, type TeamRow } from '../teams/queries.ts';
import { changesOf, upsertTarget } from './changes.ts';
import { orgToday, reopeningView } from './locks.ts';
import {
  loadTargetInOrg,
  repSplit,
  rescaledBreakdown,
  resolvedGroup,
  type TargetRow,
} from './queries.ts';
import { assertKnownMetric, resolvePeriod, visibleTo } from './routes.ts';

const idParam = validate('param', z.object({ id: Id }));

/** The subject's targets of one metric: a team's or a member's (the caller may act on). */
async function subjectTargets(
  db: Db,
  caller: Caller,
  teams: TeamRow[],
  subject: { teamId?: string | undefined; memberId?: string | undefined },
  metric: string,
) {
  let scope: 'team' | 'member';
  let subjectId: string;
  if (subject.teamId !== undefined) {
    subjectId = managedTeamOr403(caller, teams, subject.teamId).id;
    scope = 'team';
  } else {
    const member = await memberOr404(db, caller.org.id, subject.memberId as string);
    assertCanActOn(caller, member, teams);
    subjectId = member.id;
    scope = 'member';
  }
  const rows = await db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.orgId, caller.org.id),
        eq(targets.scope, scope),
        eq(targets.subjectId, subjectId),
        eq(targets.metric, metric),
      ),
    )
    .all();
  return { scope, subjectId, rows };
}

/** The year or quarter target and the month targets inside it, as `periodMismatch` reads them. */
function mismatchOf(caller: Caller, rows: TargetRow[], kind: 'year' | 'quarter', start: string) {
  const outer = rows.find((r) => r.periodKind === kind && r.periodStart === start);
  if (!outer) return { outer: undefined, mismatch: null };
  const months = new Map(
    rows
      .filter(
        (r) =>
          r.periodKind === 'month' &&
          r.periodStart >= outer.periodStart &&
          r.periodEnd <= outer.periodEnd,
      )
      .map((r) => [r.periodStart, r.value]),
  );
  const mismatch = periodMismatch({
    period: { kind, start: outer.periodStart },
    value: outer.value,
    months,
    today: orgToday(caller.settings, new Date()),
    cal: caller.settings.calendar,
  });
  return { outer, mismatch };
}

export const targetAuditRoutes = new Hono<AppEnv>()
  .use(requireMember)
  /** A target's history, newest first (whoever may read the target). */
  .get(
    '/:id/changes',
    documented({
      summary: "A target's history: who changed it, when, old → new and why (newest first)",
      auth: 'member',
      responses: { 200: GetTargetChangesResponse },
    }),
    idParam,
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await loadTargetInOrg(db, caller.org.id, c.req.valid('param').id);
      if (!row) throw notFound('target');
      const [teams, members] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
      ]);
      if (!visibleTo(caller, teams, new Map(members.map((m) => [m.id, m.teamId])))(row)) {
        throw notFound('target');
      }
      return c.json({ changes: await changesOf(db, caller.org.id, row) }, 200);
    },
  )
  .get(
    '/reopenings',
    documented({
      summary:
        'Closed spans reopened for target edits on teams you manage, and when they closed again',
      auth: 'manager',
      responses: { 200: ReopeningsResponse },
    }),
    requireManager,
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const teams = await loadTeams(db, caller.org.id);
      const rows = await db
        .select()
        .from(targetReopenings)
        .where(eq(targetReopenings.orgId, caller.org.id))
        .all();
      const mine = rows.filter((r) => {
        try {
          managedTeamOr403(caller, teams, r.teamId);
          return true;
        } catch {
          return false;
        }
      });
      mine.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
      return c.json({ reopenings: mine.map(reopeningView) }, 200);
    },
  )
  /** Opens closed periods of a team's subtree for target edits again; kept with who and why. */
  .post(
    '/reopenings',
    documented({
      summary: "Reopen a closed span for target edits on a team's subtree (kept with who and why)",
      auth: 'manager',
      responses: { 201: ReopeningResponse },
    }),
    requireManager,
    validate('json', ReopenRequest),
    async (c) => {
      const input = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), input.teamId);
      const row = {
        id: newId(),
        orgId: caller.org.id,
        teamId: input.teamId,
        start: input.start,
        end: input.end,
        reason: input.reason,
        openedBy: caller.member.id,
        openedAt: new Date().toISOString(),
        closedBy: null,
        closedAt: null,
      };
      await db.insert(targetReopenings).values(row).run();
      return c.json({ reopening: reopeningView(row) }, 201);
    },
  )
  /** Closes a reopened span again (kept: who and when). */
  .post(
    '/reopenings/:id/close',
    documented({
      summary: 'Close a reopened span again (kept with who and when)',
      auth: 'manager',
      responses: { 200: ReopeningResponse },
    }),
    requireManager,
    idParam,
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await db
        .select()
        .from(targetReopenings)
        .where(
          and(
            eq(targetReopenings.id, c.req.valid('param').id),
            eq(targetReopenings.orgId, caller.org.id),
          ),
        )
        .get();
      if (!row) throw notFound('reopening');
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), row.teamId);
      if (row.closedAt !== null) throw conflict('this reopening is already closed');
      const closed = { ...row, closedBy: caller.member.id, closedAt: new Date().toISOString() };
      await db
        .update(targetReopenings)
        .set({ closedBy: closed.closedBy, closedAt: closed.closedAt })
        .where(eq(targetReopenings.id, row.id))
        .run();
      return c.json({ reopening: reopeningView(closed) }, 200);
    },
  )
  /** A team target's allocation tree: every level's target, allocated and gap (managers). */
  .get(
    '/allocation',
    documented({
      summary: "A team target's allocation tree: each level's target, allocated and gap",
      auth: 'manager',
      responses: { 200: AllocationResponse },
    }),
    requireManager,
    validate('query', AllocationQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      assertKnownMetric(caller, q.metric);
      const period = resolvePeriod(caller, q.kind, q.start);
      const [teams, membership, rows] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadMembership(db, caller.org.id),
        db.select().from(targets).where(eq(targets.orgId, caller.org.id)).all(),
      ]);
      managedTeamOr403(caller, teams, q.team);
      const key = { metric: q.metric, periodKind: period.kind, periodStart: period.start };
      const resolved = resolvedGroup(rows, teams, key);
      const ctx = { teams, membership, cal: caller.settings.calendar };
      const curveOf = (teamId: string) =>
        rows.find(
          (r) =>
            r.scope === 'team' &&
            r.subjectId === teamId &&
            r.metric === q.metric &&
            r.periodKind === period.kind &&
            r.periodStart === period.start,
        )?.curve ?? null;
      const tree = allocationTree(
        teams,
        q.team,
        resolved,
        (t) =>
          repSplit(ctx, t, { kind: period.kind, start: period.start }, curveOf(t.teamId)).allocation
            .shares,
      );
      const names = new Map(teams.map((t) => [t.id, t.name]));
      const named = (level: TreeLevel): AllocationLevel => ({
        ...level,
        name: names.get(level.teamId) ?? '',
        children: level.children.map(named),
      });
      return c.json({ tree: named(tree) }, 200);
    },
  )
  /**
   * Who shares a team's targets in a period: the stretches on its subtree overlapping the period
   * and their members' names (managers of the team). Cost: the org's teams and members, one
   * indexed read per stretch on the subtree.
   */
  .get(
    '/membership',
    documented({
      summary:
        "Who shares a team's targets in a period, day by day: the membership stretches on its subtree",
      auth: 'manager',
      responses: { 200: TargetMembershipResponse },
    }),
    requireManager,
    validate('query', TargetMembershipQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      const period = resolvePeriod(caller, q.kind, q.start);
      const [teams, members] = await Promise.all([
        loadTeams(db, caller.org.id),
        loadMembers(db, caller.org.id),
      ]);
      managedTeamOr403(caller, teams, q.team);
      const stretches = (
        await loadMembershipOn(db, caller.org.id, subtreeIds(teams, q.team))
      ).filter((p) => p.from <= period.end && (p.until === null || p.until > period.start));
      stretches.sort(
        (a, b) => a.memberId.localeCompare(b.memberId) || a.from.localeCompare(b.from),
      );
      const ids = new Set(stretches.map((p) => p.memberId));
      const named = members
        .filter((m) => ids.has(m.id))
        .map((m) => ({ id: m.id, name: m.name, active: m.active }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return c.json({ period, stretches, members: named }, 200);
    },
  )
  /** A year or quarter target against its months: the total, the gap, the re-spread (managers). */
  .get(
    '/mismatch',
    documented({
      summary: 'A year or quarter target against the month targets inside it, with the re-spread',
      auth: 'manager',
      responses: { 200: MismatchResponse },
    }),
    requireManager,
    validate('query', MismatchQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      assertKnownMetric(caller, q.metric);
      const period = resolvePeriod(caller, q.kind, q.start);
      const teams = await loadTeams(db, caller.org.id);
      const { rows } = await subjectTargets(
        db,
        caller,
        teams,
        { teamId: q.team, memberId: q.member },
        q.metric,
      );
      return c.json({ mismatch: mismatchOf(caller, rows, q.kind, period.start).mismatch }, 200);
    },
  )
  /**
   * Sets every open month without its own target (not ended, inside the year or quarter) to its
   * re-spread value, so the whole is exact again; each month's change is kept in its history.
   */
  .post(
    '/respread',
    documented({
      summary:
        'Re-spread the remaining months of a year or quarter target so the whole stays exact',
      auth: 'manager',
      responses: { 200: MismatchResponse },
    }),
    requireManager,
    validate('json', RespreadRequest),
    async (c) => {
      const input = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      assertKnownMetric(caller, input.metric);
      const period = resolvePeriod(caller, input.period.kind, input.period.start);
      const teams = await loadTeams(db, caller.org.id);
      const { scope, subjectId, rows } = await subjectTargets(
        db,
        caller,
        teams,
        input,
        input.metric,
      );
      const { outer, mismatch } = mismatchOf(caller, rows, input.period.kind, period.start);
      if (!outer || !mismatch) throw notFound('target');
      const open = mismatch.months.filter((m) => m.respread !== null);
      if (open.length === 0) {
        throw conflict(
          'no open month without its own target is left to re-spread into, or the months set already exceed the target',
          mismatch,
        );
      }
      const now = new Date().toISOString();
      const writes = open.flatMap((m) => {
        const month = resolvePeriod(caller, 'month', m.start);
        return upsertTarget(db, {
          orgId: caller.org.id,
          key: {
            scope,
            subjectId,
            metric: input.metric,
            periodKind: 'month',
            periodStart: month.start,
          },
          values: {
            value: m.respread as number,
            periodEnd: month.end,
            curve: null,
            split: outer.split,
            // The month keeps the outer target's proportions by customer segment.
            breakdown: rescaledBreakdown(m.respread as number, outer.breakdown),
            updatedAt: now,
          },
          before: null,
          by: caller.member.id,
          reason:
            input.reason ?? `re-spread to keep ${outer.periodKind} ${outer.periodStart} exact`,
        });
      });
      await db.batch([bumpVersion(db, caller.org.id, 'config'), ...writes]);
      const after = await subjectTargets(db, caller, teams, input, input.metric);
      return c.json(
        { mismatch: mismatchOf(caller, after.rows, input.period.kind, period.start).mismatch },
        200,
      );
    },
  );
