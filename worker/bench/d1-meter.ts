/**
 * Benchmark-only D1 meter: sums `meta.rows_read` / `rows_written` over every statement one request
 * runs, so `npm run bench` can state what a request really costs on D1's bill.
 *
 * Only the bench entry (index.ts) uses it, and only for a request carrying `x-pacer-meter: 1`;
 * unmetered requests (the latency runs) take the ordinary path. D1's `raw()` returns no meta, so a metered read also runs once through
 * `all()` (reads have no side effects; the time this adds is never measured).
 */
import type { D1Like, D1StatementLike } from '../env.ts';

export const METER_REQUEST_HEADER = 'x-pacer-meter';
export const METER_RESPONSE_HEADER = 'x-pacer-d1';

export interface D1Usage {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
}

interface D1Meta {
  rows_read?: number;
  rows_written?: number;
}
interface D1ResultLike {
  results?: Record<string, unknown>[];
  meta?: D1Meta;
}
interface FullStatement extends D1StatementLike {
  all(): Promise<D1ResultLike>;
  run(): Promise<D1ResultLike>;
  raw(): Promise<unknown[][]>;
}

function record(usage: D1Usage, result: D1ResultLike): void {
  usage.queries += 1;
  usage.rowsRead += result.meta?.rows_read ?? 0;
  usage.rowsWritten += result.meta?.rows_written ?? 0;
}

/** The real statement behind a metered one (batch() must receive D1's own objects). */
const inner = new WeakMap<object, D1StatementLike>();

const isRead = (query: string): boolean => /^\s*(select|with)\b/i.test(query);

function meterStatement(stmt: FullStatement, query: string, usage: D1Usage): FullStatement {
  const metered = {
    bind: (...values: unknown[]) =>
      meterStatement(stmt.bind(...values) as FullStatement, query, usage),
    all: async () => {
      const result = await stmt.all();
      record(usage, result);
      return result;
    },
    run: async () => {
      const result = await stmt.run();
      record(usage, result);
      return result;
    },
    raw: async () => {
      // A SELECT's columns may share names (joins): keep D1's own arrays and re-run the read
      // through all() for its meta. Writes (INSERT … RETURNING) must run once: map them instead.
      if (isRead(query)) {
        const [rows, result] = await Promise.all([stmt.raw(), stmt.all()]);
        record(usage, result);
        return rows;
      }
      const result = await stmt.all();
      record(usage, result);
      return (result.results ?? []).map((row) => Object.keys(row).map((k) => row[k]));
    },
    first: async (column?: string) => {
      const result = await stmt.all();
      record(usage, result);
      const row = result.results?.[0];
      if (row === undefined) return null;
      return column === undefined ? row : row[column];
    },
  };
  inner.set(metered, stmt);
  return metered;
}

/** A D1 binding that adds every statement's cost to `usage`. */
export function meterD1(d1: D1Like, usage: D1Usage): D1Like {
  return {
    prepare: (query) => meterStatement(d1.prepare(query) as FullStatement, query, usage),
    batch: async <T>(statements: D1StatementLike[]) => {
      const results = await d1.batch<T>(statements.map((s) => inner.get(s) ?? s));
      for (const r of results) record(usage, r as D1ResultLike);
      return results;
    },
    exec: (query) => d1.exec(query),
  };
}

export const formatUsage = (u: D1Usage): string =>
  `queries=${u.queries}; rows_read=${u.rowsRead}; rows_written=${u.rowsWritten}`;
