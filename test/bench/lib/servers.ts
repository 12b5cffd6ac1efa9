/** Starting the real worker and the bare baseline worker for a benchmark. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METER_REQUEST_HEADER, METER_RESPONSE_HEADER } from '../../../worker/bench/d1-meter.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { BARE_TABLE_SQL } from '../bare-worker/schema.ts';
import { d1Query } from './d1-local.ts';

export const bareWorkerDir = fileURLToPath(new URL('../bare-worker', import.meta.url));

/** The bench entry of the real worker (worker/bench/index.ts): the app plus the D1 meter. */
export const BENCH_ENTRY = 'worker/bench/index.ts';

/** The real worker with the bench-only D1 meter available (worker/bench/d1-meter.ts). */
export const startRealServer = (persistTo?: string): Promise<WorkerServer> =>
  startWorkerServer({ entry: BENCH_ENTRY, ...(persistTo ? { persistTo } : {}) });

/**
 * The bare worker. With `persistTo` of a real server it reads that server's database (raw-events
 * baselines); without, it gets its own database with the `bare_events` table.
 */
export async function startBareServer(persistTo?: string): Promise<WorkerServer> {
  const dir = persistTo ?? mkdtempSync(join(tmpdir(), 'pacer-bare-'));
  if (!persistTo) await d1Query({ persistTo: dir, configDir: bareWorkerDir }, BARE_TABLE_SQL);
  const server = await startWorkerServer({
    persistTo: dir,
    config: join(bareWorkerDir, 'wrangler.toml'),
  });
  return persistTo
    ? server
    : // Its own folder: delete it on dispose like a server that made its own folder would.
      {
        ...server,
        dispose: async () => {
          await server.dispose();
          rmSync(dir, { recursive: true, force: true });
        },
      };
}

/** Ask the real worker for the request's D1 cost (worker/bench/d1-meter.ts). */
export const METER = { [METER_REQUEST_HEADER]: '1' };

export interface D1Cost {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
}

/** Parses the `x-pacer-d1` response header ("queries=…; rows_read=…; rows_written=…"). */
export function d1Cost(headers: Headers): D1Cost {
  const raw = headers.get(METER_RESPONSE_HEADER);
  if (!raw)
    throw new Error(
      'no x-pacer-d1 header: is the server running the bench entry (worker/bench/index.ts)?',
    );
  const parts = Object.fromEntries(
    raw.split(';').map((p) => {
      const [k, v] = p.trim().split('=');
      return [k, Number(v)];
    }),
  );
  return {
    queries: parts.queries ?? 0,
    rowsRead: parts.rows_read ?? 0,
    rowsWritten: parts.rows_written ?? 0,
  };
}
