/**
 * Reads only the leaderboard page needs, from rollups (never raw events):
 * `GET /api/v1/page/trends` – each visible member's daily totals of one metric (sparklines);
 * `GET /api/v1/page/activity` – a team's totals per metric for one day (the TV activity board).
 * Who may see what follows the leaderboard: managers their teams, reps their own team and the
 * teams above it, and other reps' rows only when the team's privacy is `open` (a manager's own
 * reps are theirs to see on any board).
 */
import { Hono } from 'hono';
import {
  ActivityQuery,
  ActivityResponse,
  TrendsQuery,
  TrendsResponse,
} from '../../shared/api/index.ts';
import { eachDay, localDateOf } from '../../shared/domain/dates.ts';
import { emptyRecord } from '../../shared/domain/own.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller, MemberRow } from '../context.ts';
import { membersRollups } from '../figures/rollups.ts';
import { assertBoardReadable, teamOr404 } from '../http/access.ts';
import { requireMember } from '../http/auth.ts';
import { forbidden } from '../http/errors.ts';
import { changeToken, notModified } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';

/**
 * The reps of `teamId`'s subtree whose rows the caller may see, and whether they see the whole
 * team. Cost: the org's teams and active members.
 */
async function boardMembers(
  c: { var: { db: AppEnv['Variables']['db'] } },
  caller: Caller,
  teamId: string,
): Promise<{ reps: MemberRow[]; wholeTeam: boolean }> {
  const db = c.var.db;
  const [teams, members] = await Promise.all([
    loadTeams(db, caller.org.id),
    loadActiveMembers(db, caller.org.id),
  ]);
  const team = teamOr404(teams, teamId);
  const managed = managedTeamIds(caller, teams);
  const managerView = managed.has(team.id);
  assertBoardReadable(caller, teams, team);
  const below = subtreeIds(teams, team.id);
  const reps = members.filter((m) => m.role === 'rep' && below.has(m.teamId));
  if (managerView || caller.settings.privacy === 'open') return { reps, wholeTeam: true };
  // A manager on the board of a team above their own still sees their own reps' rows.
  const visible = reps.filter((m) => m.id === caller.member.id || managed.has(m.teamId));
  return { reps: visible, wholeTeam: false };
}

export const pageRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/trends',
    documented({
      summary: "Visible members' daily totals of one metric (sparklines, ETag)",
      auth: 'member',
      responses: { 200: TrendsResponse },
    }),
    validate('query', TrendsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const etag = await changeToken(caller.org.version, ['trends', caller.member.id, q]);
      const unchanged = notModified(c, etag);
      if (unchanged) return unchanged;
      const { reps } = await boardMembers(c, caller, q.team);
      // Cost: one rollup row per member × day × metric with activity in the range.
      const rows = await membersRollups(
        c.var.db,
        reps.map((m) => m.id),
        q.from,
        q.to,
      );
      const days = eachDay(q.from, q.to);
      const index = new Map(days.map((d, i) => [d, i]));
      const series = emptyRecord<number[]>();
      for (const m of reps) series[m.id] = days.map(() => 0);
      for (const r of rows) {
        const at = index.get(r.localDate);
        const line = series[r.memberId];
        if (r.metric === q.metric && at !== undefined && line) line[at] = r.total;
      }
      c.header('etag', etag);
      c.header('cache-control', 'no-cache');
      return c.json({ metric: q.metric, from: q.from, to: q.to, days, series }, 200);
    },
  )
  .get(
    '/activity',
    documented({
      summary: "A team's totals per metric for one day (TV activity board, ETag)",
      auth: 'member',
      responses: { 200: ActivityResponse },
    }),
    validate('query', ActivityQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const date = q.date ?? localDateOf(new Date(), caller.settings.calendar.timezone);
      const etag = await changeToken(caller.org.version, [
        'activity',
        caller.member.id,
        q.team,
        date,
      ]);
      const unchanged = notModified(c, etag);
      if (unchanged) return unchanged;
      const { reps, wholeTeam } = await boardMembers(c, caller, q.team);
      if (!wholeTeam) throw forbidden('your team shows reps only their own figures');
      const rows = await membersRollups(
        c.var.db,
        reps.map((m) => m.id),
        date,
        date,
      );
      const totals = emptyRecord<number>();
      for (const r of rows) totals[r.metric] = (totals[r.metric] ?? 0) + r.total;
      c.header('etag', etag);
      c.header('cache-control', 'no-cache');
      return c.json({ date, totals }, 200);
    },
  );
