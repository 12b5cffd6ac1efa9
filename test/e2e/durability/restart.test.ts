/**
 * Restart durability, bounded: reps send batches, the real server (wrangler dev +
 * local D1) is terminated part-way and started again on the same data, unanswered batches are
 * retried unchanged. Every event acknowledged as created survives, and every event sent is
 * stored exactly once. The bench runs a larger version (test/bench/figures/durability.ts).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { allAnswered, failureCount } from '../../bench/lib/clients.ts';
import { restartDuringLoad } from '../../bench/lib/restart-scenario.ts';
import { buildWorld } from '../../bench/lib/world.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';

const REPS = 4;
const PLAN = { batchesPerRep: 12, batchSize: 20, stopAfterAnswers: 8, downMs: 500 };

let server: WorkerServer;
beforeAll(async () => {
  server = await startWorkerServer();
});
afterAll(async () => {
  await server?.dispose();
});

test('a restart mid-load keeps every acknowledged event and retries count exactly once', async () => {
  const world = await buildWorld(server, { teams: 1, repsPerTeam: REPS });
  const o = await restartDuringLoad(server, world, PLAN);
  const total = REPS * PLAN.batchesPerRep * PLAN.batchSize;

  // The outage really happened in the middle: some events were acknowledged before it, and
  // some requests found the server gone.
  expect(o.createdBeforeStop).toBeGreaterThan(0);
  expect(o.createdBeforeStop).toBeLessThan(total);
  expect(failureCount(o.tally)).toBeGreaterThan(0);

  // Acknowledged means stored: every id answered `created` is in the database.
  expect(o.createdAndStored).toBe(o.tally.created.size);
  // Exactly once: each id created at most once, nothing rejected, and the server holds exactly
  // the ids sent (only these reps write to this org), with rollups equal to the raw events.
  expect(o.tally.createdTwice).toBe(0);
  expect(o.tally.rejected).toBe(0);
  expect(o.tally.sent.size).toBe(total);
  expect(o.stored.events).toBe(total);
  // Each id has one final answer: `created`, or `duplicate` when its first answer was lost.
  expect(allAnswered(o.tally)).toBe(true);
  expect(o.tally.created.size + o.tally.duplicates.size).toBe(total);
  expect(o.stored.rollupSum).toBe(o.stored.rawSum);
  expect(o.stored.rawSum).toBe(total);
});
