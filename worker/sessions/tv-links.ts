/**
 * Read-only TV links. A manager creates a link for one team; the TV page sends its token in the
 * `x-pacer-tv` header and sees that team's board as the manager who made it would, but only
 * through a short list of GET routes and only for that team. Revoking the link, or the manager
 * losing their role, ends it at once (every request re-reads the link).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { OrgSettings } from '../../shared/api/index.ts';
import type { AppEnv, Resolution } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members, orgs, teams, tvLinks } from '../db/schema.ts';
import { sha256Hex } from './crypto.ts';

export const TV_HEADER = 'x-pacer-tv';
const TOKEN_SHAPE = /^pcr_[A-Za-z0-9_-]{43}$/;

/** What a TV may read; each answer is limited to the link's team by `team=`. */
const TV_READABLE = [
  /^\/api\/v1\/leaderboard\/?$/,
  /^\/api\/v1\/page\/activity\/?$/,
  /^\/api\/v1\/contests\/board\/?$/,
  /^\/api\/v1\/announcements\/?$/,
];

/** The live link behind `token` with its team, manager and org, or null. Cost: one keyed read. */
export async function findTvLink(db: Db, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = await sha256Hex(token);
  const row = await db
    .select({ link: tvLinks, team: teams, manager: members, org: orgs })
    .from(tvLinks)
    .innerJoin(teams, eq(teams.id, tvLinks.teamId))
    .innerJoin(members, eq(members.id, tvLinks.createdBy))
    .innerJoin(orgs, eq(orgs.id, tvLinks.orgId))
    .where(and(eq(tvLinks.hash, hash), isNull(tvLinks.revokedAt)))
    .get();
  if (!row?.manager.active || row.manager.role !== 'manager') return null;
  return { ...row, hash };
}

/** The TV-link resolver for `requireMember` (worker/http/auth.ts). */
export async function tvLinkResolver(c: Context<AppEnv>): Promise<Resolution> {
  const token = c.req.header(TV_HEADER);
  if (token === undefined) return null;
  if (c.req.method !== 'GET' || !TV_READABLE.some((route) => route.test(c.req.path))) {
    return { refused: 'not_allowed', reason: 'a TV link can only read the board' };
  }
  const found = await findTvLink(c.var.db, token);
  if (!found) return { refused: 'invalid', reason: 'this TV link was revoked' };
  if (c.req.query('team') !== found.link.teamId) {
    return { refused: 'not_allowed', reason: 'a TV link shows only its own team' };
  }
  return {
    member: found.manager,
    org: found.org,
    settings: OrgSettings.parse(JSON.parse(found.org.settings)),
    credential: { kind: 'tv', hash: found.hash, token: null },
  };
}
