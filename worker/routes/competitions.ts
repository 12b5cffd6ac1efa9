/**
 * Competitions: managers create, edit and cancel contests for a team they manage; its members
 * (and its managers) see them, their standings per round and, for the sidebar, their own place
 * in every running one. Other organisations' ids answer 404, other subtrees' 403.
 */
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  type CompetitionView,
  CreateCompetitionRequest,
  Id,
  type OrgSettings,
  StandingsQuery,
  UpdateCompetitionRequest,
} from '../../shared/api/index.ts';
import { MIN_COMPETING_TEAMS, visibleStandings } from '../../shared/domain/competitions.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import {
  type CompetitionRow,
  POINTS,
  roundOn,
  standingsOf,
} from '../compute/competition-standings.ts';
import type { AppEnv, Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { competitions, orgs } from '../db/schema.ts';
import { newId } from '../lib/crypto.ts';
import { badRequest, forbidden, notFound } from '../lib/errors.ts';
import { changeToken, clientHasCurrent } from '../lib/etag.ts';
import { requireManager, requireMember } from '../middleware/auth.ts';
import { validate } from '../middleware/validate.ts';
import { loadActiveMembers } from '../queries/members.ts';
import {
  ancestorIds,
  boardTeam,
  loadTeams,
  managedTeam,
  managedTeamIds,
  subtreeIds,
  type TeamRow,
} from '../queries/teams.ts';
import { honourRound } from '../writes/honours.ts';

const view = (row: CompetitionRow): CompetitionView => ({
  id: row.id,
  teamId: row.teamId,
  name: row.name,
  metric: row.metric,
  mode: row.mode,
  recurrence: row.recurrence,
  start: row.start,
  end: row.end,
  prize: row.prize,
  status: row.status,
  createdAt: row.createdAt,
});

/** Competitions change what boards show: bump the org counter (not the config one, which would drop the figure cache). */
const bumpBoard = (db: Db, orgId: string) =>
  db
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, orgId));

function assertMetric(metric: string, settings: OrgSettings): void {
  if (metric !== POINTS && !findMetric(metric, settings)) {
    throw badRequest(`no such metric: ${metric} (use a metric id or points)`);
  }
}

/** Team against team needs enough sub-teams to compete (shared/domain: MIN_COMPETING_TEAMS). */
function assertTeamsCanCompete(
  mode: CompetitionRow['mode'],
  teamId: string,
  teams: TeamRow[],
): void {
  if (mode !== 'teams') return;
  const children = teams.filter((t) => t.parentId === teamId).length;
  if (children < MIN_COMPETING_TEAMS) {
    throw badRequest(
      `team against team needs at least ${MIN_COMPETING_TEAMS} sub-teams under the contest's team (it has ${children})`,
    );
  }
}

/** Managers of the competition's team, and everyone competing in it, may see it. */
function canSee(caller: Caller, teams: TeamRow[], competition: CompetitionRow): boolean {
  return (
    managedTeamIds(caller, teams).has(competition.teamId) ||
    subtreeIds(teams, competition.teamId).has(caller.member.teamId)
  );
}

async function loadCompetition(db: Db, orgId: string, id: string): Promise<CompetitionRow> {
  const row = await db
    .select()
    .from(competitions)
    .where(and(eq(competitions.id, id), eq(competitions.orgId, orgId)))
    .get();
  if (!row) throw notFound('competition');
  return row;
}

async function visibleCompetition(c: { var: AppEnv['Variables'] }, id: string) {
  const caller = c.var.caller;
  const [competition, teams] = await Promise.all([
    loadCompetition(c.var.db, caller.org.id, id),
    loadTeams(c.var.db, caller.org.id),
  ]);
  if (!canSee(caller, teams, competition)) throw forbidden('this competition is not your team’s');
  return { competition, teams };
}

const orgToday = (settings: OrgSettings) => localDateOf(new Date(), settings.calendar.timezone);
const idParam = validate('param', z.object({ id: Id }));

export const competitionsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    validate(
      'query',
      z.object({ status: z.enum(['active', 'cancelled', 'all']).default('active') }),
    ),
    async (c) => {
      const caller = c.var.caller;
      const { status } = c.req.valid('query');
      const [rows, teams] = await Promise.all([
        c.var.db.select().from(competitions).where(eq(competitions.orgId, caller.org.id)).all(),
        loadTeams(c.var.db, caller.org.id),
      ]);
      const shown = rows
        .filter((r) => (status === 'all' || r.status === status) && canSee(caller, teams, r))
        .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
      return c.json({ competitions: shown.map(view) }, 200);
    },
  )
  .post('/', requireManager, validate('json', CreateCompetitionRequest), async (c) => {
    const input = c.req.valid('json');
    const caller = c.var.caller;
    const db = c.var.db;
    assertMetric(input.metric, caller.settings);
    const teams = await loadTeams(db, caller.org.id);
    managedTeam(caller, teams, input.teamId);
    assertTeamsCanCompete(input.mode, input.teamId, teams);
    const row: CompetitionRow = {
      id: newId(),
      orgId: caller.org.id,
      ...input,
      status: 'active',
      createdBy: caller.member.id,
      createdAt: new Date().toISOString(),
    };
    await db.batch([db.insert(competitions).values(row), bumpBoard(db, caller.org.id)]);
    return c.json({ competition: view(row) }, 201);
  })
  .get('/running', async (c) => {
    const caller = c.var.caller;
    const db = c.var.db;
    const today = orgToday(caller.settings);
    const etag = await changeToken(caller.org.version, ['running', caller.member.id, today]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);
    const [rows, teams, members] = await Promise.all([
      db
        .select()
        .from(competitions)
        .where(and(eq(competitions.orgId, caller.org.id), eq(competitions.status, 'active')))
        .all(),
      loadTeams(db, caller.org.id),
      loadActiveMembers(db, caller.org.id),
    ]);
    const mine = rows.filter((r) => subtreeIds(teams, r.teamId).has(caller.member.teamId));
    const managedTeams = managedTeamIds(caller, teams);
    const running = [];
    for (const competition of mine) {
      const round = roundOn(competition, today, today, caller.settings);
      if (!round) continue;
      const { you, takingPart } = await standingsOf(db, {
        competition,
        round,
        settings: caller.settings,
        teams,
        members,
        viewer: caller.member,
        managedTeams,
      });
      running.push({ competition: view(competition), round, you, takingPart });
    }
    running.sort((a, b) => (a.round.endsAt < b.round.endsAt ? -1 : 1));
    return c.json({ competitions: running }, 200);
  })
  .get('/board', validate('query', z.object({ team: Id.optional() })), async (c) => {
    // The board's and TV's view: running contests of the team, its sub-teams and the teams
    // above it, each with its standings as the caller may see them (the leaderboard's privacy
    // rules; a TV link is its manager, so it sees every entry of the contests of teams that
    // manager manages, and the others under the team's privacy mode, as the leaderboard).
    const caller = c.var.caller;
    const db = c.var.db;
    const teamId = c.req.valid('query').team ?? caller.member.teamId;
    const today = orgToday(caller.settings);
    const etag = await changeToken(caller.org.version, ['board', caller.member.id, teamId, today]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);
    const { below, all } = await boardTeam(db, caller, teamId);
    const above = ancestorIds(all, teamId);
    const [rows, members] = await Promise.all([
      db
        .select()
        .from(competitions)
        .where(and(eq(competitions.orgId, caller.org.id), eq(competitions.status, 'active')))
        .all(),
      loadActiveMembers(db, caller.org.id),
    ]);
    const managedTeams = managedTeamIds(caller, all);
    const shown = [];
    for (const competition of rows) {
      if (!below.has(competition.teamId) && !above.has(competition.teamId)) continue;
      // A board above two teams shows a contest only to who may see the contest itself.
      if (!canSee(caller, all, competition)) continue;
      const round = roundOn(competition, today, today, caller.settings);
      if (!round) continue;
      const standings = await standingsOf(db, {
        competition,
        round,
        settings: caller.settings,
        teams: all,
        members,
        viewer: caller.member,
        managedTeams,
      });
      const { entries, visibility, takingPart } = standings;
      shown.push({ competition: view(competition), round, entries, visibility, takingPart });
    }
    shown.sort((a, b) => (a.round.endsAt < b.round.endsAt ? -1 : 1));
    return c.json({ competitions: shown }, 200);
  })
  .get('/:id', idParam, async (c) => {
    const { competition } = await visibleCompetition(c, c.req.valid('param').id);
    return c.json({ competition: view(competition) }, 200);
  })
  .get('/:id/standings', idParam, validate('query', StandingsQuery), async (c) => {
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
    const { competition, teams } = await visibleCompetition(c, id);
    const round = roundOn(competition, date ?? today, today, caller.settings);
    const managedTeams = managedTeamIds(caller, teams);
    if (!round) {
      const { visibility } = visibleStandings({
        ranked: [],
        viewerId: caller.member.id,
        contenders: competition.mode,
        privacy: caller.settings.privacy,
        viewerIsManager: managedTeams.has(competition.teamId),
      });
      return c.json(
        {
          competition: view(competition),
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
      competition,
      round,
      settings: caller.settings,
      teams,
      members,
      viewer: caller.member,
      managedTeams,
    });
    await honourRound(
      db,
      { settings: caller.settings, competition, round, honourees: standings.honourees, members },
      new Date(),
    );
    const { honourees: _, ...shown } = standings;
    return c.json({ competition: view(competition), round, ...shown }, 200);
  })
  .patch('/:id', requireManager, idParam, validate('json', UpdateCompetitionRequest), async (c) => {
    const caller = c.var.caller;
    const db = c.var.db;
    const changes = c.req.valid('json');
    const current = await loadCompetition(db, caller.org.id, c.req.valid('param').id);
    const teams = await loadTeams(db, caller.org.id);
    managedTeam(caller, teams, current.teamId);
    const next = { ...current, ...changes };
    // The edited schedule must still make sense as a whole.
    const checked = CreateCompetitionRequest.safeParse({ ...view(next) });
    if (!checked.success) throw badRequest(checked.error.issues.map((i) => i.message).join('; '));
    assertMetric(next.metric, caller.settings);
    if (changes.mode) assertTeamsCanCompete(next.mode, next.teamId, teams);
    await db.batch([
      db.update(competitions).set(changes).where(eq(competitions.id, current.id)),
      bumpBoard(db, caller.org.id),
    ]);
    return c.json({ competition: view(next) }, 200);
  })
  .delete('/:id', requireManager, idParam, async (c) => {
    const caller = c.var.caller;
    const db = c.var.db;
    const current = await loadCompetition(db, caller.org.id, c.req.valid('param').id);
    managedTeam(caller, await loadTeams(db, caller.org.id), current.teamId);
    await db.batch([
      db.update(competitions).set({ status: 'cancelled' }).where(eq(competitions.id, current.id)),
      bumpBoard(db, caller.org.id),
    ]);
    return c.json({ competition: view({ ...current, status: 'cancelled' }) }, 200);
  });
