/** The caller's own profile, recent logs and sign-out. */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  MemberResponse,
  MeResponse,
  RecentEventsQuery,
  RecentEventsResponse,
  RevokedResponse,
  UpdateMeRequest,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { members } from '../db/schema.ts';
import { recentEvents } from '../events/queries.ts';
import { teamOr404 } from '../http/access.ts';
import { requireMember } from '../http/auth.ts';
import { badRequest } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { orgView } from '../orgs/view.ts';
import { revokeToken } from '../sessions/credentials.ts';
import { loadTeams, teamView } from '../teams/queries.ts';
import { memberView } from './queries.ts';

export const meRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'Your profile, team and organisation settings',
      auth: 'member',
      responses: { 200: MeResponse },
    }),
    async (c) => {
      const { member, org, settings } = c.var.caller;
      const team = teamOr404(await loadTeams(c.var.db, org.id), member.teamId);
      return c.json(
        { member: memberView(member), team: teamView(team), org: orgView(org, settings) },
        200,
      );
    },
  )
  .patch(
    '/',
    documented({
      summary: 'Change your name or time zone',
      auth: 'member',
      responses: { 200: MemberResponse },
    }),
    validate('json', UpdateMeRequest),
    async (c) => {
      const change = c.req.valid('json');
      const { member } = c.var.caller;
      const db = c.var.db;
      const updated = {
        ...member,
        name: change.name ?? member.name,
        timezone: change.timezone ?? member.timezone,
      };
      await db.batch([
        db
          .update(members)
          .set({ name: updated.name, timezone: updated.timezone })
          .where(eq(members.id, member.id)),
        bumpVersion(db, member.orgId, 'config'),
      ]);
      return c.json({ member: memberView(updated) }, 200);
    },
  )
  /** Recent logs, newest first, with their undo state (events/queries.ts). */
  .get(
    '/events',
    documented({
      summary: 'Your recent logs, newest first, with undo state',
      auth: 'member',
      responses: { 200: RecentEventsResponse },
    }),
    validate('query', RecentEventsQuery),
    async (c) => {
      const { limit } = c.req.valid('query');
      const list = await recentEvents(c.var.db, c.var.caller.member.id, limit);
      return c.json({ events: list }, 200);
    },
  )
  /** Signs this credential out: the token stops working with the next request. */
  .delete(
    '/token',
    documented({
      summary: 'Sign out: revoke the token of this request',
      auth: 'member',
      responses: { 200: RevokedResponse },
    }),
    async (c) => {
      const { credential } = c.var.caller;
      if (credential.kind !== 'token') throw badRequest('this session is not a bearer token');
      const revoked = await revokeToken(c.var.db, credential.hash);
      return c.json({ revoked: revoked.length }, 200);
    },
  );
