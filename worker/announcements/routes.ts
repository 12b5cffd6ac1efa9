/**
 * `GET /api/v1/announcements?team=&since=`: the moments announced in a team's subtree after id
 * `since` (boards, TV mode, sidebar toasts poll this with If-None-Match; a 304 costs the auth
 * read only). Reps may read their own team and the teams above it; managers any team they manage.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  AnnouncementsQuery,
  AnnouncementsResponse,
  type AnnouncementView,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { announcements } from '../db/schema.ts';
import { boardTeamOr403 } from '../http/access.ts';
import { requireMember } from '../http/auth.ts';
import { changeToken, clientHasCurrent } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';

/** A first poll (since=0) gets the latest few, so a board opened now has something to show. */
const LATEST = 10;
/** A poll never returns more than this many (a board away for long skips to the newest). */
const MAX_PER_POLL = 50;

export const announcementsRoutes = new Hono<AppEnv>().use(requireMember).get(
  '/',
  documented({
    summary: "Announced moments in a team's subtree after id `since` (ETag; boards, TV, sidebars)",
    auth: 'member',
    responses: { 200: AnnouncementsResponse },
  }),
  validate('query', AnnouncementsQuery),
  async (c) => {
    const caller = c.var.caller;
    const db = c.var.db;
    const { since, team: asked } = c.req.valid('query');
    const teamId = asked ?? caller.member.teamId;
    const etag = await changeToken(caller.org.version, ['announcements', teamId, since]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);
    const { below } = await boardTeamOr403(db, caller, teamId);
    const rows = await db
      .select()
      .from(announcements)
      .where(and(eq(announcements.orgId, caller.org.id), gt(announcements.id, since)))
      .orderBy(desc(announcements.id))
      .limit(since === 0 ? LATEST : MAX_PER_POLL)
      .all();
    const latest = rows[0]?.id ?? since;
    const shown: AnnouncementView[] = rows
      .filter((r) => below.has(r.teamId))
      .reverse()
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        member: { id: r.memberId, name: r.memberName },
        ...(JSON.parse(r.payload) as Record<string, string | number>),
        at: r.createdAt,
      }));
    return c.json({ announcements: shown, latest }, 200);
  },
);
