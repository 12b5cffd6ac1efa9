/**
 * `GET /api/v1/leaderboard?team=&period=&date=&by=&group=`: the board `service.ts` builds, with
 * its refusals as HTTP errors (`boardError`: 400 unknown ranking, 404 team of another org,
 * 403 team not readable). Answers 304 to a matching If-None-Match.
 */
import { Hono } from 'hono';
import { LeaderboardQuery, LeaderboardResponse } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { changeToken, clientHasCurrent } from '../http/etag.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { type BoardRefusal, buildBoard, planBoard } from './service.ts';

/** A refused board as the HTTP error every route that shows a board answers with. */
export function boardError(refusal: BoardRefusal): ApiError {
  switch (refusal.refused) {
    case 'unknown_metric':
      return new ApiError(400, 'validation_failed', refusal.message);
    case 'no_such_team':
      return notFound('team');
    case 'not_readable':
      return forbidden(refusal.message);
  }
}

export const leaderboardRoutes = new Hono<AppEnv>().use(requireMember).get(
  '/',
  documented({
    summary: 'Ranking of a team, respecting its privacy mode (ETag)',
    auth: 'member',
    responses: { 200: LeaderboardResponse },
  }),
  validate('query', LeaderboardQuery),
  async (c) => {
    const query = c.req.valid('query');
    const caller = c.var.caller;
    const plan = planBoard(caller, query);
    if ('refused' in plan) throw boardError(plan);
    const etag = await changeToken(caller.org.version, [
      'board',
      caller.member.id,
      plan.teamId,
      query.period,
      query.date ?? null,
      plan.by,
      plan.group,
      plan.win.today,
    ]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);
    const board = await buildBoard(c.var.db, caller, plan);
    if ('refused' in board) throw boardError(board);
    return c.json(board, 200);
  },
);
