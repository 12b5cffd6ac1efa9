/**
 * Bulk events for a generated org, written by SQLite itself (a recursive CTE inside one INSERT),
 * so a million events load in seconds. They go into the real `events` table, so the real rollup
 * triggers maintain the rollups exactly as they do for API writes.
 *
 * Shape: every rep × each of the last DAYS days × each of METRICS.length metrics is one "cell";
 * copy `c` adds one event to every cell. So the event count grows with copies while the number of
 * rollup rows stays the same: the comparison isolates the effect of the event count.
 */
import type { LocalD1Target } from './d1-local.ts';
import { d1Query, d1Script } from './d1-local.ts';

export const DAYS = 40;
const METRICS: Array<[string, number]> = [
  ['revenue', 25_000],
  ['deals', 1],
  ['calls', 1],
  ['meetings', 1],
  ['emails', 1],
];
export const cellsFor = (reps: number) => reps * DAYS * METRICS.length;

export const uuidSql = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** Adds copies [from, to) of the cell grid for every rep of `orgId`. */
export async function addEventCopies(
  target: LocalD1Target,
  orgId: string,
  from: number,
  to: number,
): Promise<void> {
  const metrics = METRICS.map(([m, q]) => `('${m}', ${q})`).join(', ');
  const createdAt = new Date().toISOString();
  const statements: string[] = [];
  // One statement per copy: each is one transaction of `cells` rows, a size SQLite handles well.
  for (let c = from; c < to; c++) {
    statements.push(`WITH RECURSIVE
  days(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM days WHERE d < ${DAYS - 1}),
  metrics(m, q) AS (VALUES ${metrics}),
  reps(id, k) AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) FROM members WHERE org_id = '${orgId}' AND role = 'rep')
INSERT INTO events (id, org_id, member_id, metric, quantity, occurred_at, local_date, evidence, details, created_at, voided)
SELECT ${uuidSql}, '${orgId}', reps.id, metrics.m, metrics.q * (1 + (reps.k + ${c}) % 7),
  date('now', '-' || days.d || ' days') || 'T09:00:00.000Z', date('now', '-' || days.d || ' days'),
  ${c % 2}, '{"source":{"app":"bench"}}', '${createdAt}', 0
FROM reps, days, metrics;`);
  }
  await d1Script(target, statements.join('\n'), `events-${orgId}-${from}-${to}`);
}

export interface Consistency {
  events: number;
  rawSum: number;
  rollupSum: number;
  rollupRows: number;
}

/** Raw sums against rollup sums for the org: the triggers must have kept them equal. */
export async function checkRollups(target: LocalD1Target, orgId: string): Promise<Consistency> {
  const [answer] = await d1Query<Consistency>(
    target,
    `SELECT (SELECT count(*) FROM events WHERE org_id = '${orgId}') AS events,
            (SELECT coalesce(sum(quantity), 0) FROM events WHERE org_id = '${orgId}' AND voided = 0) AS rawSum,
            (SELECT coalesce(sum(total), 0) FROM rollups WHERE org_id = '${orgId}') AS rollupSum,
            (SELECT count(*) FROM rollups WHERE org_id = '${orgId}') AS rollupRows`,
  );
  const row = answer?.results[0];
  if (!row) throw new Error('consistency query answered nothing');
  if (row.rawSum !== row.rollupSum) {
    throw new Error(`rollups disagree with raw events: ${JSON.stringify(row)}`);
  }
  return row;
}
