/**
 * Reads keyed by a long list of ids. D1 binds at most 100 parameters per statement, so the ids go
 * in chunks; all chunks are sent as one D1 batch, one round trip to the database whatever the
 * number of chunks (awaited one by one, 500 members took six).
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client.ts';

/** Ids per statement: leaves room under D1's 100-parameter cap for a few more bound values. */
export const IDS_PER_STATEMENT = 90;

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The rows of `read(part)` for every chunk of `ids`, in one batch. `read` builds the statement
 * (not awaited) for one chunk of at most {@link IDS_PER_STATEMENT} ids.
 */
export async function readByIds<Q extends BatchItem<'sqlite'> & PromiseLike<unknown[]>>(
  db: Db,
  ids: readonly string[],
  read: (part: string[]) => Q,
): Promise<Awaited<Q>[number][]> {
  const [first, ...rest] = chunk(ids).map(read);
  if (!first) return [];
  const results = (await db.batch([first, ...rest])) as Awaited<Q>[];
  return results.flat() as Awaited<Q>[number][];
}
