/**
 * The worker's bindings, typed structurally on purpose: the extension imports `AppType` (type
 * only) and typechecks with the DOM lib, where Workers globals such as `D1Database` do not exist.
 */
export interface RateLimiterBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
}

/** The part of D1Database the worker uses directly (drizzle gets the rest). */
export interface D1Like {
  prepare(query: string): D1StatementLike;
  batch<T = unknown>(statements: D1StatementLike[]): Promise<Array<{ results: T[] }>>;
  exec(query: string): Promise<unknown>;
}

/** The part of a Cloudflare Queue producer binding the worker uses. */
export interface QueueLike<Body> {
  send(body: Body, options?: { delaySeconds?: number }): Promise<void>;
  sendBatch(messages: Iterable<{ body: Body; delaySeconds?: number }>): Promise<void>;
}

export interface Env {
  DB: D1Like;
  /** Per-member budget for authenticated calls (wrangler.toml `[[ratelimits]]`). */
  RATE_LIMITER?: RateLimiterBinding;
  /** Per-client-IP budget for unauthenticated calls (sign-up, join): stops invite-code guessing. */
  PUBLIC_RATE_LIMITER?: RateLimiterBinding;
  /** Per-client-IP budget of failed authentications (bad tokens, sessions, TV links, links). */
  AUTH_FAILURE_LIMITER?: RateLimiterBinding;
  /** "false" closes `POST /api/v1/orgs` (default open). */
  SIGNUP_OPEN?: string;
  /**
   * Comma-separated extra CORS origins, e.g. `chrome-extension://abcdef…`. When unset, any
   * browser-extension origin is allowed (unpacked extensions get a random id).
   */
  ALLOWED_ORIGINS?: string;
  /**
   * The http(s) origin the leaderboard page is served from, e.g. `https://pacer.example.com`:
   * sign-in and TV links are built on it, never on the request's Host header.
   */
  PUBLIC_ORIGIN?: string;
  /** Every outgoing chat message (worker/chat/), consumed by this same worker's `queue` handler. */
  CHAT_QUEUE?: QueueLike<{ key: string }>;
  /**
   * Worker secret: 32 bytes of base64, the AES-GCM key chat webhook URLs and signing secrets are
   * encrypted with. Unset: chat channels cannot be created (409 `chat_unconfigured`).
   */
  CHAT_SECRET_KEY?: string;
  /** Development only: "true" lets chat channels point at http://localhost (the demo receiver). */
  CHAT_ALLOW_LOCALHOST?: string;
  /** First retry delay of a failed chat delivery in seconds, doubled per attempt (default 30). */
  CHAT_RETRY_BASE_SECONDS?: string;
}
