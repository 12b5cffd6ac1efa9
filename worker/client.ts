/**
 * Typed API client for the extension and the leaderboard page:
 * `createClient('http://127.0.0.1:8787', { headers: { authorization: 'Bearer …' } }).api.v1.me.$get()`.
 * Import it type-safely from DOM code: the worker's bindings are typed structurally (env.ts).
 */
import { type ClientRequestOptions, hc } from 'hono/client';
import type { AppType } from './app.ts';

export type { AppType };
export const createClient = (baseUrl: string, options?: ClientRequestOptions) =>
  hc<AppType>(baseUrl, options);
