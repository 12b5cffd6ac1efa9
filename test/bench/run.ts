/**
 * `npm run bench`: runs every figure family against real local servers (wrangler dev + local
 * D1, 127.0.0.1 only, bounded in count and time) and writes BENCHMARKS.md.
 *
 * Flags: --load-seconds=60  --runs=5  --big-events=1000000  --only=ingest,read-cost,…
 *        --out=BENCHMARKS.md
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../support/worker-server.ts';
import { chatBench } from './figures/chat.ts';
import { contentScriptsBench } from './figures/content-scripts.ts';
import { customersBench } from './figures/customers.ts';
import { durabilityBench } from './figures/durability.ts';
import { extensionPageBench } from './figures/extension-page.ts';
import { ingestBench } from './figures/ingest.ts';
import { loadBench } from './figures/load.ts';
import { pollingBench } from './figures/polling.ts';
import { readCostBench } from './figures/read-cost.ts';
import type { BenchModule, BenchOptions, Section } from './lib/report.ts';
import { renderMarkdown } from './lib/report.ts';

/**
 * The figure families, in order. Another engineer adds the extension's page-impact, sidebar-start
 * and logging-feel figures here as further modules (see BenchModule in lib/report.ts).
 */
const modules: BenchModule[] = [
  ingestBench,
  readCostBench,
  pollingBench,
  loadBench,
  durabilityBench,
  contentScriptsBench,
  extensionPageBench,
  chatBench,
  customersBench,
];

function parseOptions(argv: string[]): BenchOptions & { out: string } {
  const flags = new Map(
    argv
      .filter((a) => a.startsWith('--'))
      .map((a) => {
        const [k, v] = a.slice(2).split('=');
        return [k as string, v ?? 'true'];
      }),
  );
  const num = (name: string, fallback: number) => {
    const value = Number(flags.get(name) ?? fallback);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const known = new Set(['load-seconds', 'runs', 'big-events', 'only', 'out']);
  for (const k of flags.keys()) if (!known.has(k)) throw new Error(`unknown flag --${k}`);
  return {
    loadSeconds: num('load-seconds', 60),
    runs: Math.round(num('runs', 5)),
    bigEvents: Math.round(num('big-events', 1_000_000)),
    only: (flags.get('only') ?? '').split(',').filter(Boolean),
    out: flags.get('out') ?? 'BENCHMARKS.md',
  };
}

function version(cmd: string, args: string[]): string {
  try {
    return (
      execFileSync(cmd, args, { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n')[0] ?? '?'
    );
  } catch {
    return '?';
  }
}

const packageVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function header(options: BenchOptions): string[] {
  const cpu = cpus();
  return [
    `date: ${new Date().toISOString()}`,
    `machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown cpu'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${process.platform} ${process.arch}`,
    `versions: node ${process.version}, wrangler ${packageVersion('wrangler')}, miniflare ${packageVersion('miniflare')}, workerd ${packageVersion('workerd')}, hono ${packageVersion('hono')}, drizzle-orm ${packageVersion('drizzle-orm')}, zod ${packageVersion('zod')}`,
    `commit: ${version('git', ['rev-parse', '--short', 'HEAD'])}${version('git', ['status', '--porcelain', '--untracked-files=no']) === '' ? '' : ' (working tree has uncommitted changes)'}`,
    `load average at start (1/5/15 min): ${loadAverage()} — the machine is shared, read latencies with it`,
    `options: runs=${options.runs}, load test ${options.loadSeconds} s, big org ${options.bigEvents.toLocaleString('en-US')} events`,
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.env.WRANGLER_SEND_METRICS = 'false';
  const started = Date.now();
  const log = (message: string) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const head = header(options);
  for (const line of head) log(line);
  const chosen = modules.filter((m) => options.only.length === 0 || options.only.includes(m.id));
  const sections: Section[] = [];
  const failures: string[] = [];
  for (const module of chosen) {
    log(`── ${module.title}`);
    try {
      sections.push(await module.run({ options, log }));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${module.title}: ${message.split('\n').slice(0, 3).join(' ')}`);
      log(`${module.title} FAILED: ${message}`);
    }
  }
  head.push(
    `total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end: ${loadAverage()}`,
  );
  const markdown = renderMarkdown(head, sections, failures);
  writeFileSync(resolve(repoRoot, options.out), markdown);
  console.log(`\n${markdown}`);
  const failed =
    failures.length > 0 || sections.some((s) => s.figures.some((f) => f.pass === false));
  process.exitCode = failed ? 1 : 0;
}

await main();
