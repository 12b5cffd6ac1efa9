/**
 * Atomic, idempotent event ingest.
 *
 * Each event is checked on its own (one bad event is `rejected` without failing the batch). The
 * accepted ones are inserted with `INSERT … SELECT … FROM json_each(?) ON CONFLICT(id) DO NOTHING
 * RETURNING id`: one bound JSON parameter per chunk keeps every statement far below D1's
 * 100-parameter and 100 KB limits, and all chunks run in ONE `batch()` (one transaction). The
 * rollup triggers fire only for rows really inserted, so a retried, overlapping or concurrent
 * batch can never count an event twice, and `RETURNING` tells `created` from `duplicate` exactly.
 *
 * An id that already exists under ANOTHER member is answered `rejected` / `id_conflict`: nothing is
 * counted and nothing about the other event is revealed; the client must re-send with a new id.
 *
 * A day's total of one metric per member is capped (`DAILY_TOTAL_CAP`, shared/api/limits.ts), so
 * totals stay exact integers. The batch is walked in order against the member's rollups (one
 * read); an event that would take its day past the cap is `rejected` / `daily_limit`, the events
 * before and after it are judged on their own. Only when something is refused are the batch's ids
 * looked up, so a retried event already counted neither uses the day's room twice nor is refused.
 * The insert checks the cap again against the rollups as they are when it runs, so a concurrent
 * request cannot slip past it either.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  ActivityEvent,
  DAILY_TOTAL_CAP,
  type EventResult,
  type MetricKind,
  type OrgSettings,
} from '../../shared/api/index.ts';
import { announcementRulesOf, bigDealLine } from '../../shared/domain/announcements.ts';
import { DEAL_METRIC } from '../../shared/domain/breakdown.ts';
import { customerIdentity } from '../../shared/domain/customers.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { amountMetricOf, metricLines } from '../../shared/domain/lines.ts';
import { metricCatalog } from '../../shared/domain/metrics.ts';
import { announce } from '../announcements/announce.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { events, rollups } from '../db/schema.ts';
import type { D1Like } from '../env.ts';
import { newId } from '../sessions/crypto.ts';
import { COLLECTIONS, refuseUnknownDeals } from './deal-links.ts';

/** Clocks drift; an event more than this far ahead of the server's clock is refused. */
export const MAX_FUTURE_MS = 60 * 60 * 1000;
/** Logs older than this are refused: periods that old are closed. */
export const MAX_AGE_MS = 400 * 24 * 60 * 60 * 1000;
const EVENTS_PER_STATEMENT = 100;
const IDS_PER_LOOKUP = 90;

interface Row {
  id: string;
  metric: string;
  quantity: number;
  /** The most this member's day of this metric may total (not stored, read by the insert). */
  cap: number;
  /** A won deal's value and the metric it counts for (shared/domain/lines.ts), else null. */
  amount: number | null;
  amountMetric: string | null;
  /** The most the day's `amountMetric` may total (not stored). */
  amountCap: number;
  occurredAt: string;
  localDate: string;
  evidence: 0 | 1;
  details: string;
  /** The customer identity its evidence names (shared/domain/customers.ts), if any. */
  customerKey: string | null;
  customerName: string | null;
  /** The deal log a collection pays (kept in `details`; checked by ./deal-links.ts). */
  deal?: string;
  /** A won deal's product category, one of the org's, or null. */
  category: string | null;
}

const rejected = (id: string, code: string, message: string): EventResult => ({
  id,
  status: 'rejected',
  error: { code, message },
});

function knownMetrics(settings: OrgSettings): Map<string, MetricKind> {
  return new Map(metricCatalog(settings).map((m) => [m.id, m.kind]));
}

const dailyLimit = (id: string, metric: string, cap: number) =>
  rejected(
    id,
    'daily_limit',
    `this log would take the day's ${metric} past ${cap}, the most one member can log in a day`,
  );

/** Checks one raw event; returns the row to insert or the rejection. */
function checkEvent(
  raw: Record<string, unknown>,
  member: MemberRow,
  metrics: Map<string, MetricKind>,
  categories: ReadonlySet<string>,
  now: number,
): Row | EventResult {
  const rawId = typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';
  const parsed = ActivityEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'event';
    return rejected(rawId, 'invalid_event', `${where}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const kind = metrics.get(e.metric);
  if (kind === undefined) {
    return rejected(e.id, 'unknown_metric', `metric ${e.metric} is not defined for this team`);
  }
  const cap = DAILY_TOTAL_CAP[kind];
  if (e.quantity > cap) return dailyLimit(e.id, e.metric, cap);
  const amountMetric = e.amount === undefined ? null : amountMetricOf(e.metric);
  if (e.amount !== undefined && amountMetric === null) {
    return rejected(e.id, 'invalid_event', `amount: a ${e.metric} log carries no amount`);
  }
  const amountKind = amountMetric === null ? undefined : metrics.get(amountMetric);
  if (amountMetric !== null && amountKind === undefined) {
    return rejected(e.id, 'unknown_metric', `metric ${amountMetric} is not defined for this team`);
  }
  const amountCap = DAILY_TOTAL_CAP[amountKind ?? 'amount'];
  if (amountMetric !== null && (e.amount ?? 0) > amountCap) {
    return dailyLimit(e.id, amountMetric, amountCap);
  }
  const at = Date.parse(e.occurredAt);
  if (at > now + MAX_FUTURE_MS) {
    return rejected(e.id, 'occurred_in_future', 'occurredAt is more than an hour in the future');
  }
  if (at < now - MAX_AGE_MS) {
    return rejected(e.id, 'too_old', 'occurredAt is more than 400 days ago');
  }
  if (e.deal !== undefined && e.metric !== COLLECTIONS) {
    return rejected(e.id, 'invalid_event', `deal: only ${COLLECTIONS} logs name a deal`);
  }
  if (e.category !== undefined && e.metric !== DEAL_METRIC) {
    return rejected(e.id, 'invalid_event', `category: only ${DEAL_METRIC} logs carry a category`);
  }
  if (e.category !== undefined && !categories.has(e.category)) {
    return rejected(
      e.id,
      'invalid_event',
      `category: ${e.category} is not one of this team's product categories`,
    );
  }
  const details = { source: e.source, contact: e.contact, note: e.note, deal: e.deal };
  const customer = customerIdentity({
    url: e.source?.url,
    email: e.contact?.email,
    name: e.contact?.name,
  });
  return {
    id: e.id,
    metric: e.metric,
    quantity: e.quantity,
    cap,
    amount: amountMetric === null ? null : (e.amount ?? null),
    amountMetric,
    amountCap,
    occurredAt: new Date(at).toISOString(),
    localDate: localDateOf(at, member.timezone),
    evidence: e.source?.url ? 1 : 0,
    details: JSON.stringify(details),
    customerKey: customer?.key ?? null,
    customerName: customer?.name ?? null,
    ...(e.deal ? { deal: e.deal } : {}),
    category: e.category ?? null,
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Raw D1 (drizzle cannot batch raw SQL): 4 bound parameters per statement whatever the size.
// The member's customers named by the batch that do not exist yet (one per identity per owner;
// the customers_first_key trigger records the identity), made in the same transaction as the
// events that link to them.
const INSERT_CUSTOMERS = `
  INSERT INTO customers (id, org_id, owner_id, key, name, since, created_at)
  SELECT json_extract(value, '$.id'), ?1, ?2, json_extract(value, '$.key'),
         json_extract(value, '$.name'), json_extract(value, '$.since'), ?3
  FROM json_each(?4)
  WHERE NOT EXISTS (SELECT 1 FROM customer_keys k
                    WHERE k.org_id = ?1 AND k.owner_id = ?2
                      AND k.key = json_extract(value, '$.key'))`;

const INSERT_EVENTS = `
  INSERT INTO events (id, org_id, member_id, metric, quantity, amount, amount_metric,
                      occurred_at, local_date, evidence, details, created_at, customer_id,
                      category)
  SELECT json_extract(value, '$.id'), ?1, ?2,
         json_extract(value, '$.metric'), json_extract(value, '$.quantity'),
         json_extract(value, '$.amount'), json_extract(value, '$.amountMetric'),
         json_extract(value, '$.occurredAt'), json_extract(value, '$.localDate'),
         json_extract(value, '$.evidence'), json_extract(value, '$.details'), ?3,
         (SELECT k.customer_id FROM customer_keys k
          WHERE k.org_id = ?1 AND k.owner_id = ?2 AND k.key = json_extract(value, '$.customerKey')),
         json_extract(value, '$.category')
  FROM json_each(?4)
  WHERE coalesce((SELECT r.total FROM rollups r
                  WHERE r.member_id = ?2
                    AND r.local_date = json_extract(value, '$.localDate')
                    AND r.metric = json_extract(value, '$.metric')), 0)
        + json_extract(value, '$.quantity') <= json_extract(value, '$.cap')
    AND (json_extract(value, '$.amountMetric') IS NULL
         OR coalesce((SELECT r.total FROM rollups r
                      WHERE r.member_id = ?2
                        AND r.local_date = json_extract(value, '$.localDate')
                        AND r.metric = json_extract(value, '$.amountMetric')), 0)
            + json_extract(value, '$.amount') <= json_extract(value, '$.amountCap'))
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

// The customers this request made whose logs all stayed out after all (a concurrent request took
// the day to its cap first, or the id was another member's): gone again in the same transaction,
// identity included, so a refused log never leaves an empty customer behind. Only ids this request
// made are candidates; one seek of `events_customer` each.
const DROP_EMPTY_CUSTOMERS = `
  DELETE FROM customers
  WHERE id IN (SELECT value FROM json_each(?1))
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.customer_id = customers.id)`;
const DROP_EMPTY_KEYS = `
  DELETE FROM customer_keys
  WHERE customer_id IN (SELECT value FROM json_each(?1))
    AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_keys.customer_id)`;

const insertChunk = (d1: D1Like, member: MemberRow, rows: Row[], createdAt: string) =>
  d1.prepare(INSERT_EVENTS).bind(member.orgId, member.id, createdAt, JSON.stringify(rows));

/** One candidate customer per identity in `rows`, since its earliest day in the batch. */
function newCustomers(rows: Row[]): { id: string; key: string; name: string; since: string }[] {
  const byKey = new Map<string, { id: string; key: string; name: string; since: string }>();
  for (const r of rows) {
    if (r.customerKey === null) continue;
    const known = byKey.get(r.customerKey);
    if (known) {
      if (r.localDate < known.since) known.since = r.localDate;
    } else {
      byKey.set(r.customerKey, {
        id: newId(),
        key: r.customerKey,
        name: r.customerName ?? r.customerKey,
        since: r.localDate,
      });
    }
  }
  return [...byKey.values()];
}

/** The statements that make the batch's new customers, and those that drop them if left empty. */
function customerStatements(d1: D1Like, member: MemberRow, rows: Row[], createdAt: string) {
  const candidates = newCustomers(rows);
  if (candidates.length === 0) return { before: [], after: [] };
  const ids = JSON.stringify(candidates.map((c) => c.id));
  return {
    before: chunk(candidates, EVENTS_PER_STATEMENT).map((part) =>
      d1.prepare(INSERT_CUSTOMERS).bind(member.orgId, member.id, createdAt, JSON.stringify(part)),
    ),
    after: [d1.prepare(DROP_EMPTY_CUSTOMERS).bind(ids), d1.prepare(DROP_EMPTY_KEYS).bind(ids)],
  };
}

/** Owners of ids that were not inserted. Cost: one primary-key read per such id. */
async function ownersOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const part of chunk(ids, IDS_PER_LOOKUP)) {
    const rows = await db
      .select({ id: events.id, memberId: events.memberId })
      .from(events)
      .where(inArray(events.id, part))
      .all();
    for (const r of rows) owners.set(r.id, r.memberId);
  }
  return owners;
}

/** Each (day, metric) total of the member on the batch's days. Cost: their rollup rows. */
async function dayTotals(db: Db, member: MemberRow, rows: Row[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  const days = [...new Set(rows.map((r) => r.localDate))];
  for (const part of chunk(days, IDS_PER_LOOKUP)) {
    const found = await db
      .select({ localDate: rollups.localDate, metric: rollups.metric, total: rollups.total })
      .from(rollups)
      .where(and(eq(rollups.memberId, member.id), inArray(rollups.localDate, part)))
      .all();
    for (const r of found) totals.set(`${r.localDate}|${r.metric}`, r.total);
  }
  return totals;
}

/** A row's metric lines with the cap of each (a won deal has two). */
function linesOf(row: Row): { metric: string; quantity: number; cap: number }[] {
  return metricLines(row).map((line) => ({
    ...line,
    cap: line.metric === row.metric ? row.cap : row.amountCap,
  }));
}

/**
 * The rows (in order) that would take their day past its cap in any of their metric lines,
 * counting only rows in `fresh`; with the line that would, for the message.
 */
function overCap(
  rows: Row[],
  totals: Map<string, number>,
  fresh: (row: Row) => boolean,
): Map<string, { metric: string; cap: number }> {
  const running = new Map(totals);
  const refused = new Map<string, { metric: string; cap: number }>();
  for (const row of rows) {
    if (!fresh(row)) continue;
    const lines = linesOf(row).map((line) => {
      const key = `${row.localDate}|${line.metric}`;
      return { ...line, key, after: (running.get(key) ?? 0) + line.quantity };
    });
    const over = lines.find((line) => line.after > line.cap);
    if (over) refused.set(row.id, { metric: over.metric, cap: over.cap });
    else for (const line of lines) running.set(line.key, line.after);
  }
  return refused;
}

/** Stores a batch of raw events for `member`; answers one result per input, in input order. */
export async function ingestEvents(
  db: Db,
  d1: D1Like,
  member: MemberRow,
  settings: OrgSettings,
  batch: Record<string, unknown>[],
  now: number = Date.now(),
): Promise<EventResult[]> {
  const metrics = knownMetrics(settings);
  const categories = new Set((settings.productCategories ?? []).map((c) => c.id));
  const results: (EventResult | null)[] = [];
  const toInsert: Row[] = [];
  const seen = new Set<string>();
  for (const raw of batch) {
    const checked = checkEvent(raw, member, metrics, categories, now);
    if ('status' in checked) {
      results.push(checked);
    } else if (seen.has(checked.id)) {
      // The same id twice in one request: the first copy counts, the second is a duplicate.
      results.push({ id: checked.id, status: 'duplicate' });
    } else {
      seen.add(checked.id);
      toInsert.push(checked);
      results.push(null);
    }
  }
  await refuseUnknownDeals(db, member, toInsert, results);
  if (toInsert.length > 0) {
    const totals = await dayTotals(db, member, toInsert);
    let refused = overCap(toInsert, totals, () => true);
    if (refused.size > 0) {
      // Someone is at their cap: leave out events already stored (a retry), then judge again.
      const stored = await ownersOf(
        db,
        toInsert.map((r) => r.id),
      );
      refused = overCap(toInsert, totals, (r) => !stored.has(r.id));
      let next = 0;
      for (let i = 0; i < results.length; i++) {
        if (results[i] !== null) continue;
        const row = toInsert[next++] as Row;
        const over = refused.get(row.id);
        if (over) results[i] = dailyLimit(row.id, over.metric, over.cap);
      }
      toInsert.splice(0, toInsert.length, ...toInsert.filter((r) => !refused.has(r.id)));
    }
  }
  const created = new Set<string>();
  if (toInsert.length > 0) {
    const createdAt = new Date(now).toISOString();
    const customers = customerStatements(d1, member, toInsert, createdAt);
    const statements = chunk(toInsert, EVENTS_PER_STATEMENT).map((rows) =>
      insertChunk(d1, member, rows, createdAt),
    );
    // One batch = one transaction: all chunks commit together or none does.
    const returned = await d1.batch<{ id: string }>([
      ...customers.before,
      ...statements,
      ...customers.after,
    ]);
    for (const result of returned.slice(
      customers.before.length,
      customers.before.length + statements.length,
    )) {
      for (const r of result.results) created.add(r.id);
    }
  }
  // Only logs really created are news (a retried batch announces nothing again).
  const rules = announcementRulesOf(settings);
  const bigDeals = toInsert.flatMap((r) => {
    const line = created.has(r.id) ? bigDealLine(rules, r, settings.primaryMetric) : null;
    return line ? [{ id: r.id, line }] : [];
  });
  await announce(
    db,
    member,
    bigDeals.map(({ id, line }) => ({
      key: `big_deal:${id}`,
      kind: 'big_deal',
      payload: { metric: line.metric, amount: line.quantity },
    })),
    new Date(now),
  );
  const notCreated = toInsert.filter((r) => !created.has(r.id)).map((r) => r.id);
  const owners = notCreated.length > 0 ? await ownersOf(db, notCreated) : new Map();
  let next = 0;
  return results.map((result) => {
    if (result) return result;
    const row = toInsert[next++] as Row;
    if (created.has(row.id)) return { id: row.id, status: 'created' };
    const owner = owners.get(row.id);
    if (owner === member.id) return { id: row.id, status: 'duplicate' };
    if (owner !== undefined) {
      return rejected(
        row.id,
        'id_conflict',
        'this id is already used; send the event with a new id',
      );
    }
    // Not stored and not anyone's: the insert's cap condition left it out.
    return dailyLimit(row.id, row.metric, row.cap);
  });
}

/**
 * Voids one of the member's events (idempotent). The void trigger decrements the rollup only on
 * the 0 → 1 change, so voiding twice subtracts once. Only the owner may void: anyone else's event
 * is `not_found`, the same as an id that does not exist.
 */
export async function voidEvent(
  db: Db,
  member: MemberRow,
  id: string,
): Promise<'voided' | 'not_found'> {
  const existing = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.id, id), eq(events.memberId, member.id)))
    .get();
  if (!existing) return 'not_found';
  await db
    .update(events)
    .set({ voided: true, voidedAt: new Date().toISOString() })
    .where(and(eq(events.id, id), eq(events.voided, false)))
    .run();
  return 'voided';
}
