/**
 * TV links. `/api/v1/tv-links` (managers): create one for a team they manage (the token is shown
 * once, only its hash is kept), list, revoke. `GET /api/v1/tv/info` (TV header): which team and
 * org a link shows, so the TV page knows what to ask for.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateTvLinkRequest,
  CreateTvLinkResponse,
  Id,
  ListTvLinksResponse,
  OrgSettings,
  TvInfoResponse,
  TvLinkResponse,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { tvLinks } from '../db/schema.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { assertClientNotBlocked, authFailed, publicRateLimit } from '../http/rate-limit.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';
import { newId, newToken, sha256Hex } from './crypto.ts';
import { publicUrl } from './public-origin.ts';
import { findTvLink, TV_HEADER } from './tv-links.ts';

type TvLinkRow = typeof tvLinks.$inferSelect;
const linkView = (l: TvLinkRow) => ({
  id: l.id,
  teamId: l.teamId,
  createdAt: l.createdAt,
  revokedAt: l.revokedAt,
});

export const tvLinksRoutes = new Hono<AppEnv>()
  .use(requireMember, requireManager)
  .post(
    '/',
    documented({
      summary: 'Create a read-only TV link for a team you manage (the token is shown once)',
      auth: 'manager',
      responses: { 201: CreateTvLinkResponse },
    }),
    validate('json', CreateTvLinkRequest),
    async (c) => {
      const { teamId } = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), teamId);
      const token = newToken();
      const row: TvLinkRow = {
        id: newId(),
        hash: await sha256Hex(token),
        orgId: caller.org.id,
        teamId,
        createdBy: caller.member.id,
        createdAt: new Date().toISOString(),
        revokedAt: null,
      };
      await db.insert(tvLinks).values(row);
      const url = publicUrl(c.env, `/tv/${token}`).toString();
      return c.json({ link: linkView(row), token, url }, 201);
    },
  )
  .get(
    '/',
    documented({
      summary: 'TV links of the teams you manage, newest first',
      auth: 'manager',
      responses: { 200: ListTvLinksResponse },
    }),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const managed = managedTeamIds(caller, await loadTeams(db, caller.org.id));
      const rows = await db.select().from(tvLinks).where(eq(tvLinks.orgId, caller.org.id)).all();
      const visible = rows.filter((l) => managed.has(l.teamId));
      visible.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return c.json({ links: visible.map(linkView) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({
      summary: 'Revoke a TV link',
      auth: 'manager',
      responses: { 200: TvLinkResponse },
    }),
    validate('param', z.object({ id: Id })),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const link = await db
        .select()
        .from(tvLinks)
        .where(and(eq(tvLinks.id, id), eq(tvLinks.orgId, caller.org.id)))
        .get();
      if (!link) throw notFound('TV link');
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), link.teamId);
      const revokedAt = link.revokedAt ?? new Date().toISOString();
      await db.update(tvLinks).set({ revokedAt }).where(eq(tvLinks.id, id));
      return c.json({ link: linkView({ ...link, revokedAt }) }, 200);
    },
  );

export const tvInfoRoutes = new Hono<AppEnv>().get(
  '/info',
  documented({
    summary: 'Which team and organisation a TV link shows',
    auth: 'tv',
    responses: { 200: TvInfoResponse },
  }),
  publicRateLimit,
  async (c) => {
    await assertClientNotBlocked(c);
    const found = await findTvLink(c.var.db, c.req.header(TV_HEADER) ?? '');
    if (!found) {
      await authFailed(c);
      throw new ApiError(401, 'unauthorized', 'this TV link was revoked');
    }
    c.header('cache-control', 'no-store');
    return c.json(
      {
        team: { id: found.team.id, name: found.team.name },
        org: { name: found.org.name, settings: OrgSettings.parse(JSON.parse(found.org.settings)) },
      },
      200,
    );
  },
);
