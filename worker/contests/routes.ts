/**
 * Contests: managers create, edit and cancel contests for a team they manage; its members
 * (and its managers) see them, their standings per round and, for the sidebar, their own place
 * in every running one. Other organisations' ids answer 404, other subtrees' 403.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  ContestBoardResponse,
  ContestListResponse,
  ContestResponse,
  ContestStandingsResponse,
  type ContestView,
  CreateContestRequest,
  Id,
  type OrgSettings,
  RunningContestsResponse,
  StandingsQuery,
  UpdateContestRequest,
} from '../../shared/api/index.ts';
import { MIN_COMPETING_TEAMS, visibleStandings } from '../../shared/domain/contests.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { ancestorIds, subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { contests } from '../db/schema.ts';
import { boardTeamOr403, managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { changeToken, clientHasCurrent } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { newId } from '../sessions/crypto.ts';
import { canReadBoard, loadTeams, managedTeamIds, type TeamRow } from '../teams/queries.ts';
import {
  type ContestRow,
  POINTS,
  type RoundInfo,
  roundInGrace,
  roundOn,
  standingsOf,
} from './standings.ts';

const view = (row: ContestRow): ContestView => ({
  id: row.id,
  teamId: row.teamId,
  name: row.name,
  metric: row.metric,
  mode: row.mode,
  recurrence: row.recurrence,
  start: row.start,
  end: row.end,
  prize: row.prize,
  graceWorkdays: row.graceWorkdays,
  status: row.status,
  createdAt: row.createdAt,
});

function assertMetric(metric: string, settings: OrgSettings): void {
  if (metric !== POINTS && !findMetric(metric, settings)) {
    throw badRequest(`no such metric: ${metric} (use a metric id or points)`);
  }
}

/** Team against team needs enough sub-teams to compete (shared/domain: MIN_COMPETING_TEAMS). */
function assertTeamsCanCompete(mode: ContestRow['mode'], teamId: string, teams: TeamRow[]): void {
  if (mode !== 'teams') return;
  const children = teams.filter((t) => t.parentId === teamId).length;
  if (children < MIN_COMPETING_TEAMS) {
    throw badRequest(
      `team against team needs at least ${MIN_COMPETING_TEAMS} sub-teams under the contest's team (it has ${children})`,
    );
  }
}

/** Managers of the contest's team, and everyone competing in it, may see it. */
function canSee(caller: Caller, teams: TeamRow[], contest: ContestRow): boolean {
  return canReadBoard(caller, teams, contest.teamId);
}

async function loadContest(db: Db, orgId: string, id: string): Promise<ContestRow> {
  const row = await db
    .select()
    .from(contests)
    .where(and(eq(contests.id, id), eq(contests.orgId, orgId)))
    .get();
  if (!row) throw notFound('contest');
  return row;
}

async function visibleContest(c: { var: AppEnv['Variables'] }, id: string) {
  const caller = c.var.caller;
  const [contest, teams] = await Promise.all([
    loadContest(c.var.db, caller.org.id, id),
    loadTeams(c.var.db, caller.org.id),
  ]);
  if (!canSee(caller, teams, contest)) throw forbidden('this contest is not your team’s');
  return { contest, teams };
}

/**
 * The rounds a board and the sidebar show: the running one, and the one just over while it is
 * still provisional (in its grace), so late logs and the coming settlement are visible.
 */
function roundsShown(contest: ContestRow, today: string, settings: OrgSettings) {
  return [roundOn(contest, today, today, settings), roundInGrace(contest, today, settings)].filter(
    (round) => round !== null,
  );
}

/** Running rounds first, the soonest ending first; then the rounds awaiting settlement. */
const byRound = (a: { round: RoundInfo }, b: { round: RoundInfo }) =>
  Number(a.round.decided) - Number(b.round.decided) ||
  (a.round.endsAt < b.round.endsAt ? -1 : a.round.endsAt > b.round.endsAt ? 1 : 0);

const orgToday = (settings: OrgSettings) => localDateOf(new Date(), settings.calendar.timezone);
const idParam = validate('param', z.object({ id: Id }));

export const contestsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: "Contests of the caller's teams (managed or competed in)",
      auth: 'member',
      responses: { 200: ContestListResponse },
    }),
    validate(
      'query',
      z.object({ status: z.enum(['active', 'cancelled', 'all']).default('active') }),
    ),
    async (c) => {
      const caller = c.var.caller;
      const { status } = c.req.valid('query');
      const [rows, teams] = await Promise.all([
        c.var.db.select().from(contests).where(eq(contests.orgId, caller.org.id)).all(),
        loadTeams(c.var.db, caller.org.id),
      ]);
      const shown = rows
        .filter((r) => (status === 'all' || r.status === status) && canSee(caller, teams, r))
        .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
      return c.json({ contests: shown.map(view) }, 200);
    },
  )
  .post(
    '/',
    documented({
      summary: 'Create a contest for a team you manage',
      auth: 'manager',
      responses: { 201: ContestResponse },
    }),
    requireManager,
    validate('json', CreateContestRequest),
    async (c) => {
      const input = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      assertMetric(input.metric, caller.settings);
      const teams = await loadTeams(db, caller.org.id);
      managedTeamOr403(caller, teams, input.teamId);
      assertTeamsCanCompete(input.mode, input.teamId, teams);
      const row: ContestRow = {
        id: newId(),
        orgId: caller.org.id,
        ...input,
        status: 'active',
        createdBy: caller.member.id,
        createdAt: new Date().toISOString(),
      };
      await db.batch([db.insert(contests).values(row), bumpVersion(db, caller.org.id, 'board')]);
      return c.json({ contest: view(row) }, 201);
    },
  )
  .get(
    '/running',
    documented({
      summary:
        "The caller's running contests, and those just over awaiting settlement (provisional), with their place (or none: `takingPart`) and the one ahead as far as the team's privacy mode shows them (ETag)",
      auth: 'member',
      responses: { 200: RunningContestsResponse },
    }),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const today = orgToday(caller.settings);
      const etag = await changeToken(caller.org.version, ['running', caller.member.id, today]);
      if (clientHasCurrent(c, etag)) return c.body(null, 304);
      const [rows, teams, members] = await Promise.all([
        db
          .select()
          .from(contests)
          .where(and(eq(contests.orgId, caller.org.id), eq(contests.status, 'active')))
          .all(),
        loadTeams(db, caller.org.id),
        loadActiveMembers(db, caller.org.id),
      ]);
      const mine = rows.filter((r) => subtreeIds(teams, r.teamId).has(caller.member.teamId));
      const managedTeams = managedTeamIds(caller, teams);
      const running = [];
      for (const contest of mine) {
        for (const round of roundsShown(contest, today, caller.settings)) {
          const standings = await standingsOf(db, {
            contest,
            round,
            settings: caller.settings,
            teams,
            members,
            viewer: caller.member,
            managedTeams,
          });
          // A round over whose result is already stored is settled: no longer shown.
          if (standings.round.decided && !standings.round.provisional) continue;
          const { you, takingPart } = standings;
          running.push({ contest: view(contest), round: standings.round, you, takingPart });
        }
      }
      running.sort(byRound);
      return c.json({ contests: running }, 200);
    },
  )
  .get(
    '/board',
    documented({
      summary:
        "A board's (or TV link's: its manager's view) running contests, and those just over awaiting settlement (provisional), with standings under the team's privacy mode (ETag)",
      auth: 'member',
      responses: { 200: ContestBoardResponse },
    }),
    validate('query', z.object({ team: Id.optional() })),
    async (c) => {
      // The board's and TV's view: running contests of the team, its sub-teams and the teams
      // above it, each with its standings as the caller may see them (the leaderboard's privacy
      // rules; a TV link is its manager, so it sees every entry of the contests of teams that
      // manager manages, and the others under the team's privacy mode, as the leaderboard).
      const caller = c.var.caller;
      const db = c.var.db;
      const teamId = c.req.valid('query').team ?? caller.member.teamId;
      const today = orgToday(caller.settings);
      const etag = await changeToken(caller.org.version, [
        'board',
        caller.member.id,
        teamId,
        today,
      ]);
      if (clientHasCurrent(c, etag)) return c.body(null, 304);
      const { below, all } = await boardTeamOr403(db, caller, teamId);
      const above = ancestorIds(all, teamId);
      const [rows, members] = await Promise.all([
        db
          .select()
          .from(contests)
          .where(and(eq(contests.orgId, caller.org.id), eq(contests.status, 'active')))
          .all(),
        loadActiveMembers(db, caller.org.id),
      ]);
      const managedTeams = managedTeamIds(caller, all);
      const shown = [];
      for (const contest of rows) {
        if (!below.has(contest.teamId) && !above.has(contest.teamId)) continue;
        // A board above two teams shows a contest only to who may see the contest itself.
        if (!canSee(caller, all, contest)) continue;
        for (const round of roundsShown(contest, today, caller.settings)) {
          const standings = await standingsOf(db, {
            contest,
            round,
            settings: caller.settings,
            teams: all,
            members,
            viewer: caller.member,
            managedTeams,
          });
          if (standings.round.decided && !standings.round.provisional) continue;
          const { entries, visibility, takingPart } = standings;
          shown.push({
            contest: view(contest),
            round: standings.round,
            entries,
            visibility,
            takingPart,
          });
        }
      }
      shown.sort(byRound);
      return c.json({ contests: shown }, 200);
    },
  )
  .get(
    '/:id',
    documented({ summary: 'One contest', auth: 'member', responses: { 200: ContestResponse } }),
    idParam,
    async (c) => {
      const { contest } = await visibleContest(c, c.req.valid('param').id);
      return c.json({ contest: view(contest) }, 200);
    },
  )
  .get(
    '/:id/standings',
    documented({
      summary:
        "Standings of the round on a day (default today) under the team's privacy mode; provisional until the round settles (its grace in workdays after its end), then the stored final standings and winners, public (ETag)",
      auth: 'member',
      responses: { 200: ContestStandingsResponse },
    }),
    idParam,
    validate('query', StandingsQuery),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const { date } = c.req.valid('query');
      const today = orgToday(caller.settings);
      const id = c.req.valid('param').id;
      const etag = await changeToken(caller.org.version, [
        'standings',
        id,
        caller.member.id,
        date ?? null,
        today,
      ]);
      if (clientHasCurrent(c, etag)) return c.body(null, 304);
      const { contest, teams } = await visibleContest(c, id);
      const round = roundOn(contest, date ?? today, today, caller.settings);
      const managedTeams = managedTeamIds(caller, teams);
      if (!round) {
        const { visibility } = visibleStandings({
          ranked: [],
          viewerId: caller.member.id,
          contenders: contest.mode,
          privacy: caller.settings.privacy,
          viewerIsManager: managedTeams.has(contest.teamId),
        });
        return c.json(
          {
            contest: view(contest),
            round: null,
            entries: [],
            visibility,
            you: null,
            takingPart: 'none' as const,
            winners: [],
          },
          200,
        );
      }
      const members = await loadActiveMembers(db, caller.org.id);
      const standings = await standingsOf(db, {
        contest,
        round,
        settings: caller.settings,
        teams,
        members,
        viewer: caller.member,
        managedTeams,
      });
      return c.json({ contest: view(contest), ...standings }, 200);
    },
  )
  .patch(
    '/:id',
    documented({
      summary: 'Edit a contest of a team you manage',
      auth: 'manager',
      responses: { 200: ContestResponse },
    }),
    requireManager,
    idParam,
    validate('json', UpdateContestRequest),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const changes = c.req.valid('json');
      const current = await loadContest(db, caller.org.id, c.req.valid('param').id);
      const teams = await loadTeams(db, caller.org.id);
      managedTeamOr403(caller, teams, current.teamId);
      const next = { ...current, ...changes };
      // The edited schedule must still make sense as a whole.
      const checked = CreateContestRequest.safeParse({ ...view(next) });
      if (!checked.success) throw badRequest(checked.error.issues.map((i) => i.message).join('; '));
      assertMetric(next.metric, caller.settings);
      if (changes.mode) assertTeamsCanCompete(next.mode, next.teamId, teams);
      await db.batch([
        db.update(contests).set(changes).where(eq(contests.id, current.id)),
        bumpVersion(db, caller.org.id, 'board'),
      ]);
      return c.json({ contest: view(next) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({
      summary: 'Cancel a contest of a team you manage',
      auth: 'manager',
      responses: { 200: ContestResponse },
    }),
    requireManager,
    idParam,
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const current = await loadContest(db, caller.org.id, c.req.valid('param').id);
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), current.teamId);
      await db.batch([
        db.update(contests).set({ status: 'cancelled' }).where(eq(contests.id, current.id)),
        bumpVersion(db, caller.org.id, 'board'),
      ]);
      return c.json({ contest: view({ ...current, status: 'cancelled' }) }, 200);
    },
  );
