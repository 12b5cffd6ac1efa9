/**
 * `zValidator` with the API's error shape (`ErrorBody`, shared/api/common.ts): a failed parse becomes a 400 `validation_failed`
 * whose `details` list the zod issues (path + message), so clients can point at the bad field.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

export function issuesOf(error: z.core.$ZodError) {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: i.code,
    message: i.message,
  }));
}

export const validationFailed = (where: string, error: z.core.$ZodError) =>
  new ApiError(400, 'validation_failed', `invalid ${where}`, issuesOf(error));

export const validate = <Target extends keyof ValidationTargets, T extends z.ZodType>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationFailed(target === 'json' ? 'body' : target, result.error);
  });
