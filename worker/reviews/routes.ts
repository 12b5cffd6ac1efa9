/**
 * Reviews (复盘), `service.ts` building them:
 * - `GET /api/v1/reviews?period=&date=&member=`: a member's review; your own, or (managers) a
 *   rep of a team you manage (403 outside it, 404 for another organisation's id);
 * - `PUT /api/v1/reviews/reflection`: your own reflection on one of your periods (400 for a date
 *   that does not start the period, or text over 500 characters);
 * - `GET /api/v1/reviews/team?team=&period=&date=` (managers): each rep's bottleneck and
 *   reflection; `GET /api/v1/reviews/team.csv` the same as a spreadsheet.
 */
import { Hono } from 'hono';
import {
  ReflectionInput,
  ReflectionResponse,
  ReviewQuery,
  ReviewResponse,
  TeamReviewQuery,
  TeamReviewResponse,
} from '../../shared/api/index.ts';
import { periodFromStart } from '../../shared/domain/calendar.ts';
import type { AppEnv, Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { assertCanActOn, managedTeamOr403, memberOr404 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { loadTeams } from '../teams/queries.ts';
import { teamReviewCsv } from './csv.ts';
import { saveReflection } from './queries.ts';
import { memberReview, teamReview } from './service.ts';

async function teamReviewFor(
  db: Db,
  caller: Caller,
  query: { team?: string | undefined; period: 'day' | 'week' | 'month'; date?: string | undefined },
) {
  const teams = await loadTeams(db, caller.org.id);
  const team = managedTeamOr403(caller, teams, query.team ?? caller.member.teamId);
  return teamReview(db, caller, team, teams, query.period, new Date(), query.date);
}

export const reviewsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'A review (复盘) of a day, week or month: yours, or a rep of a team you manage',
      auth: 'member',
      responses: { 200: ReviewResponse },
    }),
    validate('query', ReviewQuery),
    async (c) => {
      const query = c.req.valid('query');
      const { caller, db } = c.var;
      let member = caller.member;
      if (query.member !== undefined && query.member !== caller.member.id) {
        member = await memberOr404(db, caller.org.id, query.member);
        assertCanActOn(caller, member, await loadTeams(db, caller.org.id));
      }
      const review = await memberReview(db, caller, member, query.period, new Date(), query.date);
      return c.json({ review }, 200);
    },
  )
  .put(
    '/reflection',
    documented({
      summary: 'Write your reflection on a period: what worked, what to change, next focus',
      auth: 'member',
      responses: { 200: ReflectionResponse },
    }),
    validate('json', ReflectionInput),
    async (c) => {
      const input = c.req.valid('json');
      const { caller, db } = c.var;
      let period: ReturnType<typeof periodFromStart>;
      try {
        period = periodFromStart(
          input.period.kind,
          input.period.start,
          caller.settings.calendar,
          'strict',
        );
      } catch (error) {
        const message = (error as Error).message;
        throw new ApiError(400, 'validation_failed', message, [
          { path: 'period.start', code: 'custom', message },
        ]);
      }
      const reflection = await saveReflection(
        db,
        caller.org.id,
        caller.member.id,
        { kind: input.period.kind, start: period.start },
        { worked: input.worked, change: input.change, focus: input.focus },
        new Date(),
      );
      return c.json({ period, reflection }, 200);
    },
  )
  .get(
    '/team',
    documented({
      summary: "Your team's review: each rep's attainment, bottleneck and reflection",
      auth: 'manager',
      responses: { 200: TeamReviewResponse },
    }),
    requireManager,
    validate('query', TeamReviewQuery),
    async (c) => c.json(await teamReviewFor(c.var.db, c.var.caller, c.req.valid('query')), 200),
  )
  .get(
    '/team.csv',
    documented({
      summary: "Your team's review as CSV (the same rows as GET /api/v1/reviews/team)",
      auth: 'manager',
      responses: { 200: 'text/csv' },
    }),
    requireManager,
    validate('query', TeamReviewQuery),
    async (c) => {
      const review = await teamReviewFor(c.var.db, c.var.caller, c.req.valid('query'));
      return teamReviewCsv(review, c.var.caller.settings);
    },
  );
