/**
 * Who may see a customer, and the edits reps make: rename and class, merge (the logs and
 * identities of the merged customers follow into the one kept) and split (chosen logs move to a
 * new customer). Logs only change their `customer_id`; the metric rollups never move, so no
 * total changes, and the customer rollup follows through the triggers of 0019_customers.sql.
 */
import { type AnyColumn, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CustomerClass } from '../../shared/api/index.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import {
  customerContacts,
  customerKeys,
  customerMetrics,
  customers,
  events,
} from '../db/schema.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { canActOn, findMember } from '../members/queries.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams } from '../teams/queries.ts';
import { type CustomerWithMetrics, findCustomer } from './queries.ts';

/** `column IN ids` with one bound parameter, far inside D1's 100 per statement. */
const inJson = (column: AnyColumn, ids: string[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * A member whose customers the caller may see: themselves or a rep of a team they manage (in
 * every privacy mode: customers are never shown to peers). Anyone else answers 404.
 */
export async function visibleOwner(db: Db, caller: Caller, ownerId: string): Promise<MemberRow> {
  if (ownerId === caller.member.id) return caller.member;
  const owner = await findMember(db, caller.org.id, ownerId);
  if (!owner || caller.member.role !== 'manager') throw notFound('member');
  if (!canActOn(caller, owner, await loadTeams(db, caller.org.id))) throw notFound('member');
  return owner;
}

/**
 * A customer the caller may see, with its owner; another rep's customer answers exactly like an
 * unknown id. Cost: one customer, its metric rows, and the owner check.
 */
export async function visibleCustomer(
  db: Db,
  caller: Caller,
  id: string,
): Promise<{ customer: CustomerWithMetrics; owner: MemberRow }> {
  const customer = await findCustomer(db, caller.org.id, id);
  if (!customer) throw notFound('customer');
  try {
    return { customer, owner: await visibleOwner(db, caller, customer.row.ownerId) };
  } catch {
    throw notFound('customer');
  }
}

export async function patchCustomer(
  db: Db,
  id: string,
  patch: { name?: string | undefined; class?: CustomerClass | null | undefined },
): Promise<void> {
  await db
    .update(customers)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.class !== undefined ? { class: patch.class } : {}),
    })
    .where(eq(customers.id, id))
    .run();
}

/**
 * Folds `fromIds` into `into` (all the same owner's): their logs and identities move, the merged
 * customers go. One batch, so a merge happens whole or not at all.
 */
export async function mergeCustomers(
  db: Db,
  into: CustomerWithMetrics,
  fromIds: string[],
): Promise<void> {
  const ids = [...new Set(fromIds)];
  if (ids.includes(into.row.id)) {
    throw new ApiError(400, 'validation_failed', 'a customer cannot be merged into itself');
  }
  const found = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.orgId, into.row.orgId), inArray(customers.id, ids)))
    .all();
  const sameOwner = found.filter((c) => c.ownerId === into.row.ownerId);
  if (sameOwner.length !== ids.length) {
    // Unknown ids and other reps' customers alike: nothing says which exist.
    throw notFound('customer');
  }
  await db.batch([
    db
      .update(events)
      .set({ customerId: into.row.id })
      .where(and(eq(events.orgId, into.row.orgId), inArray(events.customerId, ids))),
    db
      .update(customerKeys)
      .set({ customerId: into.row.id })
      .where(inArray(customerKeys.customerId, ids)),
    db.delete(customerMetrics).where(inArray(customerMetrics.customerId, ids)),
    db.delete(customerContacts).where(inArray(customerContacts.customerId, ids)),
    db.delete(customers).where(inArray(customers.id, ids)),
  ]);
}

/**
 * Moves the chosen logs of `from` to a new customer of the same owner and class, called `name`;
 * it answers to an identity of its own, so later logs of `from`'s identities still go to `from`.
 * Every chosen log must be one of `from`'s (else 400, and nothing moves).
 */
export async function splitCustomer(
  db: Db,
  from: CustomerWithMetrics,
  eventIds: string[],
  name: string,
): Promise<string> {
  const ids = [...new Set(eventIds)];
  const mine = await db
    .select({ id: events.id, localDate: events.localDate })
    .from(events)
    .where(and(eq(events.customerId, from.row.id), inJson(events.id, ids)))
    .all();
  if (mine.length !== ids.length) {
    const known = new Set(mine.map((e) => e.id));
    throw new ApiError(
      400,
      'validation_failed',
      'only logs of this customer can be split off',
      ids
        .filter((id) => !known.has(id))
        .map((id) => ({
          path: 'events',
          code: 'custom',
          message: `${id} is not a log of this customer`,
        })),
    );
  }
  const id = newId();
  const since = mine.map((e) => e.localDate).sort()[0] ?? from.row.since;
  await db.batch([
    db.insert(customers).values({
      id,
      orgId: from.row.orgId,
      ownerId: from.row.ownerId,
      key: `split:${id}`,
      name,
      class: from.row.class,
      since,
      createdAt: new Date().toISOString(),
    }),
    db
      .update(events)
      .set({ customerId: id })
      .where(and(eq(events.customerId, from.row.id), inJson(events.id, ids))),
  ]);
  return id;
}
