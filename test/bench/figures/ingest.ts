/**
 * Ingest throughput: events/s through the real `POST /api/v1/events` (auth, zod, idempotency,
 * rollup triggers) against the bare worker's `POST /ingest` (multi-row INSERT … ON CONFLICT DO
 * NOTHING, ≤ 100 parameters per statement, one batch per request) — same events, same batch
 * size, same concurrency, servers side by side, runs interleaved.
 */
import type { ActivityEvent } from '../../../shared/api/index.ts';
import { type EventsAnswer, makeEvents, request } from '../lib/api.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { startBareServer, startRealServer } from '../lib/servers.ts';
import { describeSpread, fmt, percentile, spread } from '../lib/stats.ts';
import { buildWorld, type Rep } from '../lib/world.ts';

const CLIENTS = 8;
const BATCH = 100;
const BATCHES_PER_CLIENT = 25;

interface RunResult {
  eventsPerSecond: number;
  latencies: number[];
  stored: number;
}

type Send = (client: number, batch: ActivityEvent[]) => Promise<number>;

/** Every client sends its batches one after another; all clients at once. */
async function drive(batches: ActivityEvent[][][], send: Send): Promise<RunResult> {
  const latencies: number[] = [];
  let stored = 0;
  const started = performance.now();
  await Promise.all(
    batches.map(async (mine, client) => {
      for (const batch of mine) {
        const t = performance.now();
        const written = await send(client, batch);
        latencies.push(performance.now() - t);
        stored += written;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = batches.flat().reduce((n, b) => n + b.length, 0);
  return { eventsPerSecond: total / seconds, latencies, stored };
}

const workload = (batchesPerClient: number) =>
  Array.from({ length: CLIENTS }, () =>
    Array.from({ length: batchesPerClient }, () => makeEvents(BATCH)),
  );

function realSender(url: string, reps: Rep[]): Send {
  return async (client, batch) => {
    const rep = reps[client] as Rep;
    const res = await request<EventsAnswer>(`${url}/api/v1/events`, {
      token: rep.token,
      body: { events: batch },
    });
    if (res.status !== 200) throw new Error(`events → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.results.filter((r) => r.status === 'created').length;
  };
}

function bareSender(url: string, reps: Rep[]): Send {
  return async (client, batch) => {
    const res = await request<{ written: number }>(`${url}/ingest`, {
      body: { memberId: (reps[client] as Rep).id, events: batch },
    });
    if (res.status !== 200) throw new Error(`bare ingest → ${res.status} ${String(res.body)}`);
    return res.body.written;
  };
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('ingest: starting the real worker and the bare worker…');
  const [real, bare] = await Promise.all([startRealServer(), startBareServer()]);
  try {
    const world = await buildWorld(real, { teams: 1, repsPerTeam: CLIENTS });
    const sendReal = realSender(real.url, world.reps);
    const sendBare = bareSender(bare.url, world.reps);
    // Warm both (JIT, SQLite page cache) with the same small workload.
    const warm = workload(2);
    await drive(warm, sendReal);
    await drive(warm, sendBare);

    const realRuns: RunResult[] = [];
    const bareRuns: RunResult[] = [];
    const raw: string[] = [];
    for (let i = 0; i < ctx.options.runs; i++) {
      const events = workload(BATCHES_PER_CLIENT);
      const expected = CLIENTS * BATCHES_PER_CLIENT * BATCH;
      // Alternate who goes first, so neither always gets the cooler machine.
      const order = i % 2 === 0 ? ['real', 'bare'] : ['bare', 'real'];
      for (const which of order) {
        const result = await drive(events, which === 'real' ? sendReal : sendBare);
        if (result.stored !== expected) {
          throw new Error(`${which} run ${i + 1} stored ${result.stored} of ${expected} events`);
        }
        (which === 'real' ? realRuns : bareRuns).push(result);
        raw.push(
          `run ${i + 1} ${which.padEnd(4)}: ${fmt(result.eventsPerSecond)} events/s; request p50 ${fmt(percentile(result.latencies, 50), 1)} ms, p95 ${fmt(percentile(result.latencies, 95), 1)} ms; ${result.stored} stored`,
        );
        ctx.log(`ingest: ${raw[raw.length - 1]}`);
      }
    }
    const realRate = spread(realRuns.map((r) => r.eventsPerSecond));
    const bareRate = spread(bareRuns.map((r) => r.eventsPerSecond));
    const ratio = realRate.median / bareRate.median;
    raw.push(
      `real events/s: ${describeSpread(realRate)}`,
      `bare events/s: ${describeSpread(bareRate)}`,
    );
    return {
      title: 'Ingest',
      method: `${CLIENTS} concurrent clients (one rep token each) × ${BATCHES_PER_CLIENT} batches of ${BATCH} Gmail-shaped events (source url/title, contact, note) per run; every event must come back \`created\` (real) or be written (bare). Baseline: test/bench/bare-worker \`POST /ingest\` on its own local D1 — no auth, no validation, no idempotency answer, no rollups — with multi-row INSERT … ON CONFLICT DO NOTHING of 16 rows × 6 parameters per statement, one batch per request. Same event sets, runs interleaved, ${ctx.options.runs} runs each; median shown.`,
      figures: [
        {
          name: 'events/s through POST /api/v1/events',
          value: realRate.median,
          unit: 'events/s',
          baseline: { label: 'bare INSERT route', value: bareRate.median, unit: 'events/s' },
          ratio,
          budget: '≥ 0.5 × baseline',
          pass: ratio >= 0.5,
        },
      ],
      raw,
    };
  } finally {
    await Promise.all([real.dispose(), bare.dispose()]);
  }
}

export const ingestBench: BenchModule = { id: 'ingest', title: 'Ingest', run };
