/**
 * `PUT /api/v1/me/goals`: the caller sets (or clears) a personal stretch goal for a period of the
 * primary metric; a goal below the assigned target is refused (400), since the assigned target
 * already asks for that much.
 */
import { Hono } from 'hono';
import { PersonalGoalInput, PersonalGoalResponse } from '../../shared/api/index.ts';
import { periodFromStart } from '../../shared/domain/calendar.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { assignedTarget, saveGoal } from './service.ts';

export const goalsRoutes = new Hono<AppEnv>().use(requireMember).put(
  '/',
  documented({
    summary:
      'Set or clear your personal stretch goal for a period (at or above your assigned target)',
    auth: 'member',
    responses: { 200: PersonalGoalResponse },
  }),
  validate('json', PersonalGoalInput),
  async (c) => {
    const input = c.req.valid('json');
    const { caller, db } = c.var;
    const metric = caller.settings.primaryMetric;
    let start: string;
    try {
      start = periodFromStart(
        input.period.kind,
        input.period.start,
        caller.settings.calendar,
        'strict',
      ).start;
    } catch (error) {
      const message = (error as Error).message;
      throw new ApiError(400, 'validation_failed', message, [
        { path: 'period.start', code: 'custom', message },
      ]);
    }
    const now = new Date();
    const { period, target } = await assignedTarget(
      db,
      caller,
      metric,
      input.period.kind,
      start,
      now,
    );
    if (input.value !== null && input.value < target) {
      const message = `a personal goal is at or above the assigned target (${target})`;
      throw new ApiError(400, 'validation_failed', message, [
        { path: 'value', code: 'too_small', message },
      ]);
    }
    await saveGoal(db, caller, metric, period, input.value, now);
    return c.json(
      {
        goal:
          input.value === null ? null : { metric, period, value: input.value, assigned: target },
      },
      200,
    );
  },
);
