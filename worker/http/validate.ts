/**
 * Request validation with the API's error shape (`ErrorBody`, shared/api/common.ts): a failed parse
 * becomes a 400 `validation_failed` whose `details` list the issues (path, code, message), so
 * clients can point at the bad field. The validator is `hono-openapi`'s, so the route's query,
 * path parameters and body appear in the OpenAPI document exactly as they are checked.
 */
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

/** A Standard Schema issue (what the validator reports); zod's also carry a `code`. */
interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export function issuesOf(issues: readonly Issue[]) {
  return issues.map((i) => ({
    path: (i.path ?? [])
      .map((p) => String(typeof p === 'object' && p !== null ? p.key : p))
      .join('.'),
    code: 'code' in i && typeof i.code === 'string' ? i.code : 'invalid',
    message: i.message,
  }));
}

export const validationFailed = (where: string, issues: readonly Issue[]) =>
  new ApiError(400, 'validation_failed', `invalid ${where}`, issuesOf(issues));

export const validate = <Target extends keyof ValidationTargets, T extends z.ZodType>(
  target: Target,
  schema: T,
) =>
  validator(target, schema, (result) => {
    if (!result.success) throw validationFailed(target === 'json' ? 'body' : target, result.error);
  });
