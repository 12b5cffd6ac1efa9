/**
 * `POST /api/v1/orgs` creates an organisation with its root team, first manager, a token and a
 * rep invite (open while `SIGNUP_OPEN` is not "false"); `GET|PATCH /api/v1/org` reads and changes
 * the caller's organisation settings (changes: managers of the root team only, since settings are
 * organisation-wide).
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  BUILTIN_METRIC_IDS,
  CreateOrgRequest,
  CreateOrgResponse,
  OrgSettings,
  OrgView,
  UpdateOrgSettingsRequest,
} from '../../shared/api/index.ts';
import { defaultOrgSettings } from '../../shared/domain/defaults.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { RATIO_IDS } from '../../shared/domain/ratios.ts';
import type { AppEnv } from '../context.ts';
import { members, orgs, teams } from '../db/schema.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { publicRateLimit } from '../http/rate-limit.ts';
import { validate, validationFailed } from '../http/validate.ts';
import { effectiveDay, openStretch } from '../members/history.ts';
import { memberView } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { issueInvite, issueToken } from '../sessions/credentials.ts';
import { newId } from '../sessions/crypto.ts';
import { teamView } from '../teams/queries.ts';
import { bumpVersion } from './version.ts';
import { orgView } from './view.ts';

const OrgResponse = z.object({ org: OrgView });

const REP_INVITE_HOURS = 24 * 7;

export const orgsRoutes = new Hono<AppEnv>().post(
  '/',
  documented({
    summary: 'Create an organisation, its root team and first manager (while sign-up is open)',
    auth: 'public',
    responses: { 201: CreateOrgResponse },
  }),
  publicRateLimit,
  validate('json', CreateOrgRequest),
  async (c) => {
    if ((c.env.SIGNUP_OPEN ?? 'true').toLowerCase() === 'false') {
      throw new ApiError(403, 'signup_closed', 'sign-up is closed on this server');
    }
    const body = c.req.valid('json');
    const db = c.var.db;
    const nowMs = Date.now();
    const now = new Date(nowMs).toISOString();
    const settings = OrgSettings.parse(
      defaultOrgSettings({ timezone: body.timezone, currency: body.currency }),
    );
    const org = {
      id: newId(),
      name: body.name,
      settings: JSON.stringify(settings),
      createdAt: now,
    };
    const team = {
      id: newId(),
      orgId: org.id,
      parentId: null,
      name: body.name,
      depth: 0,
      createdAt: now,
    };
    const member = {
      id: newId(),
      orgId: org.id,
      teamId: team.id,
      name: body.manager.name,
      email: body.manager.email,
      role: 'manager' as const,
      timezone: body.timezone,
      active: true,
      createdAt: now,
    };
    const token = await issueToken(db, member.id, org.id, now);
    const invite = issueInvite(
      db,
      {
        orgId: org.id,
        teamId: team.id,
        role: 'rep',
        createdBy: member.id,
        hours: REP_INVITE_HOURS,
      },
      nowMs,
    );
    await db.batch([
      db.insert(orgs).values(org),
      db.insert(teams).values(team),
      db.insert(members).values(member),
      openStretch(db, member, effectiveDay(member, new Date(nowMs))),
      token.insert,
      invite.insert,
    ]);
    return c.json(
      {
        org: orgView(org, settings),
        team: teamView(team),
        member: memberView(member),
        token: token.token,
        inviteCode: invite.code,
      },
      201,
    );
  },
);

export const orgRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: "The caller's organisation and its settings",
      auth: 'member',
      responses: { 200: OrgResponse },
    }),
    (c) => c.json({ org: orgView(c.var.caller.org, c.var.caller.settings) }, 200),
  )
  .patch(
    '/',
    documented({
      summary: 'Change organisation settings (managers of the top team)',
      auth: 'manager',
      responses: { 200: OrgResponse },
    }),
    requireManager,
    validate('json', UpdateOrgSettingsRequest),
    async (c) => {
      const { org, member, settings } = c.var.caller;
      const rootTeam = await c.var.db.query.teams.findFirst({
        where: (t, { and, eq, isNull }) => and(eq(t.orgId, org.id), isNull(t.parentId)),
      });
      if (rootTeam?.id !== member.teamId) {
        throw forbidden('organisation settings are changed by managers of the top team');
      }
      const { name, ...patch } = c.req.valid('json');
      const merged = OrgSettings.safeParse({ ...settings, ...patch });
      if (!merged.success) throw validationFailed('settings', merged.error.issues);
      if (!findMetric(merged.data.primaryMetric, merged.data)) {
        throw new ApiError(400, 'validation_failed', 'primaryMetric is not a defined metric');
      }
      const clash = merged.data.customMetrics.find(
        (m) => (BUILTIN_METRIC_IDS as readonly string[]).includes(m.id) || RATIO_IDS.has(m.id),
      );
      if (clash) {
        throw new ApiError(
          400,
          'validation_failed',
          `custom metric ${clash.id} clashes with a built-in`,
        );
      }
      const updated = { ...org, name: name ?? org.name, settings: JSON.stringify(merged.data) };
      const db = c.var.db;
      await db.batch([
        db
          .update(orgs)
          .set({ name: updated.name, settings: updated.settings })
          .where(eq(orgs.id, org.id)),
        bumpVersion(db, org.id, 'config'),
      ]);
      return c.json({ org: orgView(updated, merged.data) }, 200);
    },
  );
