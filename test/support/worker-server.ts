/**
 * Runs the real worker under `wrangler dev` (workerd + local D1) for end-to-end tests, benchmarks
 * and `npm start`. Each server gets its own persistence folder, so tests never touch the developer's
 * local database, and `restart()` keeps the data (to prove durability across server restarts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js');

export interface WorkerServer {
  readonly url: string;
  readonly port: number;
  readonly persistTo: string;
  /** Stops the server; the data stays in `persistTo` until `dispose()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and deletes its data folder if this module created it. */
  dispose(): Promise<void>;
}

export interface WorkerServerOptions {
  port?: number;
  /** Keep data here (created if missing); default: a fresh temporary folder. */
  persistTo?: string;
  /** Extra `--var NAME:value` bindings (`PUBLIC_ORIGIN` defaults to the server's own URL). */
  vars?: Record<string, string>;
  /** Print wrangler's output (for `npm start`). */
  inheritOutput?: boolean;
  /**
   * Another wrangler config (e.g. the benchmarks' bare worker); its database is not migrated.
   * Default: the repository's wrangler.toml, migrated before the start.
   */
  config?: string;
  /** Another entry module for the same config (e.g. the bench entry, worker/bench/index.ts). */
  entry?: string;
  /**
   * Expose the cron handler at `/cdn-cgi/handler/scheduled` (`wrangler dev --test-scheduled`):
   * local dev does not run crons by itself, so `npm start` calls it every minute.
   */
  testScheduled?: boolean;
}

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: 'true' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(args: string[], inherit: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      cwd: repoRoot,
      env,
      stdio: inherit ? 'inherit' : 'pipe',
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`wrangler ${args[0]} failed (${code}):\n${output}`)),
    );
  });
}

/** Applies the drizzle migrations to the local D1 kept in `persistTo`. */
export function applyMigrations(persistTo: string, inherit = false): Promise<void> {
  return run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], inherit);
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/v1/openapi.json`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`wrangler dev did not answer within 60 s:\n${log()}`);
}

export async function startWorkerServer(options: WorkerServerOptions = {}): Promise<WorkerServer> {
  const port = options.port ?? (await freePort());
  const ownsDir = options.persistTo === undefined;
  const persistTo = options.persistTo ?? mkdtempSync(join(tmpdir(), 'pacer-d1-'));
  const url = `http://127.0.0.1:${port}`;
  const inherit = options.inheritOutput ?? false;
  if (options.config === undefined) await applyMigrations(persistTo, inherit);
  const configArgs = options.config === undefined ? [] : ['--config', options.config];
  const entryArgs = options.entry === undefined ? [] : [options.entry];
  const scheduledArgs = options.testScheduled ? ['--test-scheduled'] : [];

  let child: ChildProcess | undefined;
  let output = '';
  // Links the worker hands out point at this server unless the caller says otherwise.
  const vars = { PUBLIC_ORIGIN: url, ...options.vars };
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]);

  const start = async () => {
    output = '';
    child = spawn(
      process.execPath,
      [
        wranglerBin,
        'dev',
        ...entryArgs,
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--persist-to',
        persistTo,
        '--inspector-port',
        String(await freePort()),
        '--show-interactive-dev-session=false',
        ...configArgs,
        ...scheduledArgs,
        ...varArgs,
      ],
      {
        cwd: repoRoot,
        env,
        stdio: inherit ? ['ignore', 'inherit', 'inherit'] : 'pipe',
        detached: true,
      },
    );
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    await waitUntilUp(url, child, () => output);
  };

  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.pid === undefined) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    // wrangler spawns workerd: signal the whole process group.
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      c.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url,
    port,
    persistTo,
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      if (ownsDir) rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
