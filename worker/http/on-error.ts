/** Every failure leaves as `{"error":{"code","message","details"?}}` with its proper status. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../../shared/domain/errors.ts';
import { ApiError, errorBody } from './errors.ts';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export const onError: ErrorHandler = (err, c: Context) => {
  if (err instanceof ApiError) {
    // The rate-limit bindings count per minute.
    if (err.status === 429) c.header('retry-after', '60');
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof DomainError) {
    // A domain rule refused the input (shared/domain/errors.ts): the request's fault.
    return c.json(errorBody('validation_failed', err.message), 400);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono raises these itself, e.g. 400 for a body that is not JSON.
    const code = CODE_BY_STATUS[err.status] ?? 'bad_request';
    return c.json(errorBody(code, err.message || code), err.status);
  }
  console.error('unhandled error', err);
  return c.json(errorBody('internal', 'internal error'), 500);
};

export const onNotFound: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404);
