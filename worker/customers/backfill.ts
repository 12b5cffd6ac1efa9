/**
 * Links the logs stored before customers existed to their customers, with the same identity rule
 * ingest uses (shared/domain/customers.ts), so customers, last contacts and the customer KPIs
 * include history. A one-off walk over `events` in primary-key order, resumable: each step looks
 * at the next `limit` events after the cursor kept in `backfills`, and everything a step does —
 * new customers, linked logs (the rollups follow through the triggers of 0019–0022, as for a
 * merge), earlier `since` days, the cursor — commits in one batch, so a step that fails changes
 * nothing and the next one starts where the last one ended. Idempotent: only logs still without
 * a customer are linked, a customer is made only for an identity its owner has none for, and a
 * finished walk costs one row read per step.
 *
 * Logs undone before the walk stay unlinked: they count nowhere, so linking them would only make
 * customers with no logs.
 */
import { eq, gt } from 'drizzle-orm';
import { type CustomerIdentity, customerIdentity } from '../../shared/domain/customers.ts';
import type { Db } from '../db/client.ts';
import { backfills, events } from '../db/schema.ts';
import type { D1Like } from '../env.ts';
import { newId } from '../sessions/crypto.ts';

const NAME = 'customers';
/** Events looked at per step: one small read and one transaction of at most this many links. */
export const BACKFILL_STEP = 250;
/** Steps per cron tick (one a minute): 2,000 events a minute, a million in about 8 hours. */
export const BACKFILL_STEPS_PER_TICK = 8;

export interface BackfillProgress {
  /** Events looked at by this call. */
  seen: number;
  /** Logs this call linked to a customer. */
  linked: number;
  done: boolean;
}

/** The evidence a stored log's `details` carries (written by ingest; anything else names nobody). */
function evidenceOf(details: string): { url?: string; email?: string; name?: string } {
  try {
    const parsed = JSON.parse(details) as {
      source?: { url?: unknown };
      contact?: { email?: unknown; name?: unknown };
    };
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      url: text(parsed?.source?.url),
      email: text(parsed?.contact?.email),
      name: text(parsed?.contact?.name),
    };
  } catch {
    return {};
  }
}

/** Whether a log's contact named the customer (else its name is the bare record or address). */
const isNamed = (identity: CustomerIdentity) =>
  identity.name !== identity.key && `email:${identity.name}` !== identity.key;

// Raw D1, one bound JSON parameter each (far inside D1's 100 per statement), all in one batch.
// The owners' customers for identities they have none for yet (the customers_first_key trigger
// records the identity), as ingest makes them.
const INSERT_CUSTOMERS = `
  INSERT INTO customers (id, org_id, owner_id, key, name, since, created_at)
  SELECT json_extract(value, '$.id'), json_extract(value, '$.org'), json_extract(value, '$.owner'),
         json_extract(value, '$.key'), json_extract(value, '$.name'), json_extract(value, '$.since'), ?2
  FROM json_each(?1)
  WHERE NOT EXISTS (SELECT 1 FROM customer_keys k
                    WHERE k.org_id = json_extract(value, '$.org')
                      AND k.owner_id = json_extract(value, '$.owner')
                      AND k.key = json_extract(value, '$.key'))`;

// A customer that already existed now has older logs: its first day moves back to theirs, and
// one still called by its bare identity (a record or address whose logs so far named no contact)
// takes the name the oldest of them gives, as ingest would have named it from the start.
const EARLIER_SINCE = `
  UPDATE customers SET
    since = w.since,
    name = CASE WHEN w.named AND (customers.name = customers.key
                                  OR 'email:' || customers.name = customers.key)
                THEN w.name ELSE customers.name END
  FROM (SELECT k.customer_id AS id, min(json_extract(j.value, '$.since')) AS since,
               json_extract(j.value, '$.name') AS name, json_extract(j.value, '$.named') AS named
        FROM json_each(?1) AS j
        JOIN customer_keys AS k
          ON k.org_id = json_extract(j.value, '$.org')
         AND k.owner_id = json_extract(j.value, '$.owner')
         AND k.key = json_extract(j.value, '$.key')
        GROUP BY k.customer_id) AS w
  WHERE customers.id = w.id AND w.since < customers.since`;

const LINK_EVENTS = `
  UPDATE events SET customer_id = k.customer_id
  FROM json_each(?1) AS j
  JOIN customer_keys AS k
    ON k.org_id = json_extract(j.value, '$.org')
   AND k.owner_id = json_extract(j.value, '$.owner')
   AND k.key = json_extract(j.value, '$.key')
  WHERE events.id = json_extract(j.value, '$.id')
    AND events.customer_id IS NULL AND events.voided = 0
  RETURNING events.id`;

// The cursor moves in the same transaction; `linked` counts this step's logs that now have a
// customer (read back by primary key after the link).
const SAVE_PROGRESS = `
  INSERT INTO backfills (name, cursor, seen, linked, done, updated_at)
  VALUES (?1, ?2, ?3,
          (SELECT count(*) FROM json_each(?4) AS j
           JOIN events AS e ON e.id = json_extract(j.value, '$.id')
           WHERE e.customer_id IS NOT NULL),
          ?5, ?6)
  ON CONFLICT (name) DO UPDATE SET
    cursor = excluded.cursor,
    seen = seen + excluded.seen,
    linked = linked + excluded.linked,
    done = excluded.done,
    updated_at = excluded.updated_at`;

/**
 * One step: the next `limit` events after the cursor. Cost: one row of `backfills`, at most
 * `limit` events by primary key, and for each log linked one identity lookup and its rollup rows.
 */
export async function backfillCustomers(
  db: Db,
  d1: D1Like,
  limit: number = BACKFILL_STEP,
  now: Date = new Date(),
): Promise<BackfillProgress> {
  const state = await db.select().from(backfills).where(eq(backfills.name, NAME)).get();
  if (state?.done) return { seen: 0, linked: 0, done: true };
  const rows = await db
    .select({
      id: events.id,
      orgId: events.orgId,
      memberId: events.memberId,
      occurredAt: events.occurredAt,
      localDate: events.localDate,
      details: events.details,
      voided: events.voided,
      customerId: events.customerId,
    })
    .from(events)
    .where(gt(events.id, state?.cursor ?? ''))
    .orderBy(events.id)
    .limit(limit)
    .all();
  const links: { id: string; org: string; owner: string; key: string }[] = [];
  type Candidate = { id: string; org: string; owner: string; key: string; name: string };
  const candidates = new Map<string, Candidate & { named: boolean; since: string; at: string }>();
  for (const row of rows) {
    if (row.customerId !== null || row.voided) continue;
    const identity = customerIdentity(evidenceOf(row.details));
    if (!identity) continue;
    const link = { id: row.id, org: row.orgId, owner: row.memberId, key: identity.key };
    links.push(link);
    const group = `${row.orgId}\n${row.memberId}\n${identity.key}`;
    const known = candidates.get(group);
    if (!known) {
      candidates.set(group, {
        ...link,
        id: newId(),
        name: identity.name,
        named: isNamed(identity),
        since: row.localDate,
        at: row.occurredAt,
      });
      continue;
    }
    if (row.localDate < known.since) known.since = row.localDate;
    // Named like ingest would have named it: after the earliest of its logs.
    if (row.occurredAt < known.at) {
      known.at = row.occurredAt;
      known.name = identity.name;
      known.named = isNamed(identity);
    }
  }
  const done = rows.length < limit;
  const cursor = rows.at(-1)?.id ?? state?.cursor ?? '';
  const made = JSON.stringify([...candidates.values()].map(({ at: _at, ...c }) => c));
  const linking = JSON.stringify(links);
  const progress = d1
    .prepare(SAVE_PROGRESS)
    .bind(NAME, cursor, rows.length, linking, done ? 1 : 0, now.toISOString());
  if (links.length === 0) {
    await d1.batch([progress]);
    return { seen: rows.length, linked: 0, done };
  }
  const results = await d1.batch<{ id: string }>([
    d1.prepare(INSERT_CUSTOMERS).bind(made, now.toISOString()),
    d1.prepare(EARLIER_SINCE).bind(made),
    d1.prepare(LINK_EVENTS).bind(linking),
    progress,
  ]);
  return { seen: rows.length, linked: results[2]?.results.length ?? 0, done };
}

/**
 * The cron's part: up to {@link BACKFILL_STEPS_PER_TICK} steps until the walk is done. A failure
 * is logged and left for the next tick (nothing of a failed step was kept).
 */
export async function backfillTick(db: Db, d1: D1Like): Promise<void> {
  try {
    for (let i = 0; i < BACKFILL_STEPS_PER_TICK; i++) {
      if ((await backfillCustomers(db, d1)).done) return;
    }
  } catch (error) {
    console.error('customer backfill step failed', error);
  }
}
