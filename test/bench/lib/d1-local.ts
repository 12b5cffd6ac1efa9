/**
 * SQL straight against a server's local D1 file with `wrangler d1 execute --local` (the same
 * SQLite file `wrangler dev --persist-to` uses). For bulk set-up that the API would make slow,
 * for the raw-events baselines, and for counting what the server stored.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/worker-server.ts';

const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js');

export interface D1Answer<Row> {
  results: Row[];
  meta: { rows_read: number; rows_written: number; duration: number };
}

function wrangler(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      cwd,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`wrangler ${args.join(' ')} → ${code}\n${err}${out}`)),
    );
  });
}

export interface LocalD1Target {
  persistTo: string;
  /** Folder holding the wrangler config whose `DB` binding names the database (default: repo root). */
  configDir?: string;
}

/** Runs one SQL command; answers each statement's rows and D1 meta. */
export async function d1Query<Row = Record<string, unknown>>(
  target: LocalD1Target,
  sql: string,
): Promise<D1Answer<Row>[]> {
  const out = await wrangler(
    [
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      target.persistTo,
      '--json',
      '--command',
      sql,
    ],
    target.configDir ?? repoRoot,
  );
  return JSON.parse(out) as D1Answer<Row>[];
}

/** Runs a (possibly large) SQL script from a file. */
export async function d1Script(target: LocalD1Target, sql: string, name: string): Promise<void> {
  const file = join(target.persistTo, `${name}.sql`);
  writeFileSync(file, sql);
  await wrangler(
    ['d1', 'execute', 'DB', '--local', '--persist-to', target.persistTo, '--yes', '--file', file],
    target.configDir ?? repoRoot,
  );
}
