/**
 * Load test: many simulated reps sending batches at once for a fixed time against wrangler dev;
 * throughput, latency percentiles, errors, and the server's event count against what the
 * clients were told was `created`.
 */
import { allAnswered, describeFailures, failureCount, runClients } from '../lib/clients.ts';
import { checkRollups } from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { startRealServer } from '../lib/servers.ts';
import { fmt, percentile } from '../lib/stats.ts';
import { buildWorld } from '../lib/world.ts';

const REPS = 50;
/** Outbox flushes of varying size: single clicks up to a full batch after being offline. */
const BATCH_SIZES = [1, 3, 10, 25, 100];

async function run(ctx: BenchContext): Promise<Section> {
  const seconds = ctx.options.loadSeconds;
  ctx.log(`load: starting the real worker (${REPS} reps, ${seconds} s)…`);
  const real = await startRealServer();
  try {
    const world = await buildWorld(real, { teams: 1, repsPerTeam: REPS });
    const started = Date.now();
    const endAt = started + seconds * 1000;
    const progress = setInterval(
      () => ctx.log(`load: ${Math.round((Date.now() - started) / 1000)} s…`),
      15_000,
    );
    const tally = await runClients(real.url, world.reps, {
      more: () => Date.now() < endAt,
      batchSize: (rep, done) => BATCH_SIZES[(rep + done) % BATCH_SIZES.length] as number,
      retryMs: 500,
      giveUpAt: endAt + 60_000,
    }).finally(() => clearInterval(progress));
    const elapsed = (Date.now() - started) / 1000;
    const stored = await checkRollups(real, world.orgId);
    const errors = failureCount(tally);
    const eventsPerSecond = tally.created.size / elapsed;
    const lat = (q: number) => percentile(tally.latencies, q);
    // Without errors the server holds exactly the ids answered `created`. A batch retried after a
    // lost answer is answered `duplicate` for what the server had stored: those count too.
    const countMatches =
      stored.events === tally.created.size + tally.duplicates.size &&
      stored.events === tally.sent.size &&
      tally.createdTwice === 0 &&
      allAnswered(tally);
    ctx.log(
      `load: ${fmt(tally.created.size)} events created, stored ${fmt(stored.events)}, errors ${describeFailures(tally)}`,
    );
    return {
      title: 'Load test',
      method: `${REPS} reps (one token each) send batches (sizes cycling ${BATCH_SIZES.join(', ')}) one after another, all at once, for ${seconds} s against one wrangler dev server on this machine (client and server share the ${2} cores). A batch without an answer is retried unchanged. Afterwards the server's stored event count (and rollup sums = raw sums) is checked against the ids the clients were told were \`created\`.`,
      figures: [
        {
          name: 'throughput',
          value: eventsPerSecond,
          unit: 'events/s',
          budget: 'report',
          pass: null,
        },
        {
          name: 'requests answered',
          value: tally.latencies.length / elapsed,
          unit: 'req/s',
          digits: 1,
          budget: 'report',
          pass: null,
        },
        {
          name: 'latency p50',
          value: lat(50),
          unit: 'ms',
          digits: 1,
          budget: 'report',
          pass: null,
        },
        {
          name: 'latency p95',
          value: lat(95),
          unit: 'ms',
          digits: 1,
          budget: 'report',
          pass: null,
        },
        {
          name: 'latency p99',
          value: lat(99),
          unit: 'ms',
          digits: 1,
          budget: 'report',
          pass: null,
        },
        { name: 'errors', value: errors, unit: '', budget: '0', pass: errors === 0 },
        {
          name: 'stored events − (created + duplicate-on-retry answers)',
          value: stored.events - tally.created.size - tally.duplicates.size,
          unit: '',
          budget: '0; stored = sent; no id created twice',
          pass: countMatches,
        },
      ],
      raw: [
        `${fmt(elapsed, 1)} s, ${fmt(tally.latencies.length)} requests answered, ${fmt(tally.sent.size)} events sent, ${fmt(tally.created.size)} created, ${fmt(tally.duplicates.size)} duplicate (answers lost, confirmed on retry), ${tally.rejected} rejected, ${tally.createdTwice} created twice`,
        `failed attempts: ${describeFailures(tally)}`,
        `server: ${fmt(stored.events)} events stored, raw sum ${fmt(stored.rawSum)} = rollup sum ${fmt(stored.rollupSum)}`,
        `latency ms: min ${fmt(Math.min(...tally.latencies), 1)}, p50 ${fmt(lat(50), 1)}, p90 ${fmt(lat(90), 1)}, p95 ${fmt(lat(95), 1)}, p99 ${fmt(lat(99), 1)}, max ${fmt(Math.max(...tally.latencies), 1)}`,
      ],
    };
  } finally {
    await real.dispose();
  }
}

export const loadBench: BenchModule = { id: 'load', title: 'Load test', run };
