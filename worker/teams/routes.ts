/** The team tree: list, create, rename and move (managers, inside their subtree). */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateTeamRequest,
  Id,
  ListTeamsResponse,
  TeamResponse,
  UpdateTeamRequest,
} from '../../shared/api/index.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv } from '../context.ts';
import { teams } from '../db/schema.ts';
import { managedTeamOr403, teamOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, conflict, forbidden } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams, MAX_TEAM_DEPTH, managedTeamIds, subtreeHeight, teamView } from './queries.ts';

const tooDeep = () =>
  new ApiError(409, 'conflict', `teams nest at most ${MAX_TEAM_DEPTH + 1} levels deep`);

export const teamsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'Teams you manage (reps: their own team)',
      auth: 'member',
      responses: { 200: ListTeamsResponse },
    }),
    async (c) => {
      const caller = c.var.caller;
      const all = await loadTeams(c.var.db, caller.org.id);
      const visible =
        caller.member.role === 'manager'
          ? managedTeamIds(caller, all)
          : new Set([caller.member.teamId]);
      const list = all.filter((t) => visible.has(t.id)).sort((a, b) => a.depth - b.depth);
      return c.json({ teams: list.map(teamView) }, 200);
    },
  )
  .post(
    '/',
    documented({
      summary: 'Create a sub-team (the tree is at most 4 levels deep)',
      auth: 'manager',
      responses: { 201: TeamResponse },
    }),
    requireManager,
    validate('json', CreateTeamRequest),
    async (c) => {
      const { name, parentId } = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      const parent = managedTeamOr403(caller, await loadTeams(db, caller.org.id), parentId);
      if (parent.depth >= MAX_TEAM_DEPTH) throw tooDeep();
      const team = {
        id: newId(),
        orgId: caller.org.id,
        parentId: parent.id,
        name,
        depth: parent.depth + 1,
        createdAt: new Date().toISOString(),
      };
      await db.batch([db.insert(teams).values(team), bumpVersion(db, caller.org.id, 'config')]);
      return c.json({ team: teamView(team) }, 201);
    },
  )
  .patch(
    '/:id',
    documented({
      summary: 'Rename or move a team inside your subtree',
      auth: 'manager',
      responses: { 200: TeamResponse },
    }),
    requireManager,
    validate('param', z.object({ id: Id })),
    validate('json', UpdateTeamRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      const all = await loadTeams(db, caller.org.id);
      const team = managedTeamOr403(caller, all, id);
      let { parentId, depth } = team;
      const updates = [];
      if (change.parentId !== undefined && change.parentId !== team.parentId) {
        // A manager's own team is the top of what they manage: only teams below it can move.
        if (team.id === caller.member.teamId || team.parentId === null) {
          throw forbidden('you cannot move your own team');
        }
        const parent = managedTeamOr403(caller, all, change.parentId);
        if (subtreeIds(all, team.id).has(parent.id)) {
          throw conflict('a team cannot move under itself');
        }
        if (parent.depth + 1 + subtreeHeight(all, team.id) > MAX_TEAM_DEPTH) throw tooDeep();
        const shift = parent.depth + 1 - team.depth;
        const moved = [...subtreeIds(all, team.id)];
        parentId = parent.id;
        depth = team.depth + shift;
        updates.push(db.update(teams).set({ parentId }).where(eq(teams.id, team.id)));
        for (const movedId of moved) {
          const t = teamOr404(all, movedId);
          updates.push(
            db
              .update(teams)
              .set({ depth: t.depth + shift })
              .where(eq(teams.id, movedId)),
          );
        }
      }
      const name = change.name ?? team.name;
      updates.push(db.update(teams).set({ name }).where(eq(teams.id, team.id)));
      await db.batch([bumpVersion(db, caller.org.id, 'config'), ...updates]);
      return c.json({ team: teamView({ ...team, name, parentId, depth }) }, 200);
    },
  );
