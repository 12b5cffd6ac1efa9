import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes SQL migrations that `wrangler d1 migrations apply` and the
// worker tests (applyD1Migrations) both read. Triggers live in a hand-written custom migration.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './worker/db/migrations',
});
