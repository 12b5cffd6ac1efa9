import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      RATE_LIMITER: RateLimit;
      PUBLIC_RATE_LIMITER: RateLimit;
      TEST_MIGRATIONS: D1Migration[];
      CHAT_QUEUE: Queue<{ key: string }>;
      CHAT_RECEIVER_URL: string;
      CHAT_SECRET_KEY: string;
      CHAT_ALLOW_LOCALHOST: string;
      CHAT_RETRY_BASE_SECONDS: string;
    }
  }
}
