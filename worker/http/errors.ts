/** The one error type handlers throw; `on-error.ts` turns it into `{"error":{"code","message","details"?}}` (`ErrorBody`, shared/api/common.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export class ApiError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly details: unknown;

  constructor(status: ErrorStatus, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const conflict = (message: string, details?: unknown) =>
  new ApiError(409, 'conflict', message, details);
export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details);

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
