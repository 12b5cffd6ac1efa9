/**
 * Members: managers list, change, remove and restore the members of their subtree. Removing a
 * member ends every credential they hold (tokens, page sessions, sign-in links, TV links);
 * restoring one is the only way back to their history, and hands out a new token.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  HonoursResponse,
  Id,
  ListMembersResponse,
  MemberResponse,
  MembersQuery,
  RecentEventsQuery,
  RecentEventsResponse,
  RestoreMemberResponse,
  RevokedResponse,
  UpdateMemberRequest,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { members, tokens } from '../db/schema.ts';
import { recentEvents } from '../events/queries.ts';
import { honoursOf } from '../honours/queries.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { conflict, forbidden } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { bumpVersion } from '../orgs/version.ts';
import {
  endMemberSessions,
  issueToken,
  revokeManagerTvLinks,
  revokeMemberTokens,
} from '../sessions/credentials.ts';
import { sha256Hex } from '../sessions/crypto.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';
import { backdatedJoin } from './backdate.ts';
import { closeStretch, effectiveDay, openStretch, reopenStretch } from './history.ts';
import { loadActiveMembers, loadRemovedMembers, memberView } from './queries.ts';

const idParam = validate('param', z.object({ id: Id }));

export const membersRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary:
        'Active members of the teams you manage (reps: themselves); status=removed lists removed ones',
      auth: 'member',
      responses: { 200: ListMembersResponse },
    }),
    validate('query', MembersQuery),
    async (c) => {
      const { team, status } = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      if (caller.member.role !== 'manager') {
        // Reps see only themselves.
        if (team !== undefined && team !== caller.member.teamId) {
          throw forbidden('reps see only themselves');
        }
        return c.json({ members: status === 'active' ? [memberView(caller.member)] : [] }, 200);
      }
      const all = await loadTeams(db, caller.org.id);
      const scope = team === undefined ? managedTeamIds(caller, all) : new Set([team]);
      if (team !== undefined) managedTeamOr403(caller, all, team);
      const candidates =
        status === 'active'
          ? await loadActiveMembers(db, caller.org.id)
          : await loadRemovedMembers(db, caller.org.id);
      const rows = candidates.filter((m) => scope.has(m.teamId));
      rows.sort((a, b) => a.name.localeCompare(b.name));
      return c.json({ members: rows.map(memberView) }, 200);
    },
  )
  /** A member's recent logs with their evidence (the board's per-log view): self or their managers. */
  .get(
    '/:id/events',
    documented({
      summary: "A member's recent logs with their evidence (self, or managers of their team)",
      auth: 'member',
      responses: { 200: RecentEventsResponse },
    }),
    idParam,
    validate('query', RecentEventsQuery),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const member = await memberOr404(db, caller.org.id, c.req.valid('param').id);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      const list = await recentEvents(db, member.id, c.req.valid('query').limit);
      return c.json({ events: list }, 200);
    },
  )
  /** Contest rounds the member won, newest first: self or their managers. */
  .get(
    '/:id/honours',
    documented({
      summary: 'Contest rounds a member won, kept once settled (self, or managers of their team)',
      auth: 'member',
      responses: { 200: HonoursResponse },
    }),
    idParam,
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const member = await memberOr404(db, caller.org.id, c.req.valid('param').id);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      return c.json({ honours: await honoursOf(db, member) }, 200);
    },
  )
  .patch(
    '/:id',
    documented({
      summary: "Change a member's role, team, name or time zone",
      auth: 'manager',
      responses: { 200: MemberResponse },
    }),
    requireManager,
    idParam,
    validate('json', UpdateMemberRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const caller = c.var.caller;
      const db = c.var.db;
      const all = await loadTeams(db, caller.org.id);
      const member = await memberOr404(db, caller.org.id, id);
      assertCanActOn(caller, member, all);
      if (member.id === caller.member.id && (change.role ?? 'manager') !== 'manager') {
        throw forbidden('you cannot demote yourself');
      }
      if (member.id === caller.member.id && change.teamId !== undefined) {
        throw forbidden('another manager above you must move you');
      }
      if (change.teamId !== undefined) managedTeamOr403(caller, all, change.teamId);
      const today = effectiveDay(member, new Date());
      const backdate =
        change.joinedOn === undefined
          ? []
          : [(await backdatedJoin(db, caller, member, all, change.joinedOn, today)).statement];
      const updated = {
        ...member,
        role: change.role ?? member.role,
        teamId: change.teamId ?? member.teamId,
        name: change.name ?? member.name,
        timezone: change.timezone ?? member.timezone,
      };
      // A move or a role change takes effect today: the days before stay where they were.
      const moved = updated.teamId !== member.teamId || updated.role !== member.role;
      await db.batch([
        db
          .update(members)
          .set({
            role: updated.role,
            teamId: updated.teamId,
            name: updated.name,
            timezone: updated.timezone,
          })
          .where(and(eq(members.id, id), eq(members.orgId, caller.org.id))),
        ...backdate,
        ...(moved && member.active
          ? [closeStretch(db, id, today), openStretch(db, updated, today)]
          : []),
        bumpVersion(db, caller.org.id, 'config'),
        // A manager's TV links end with the role and stay ended if it comes back.
        ...(updated.role !== 'manager' ? [revokeManagerTvLinks(db, id)] : []),
      ]);
      return c.json({ member: memberView(updated) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({
      summary:
        'Remove a member (history is kept; tokens, page sessions and their TV links are revoked)',
      auth: 'manager',
      responses: { 200: MemberResponse },
    }),
    requireManager,
    idParam,
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const member = await memberOr404(db, caller.org.id, id);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      if (member.id === caller.member.id) throw forbidden('you cannot remove yourself');
      // Removed members keep their history (past periods stay right) but can no longer sign in.
      await db.batch([
        db.update(members).set({ active: false }).where(eq(members.id, id)),
        closeStretch(db, id, effectiveDay(member, new Date())),
        revokeMemberTokens(db, id),
        ...endMemberSessions(db, id),
        revokeManagerTvLinks(db, id),
        bumpVersion(db, caller.org.id, 'config'),
      ]);
      return c.json({ member: memberView({ ...member, active: false }) }, 200);
    },
  )
  /**
   * Brings a removed member back, history and all, on their old team and role: only a manager of
   * that team may. Their old credentials stay dead; the new token is shown here once, for the
   * manager to hand over (the extension signs in with it).
   */
  .post(
    '/:id/restore',
    documented({
      summary:
        'Restore a removed member of a team you manage, with their history; answers a new token (shown once)',
      auth: 'manager',
      responses: { 200: RestoreMemberResponse },
    }),
    requireManager,
    idParam,
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const member = await memberOr404(db, caller.org.id, id);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      if (member.active) throw conflict('this member is not removed');
      const now = new Date().toISOString();
      const token = await issueToken(db, member.id, member.orgId, now);
      try {
        const [restored] = await db.batch([
          // Only while still removed: of two racing restores, one wins.
          db
            .update(members)
            .set({ active: true })
            .where(and(eq(members.id, id), eq(members.active, false)))
            .returning({ id: members.id }),
          // The restored member's new stretch, from today (none if a racing restore won).
          reopenStretch(db, member, effectiveDay(member, new Date())),
          token.insert,
          bumpVersion(db, caller.org.id, 'config'),
        ]);
        if (restored.length === 0) {
          // The race was lost: the token issued alongside was never handed out; drop it.
          await db.delete(tokens).where(eq(tokens.hash, await sha256Hex(token.token)));
          throw conflict('this member is not removed');
        }
      } catch (error) {
        // A newer member joined with the same email: the unique index among active members.
        if (String(error).includes('UNIQUE')) {
          throw conflict('an active member has this email: remove them or change it first');
        }
        throw error;
      }
      return c.json({ member: memberView({ ...member, active: true }), token: token.token }, 200);
    },
  )
  .delete(
    '/:id/tokens',
    documented({
      summary:
        "Revoke all of a member's tokens and page sessions (yourself, or a member you manage)",
      auth: 'member',
      responses: { 200: RevokedResponse },
    }),
    idParam,
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.var.caller;
      const db = c.var.db;
      const member = await memberOr404(db, caller.org.id, id);
      assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      const [revoked] = await db.batch([revokeMemberTokens(db, id), ...endMemberSessions(db, id)]);
      return c.json({ revoked: revoked.length }, 200);
    },
  );
