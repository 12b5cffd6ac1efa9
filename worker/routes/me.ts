/** The caller's own profile, recent logs and sign-out. */
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type EventView, RecentEventsQuery, UpdateMeRequest } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { events, members } from '../db/schema.ts';
import { badRequest } from '../lib/errors.ts';
import { requireMember } from '../middleware/auth.ts';
import { validate } from '../middleware/validate.ts';
import { memberView } from '../queries/members.ts';
import { bumpVersion, orgView } from '../queries/org.ts';
import { findTeam, loadTeams, teamView } from '../queries/teams.ts';
import { revokeToken } from '../writes/credentials.ts';

type EventRow = typeof events.$inferSelect;

function eventView(row: EventRow): EventView {
  const details = JSON.parse(row.details) as Pick<EventView, 'source' | 'contact' | 'note'>;
  return {
    id: row.id,
    memberId: row.memberId,
    metric: row.metric,
    quantity: row.quantity,
    occurredAt: row.occurredAt,
    localDate: row.localDate,
    voided: row.voided,
    evidence: row.evidence,
    ...(details.source ? { source: details.source } : {}),
    ...(details.contact ? { contact: details.contact } : {}),
    ...(details.note !== undefined ? { note: details.note } : {}),
  };
}

export const meRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => {
    const { member, org, settings } = c.var.caller;
    const team = findTeam(await loadTeams(c.var.db, org.id), member.teamId);
    return c.json(
      { member: memberView(member), team: teamView(team), org: orgView(org, settings) },
      200,
    );
  })
  .patch('/', validate('json', UpdateMeRequest), async (c) => {
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
      bumpVersion(db, member.orgId),
    ]);
    return c.json({ member: memberView(updated) }, 200);
  })
  /**
   * Recent logs, newest first, with their undo state.
   * Cost: reads `limit` rows of the (member_id, created_at) index.
   */
  .get('/events', validate('query', RecentEventsQuery), async (c) => {
    const { limit } = c.req.valid('query');
    const rows = await c.var.db
      .select()
      .from(events)
      .where(eq(events.memberId, c.var.caller.member.id))
      .orderBy(desc(events.createdAt), desc(events.occurredAt))
      .limit(limit)
      .all();
    return c.json({ events: rows.map(eventView) }, 200);
  })
  /** Signs this credential out: the token stops working with the next request. */
  .delete('/token', async (c) => {
    const key = c.var.caller.credentialKey;
    if (!key.startsWith('token:')) throw badRequest('this session is not a bearer token');
    const revoked = await revokeToken(c.var.db, key.slice('token:'.length));
    return c.json({ revoked: revoked.length }, 200);
  });
