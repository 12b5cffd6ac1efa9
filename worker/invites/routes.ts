/**
 * Invites: managers create, list and revoke codes for teams in their subtree;
 * `POST /api/v1/join` turns a live code into a new member and a token.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateInviteRequest,
  CreateInviteResponse,
  InviteView,
  JoinRequest,
  JoinResponse,
  ListInvitesResponse,
  OrgSettings,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { invites, members, orgs } from '../db/schema.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, conflict, notFound } from '../http/errors.ts';
import { publicRateLimit } from '../http/rate-limit.ts';
import { validate } from '../http/validate.ts';
import { effectiveDay, openStretch } from '../members/history.ts';
import { memberView } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import { issueInvite, issueToken } from '../sessions/credentials.ts';
import { newId, normaliseInviteCode } from '../sessions/crypto.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';

const InviteResponse = z.object({ invite: InviteView });

type InviteRow = typeof invites.$inferSelect;

const inviteView = (i: InviteRow) => ({
  code: i.code,
  teamId: i.teamId,
  role: i.role,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  revoked: i.revokedAt !== null,
  uses: i.uses,
});

export const invitesRoutes = new Hono<AppEnv>()
  .use(requireMember, requireManager)
  .post(
    '/',
    documented({
      summary: 'Create an invite code for a team you manage',
      auth: 'manager',
      responses: { 201: CreateInviteResponse },
    }),
    validate('json', CreateInviteRequest),
    async (c) => {
      const body = c.req.valid('json');
      const { member, org } = c.var.caller;
      const db = c.var.db;
      managedTeamOr403(c.var.caller, await loadTeams(db, org.id), body.teamId);
      const invite = issueInvite(
        db,
        {
          orgId: org.id,
          teamId: body.teamId,
          role: body.role,
          createdBy: member.id,
          hours: body.expiresInHours,
        },
        Date.now(),
      );
      await invite.insert.run();
      return c.json({ code: invite.code, expiresAt: invite.expiresAt }, 201);
    },
  )
  .get(
    '/',
    documented({
      summary: 'Invites of the teams you manage',
      auth: 'manager',
      responses: { 200: ListInvitesResponse },
    }),
    async (c) => {
      const { org } = c.var.caller;
      const db = c.var.db;
      const managed = managedTeamIds(c.var.caller, await loadTeams(db, org.id));
      const rows = await db.select().from(invites).where(eq(invites.orgId, org.id)).all();
      const visible = rows.filter((i) => managed.has(i.teamId));
      visible.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return c.json({ invites: visible.map(inviteView) }, 200);
    },
  )
  .delete(
    '/:code',
    documented({
      summary: 'Revoke an invite code',
      auth: 'manager',
      responses: { 200: InviteResponse },
    }),
    validate('param', z.object({ code: z.string().min(1).max(64) })),
    async (c) => {
      const code = normaliseInviteCode(c.req.valid('param').code);
      const { org } = c.var.caller;
      const db = c.var.db;
      const invite = await db
        .select()
        .from(invites)
        .where(and(eq(invites.code, code), eq(invites.orgId, org.id)))
        .get();
      if (!invite) throw notFound('invite');
      managedTeamOr403(c.var.caller, await loadTeams(db, org.id), invite.teamId);
      const revokedAt = invite.revokedAt ?? new Date().toISOString();
      await db.update(invites).set({ revokedAt }).where(eq(invites.code, code)).run();
      return c.json({ invite: inviteView({ ...invite, revokedAt }) }, 200);
    },
  );

export const joinRoutes = new Hono<AppEnv>().post(
  '/',
  documented({
    summary:
      'Join with an invite code; returns the member and their token (a removed member with the same email is reactivated)',
    auth: 'public',
    responses: { 201: JoinResponse },
  }),
  publicRateLimit,
  validate('json', JoinRequest),
  async (c) => {
    const body = c.req.valid('json');
    const db = c.var.db;
    const nowMs = Date.now();
    const now = new Date(nowMs).toISOString();
    const found = await db
      .select({ invite: invites, orgSettings: orgs.settings })
      .from(invites)
      .innerJoin(orgs, eq(orgs.id, invites.orgId))
      .where(
        and(
          eq(invites.code, normaliseInviteCode(body.code)),
          isNull(invites.revokedAt),
          gt(invites.expiresAt, now),
        ),
      )
      .get();
    if (!found) throw notFound('invite code (unknown, expired or revoked)');
    const { invite } = found;
    if (!OrgSettings.parse(JSON.parse(found.orgSettings)).signupOpen) {
      throw new ApiError(403, 'signup_closed', 'this organisation does not accept new members');
    }
    // A removed member's email joins as a new member: an invite code and an email prove nothing
    // about who someone is, so their history stays with the removed member (a manager may
    // restore them: POST /members/:id/restore).
    const existing = await db
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          eq(members.orgId, invite.orgId),
          eq(members.active, true),
          sql`lower(${members.email}) = lower(${body.email})`,
        ),
      )
      .get();
    if (existing) throw conflict('a member with this email already exists in the organisation');
    const member = {
      id: newId(),
      orgId: invite.orgId,
      teamId: invite.teamId,
      name: body.name,
      email: body.email,
      role: invite.role,
      timezone: body.timezone,
      active: true,
      createdAt: now,
    };
    const token = await issueToken(db, member.id, member.orgId, now);
    try {
      await db.batch([
        db.insert(members).values(member),
        openStretch(db, member, effectiveDay(member, new Date(nowMs))),
        token.insert,
        db
          .update(invites)
          .set({ uses: sql`${invites.uses} + 1` })
          .where(eq(invites.code, invite.code)),
        bumpVersion(db, member.orgId, 'config'),
      ]);
    } catch (error) {
      // Two joins with the same email racing: the unique index lets only one in.
      if (String(error).includes('UNIQUE')) {
        throw conflict('a member with this email already exists in the organisation');
      }
      throw error;
    }
    return c.json({ member: memberView(member), token: token.token }, 201);
  },
);
