import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env.ts';
import * as schema from './schema.ts';

/** A drizzle handle on the request's D1 binding. */
export const getDb = (env: Env) => drizzle(env.DB as Parameters<typeof drizzle>[0], { schema });
export type Db = ReturnType<typeof getDb>;
