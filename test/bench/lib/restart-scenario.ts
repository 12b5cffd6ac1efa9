/**
 * Restart durability: reps send a fixed set of batches; part-way through, the server is stopped
 * (wrangler dev and workerd terminated) and started again on the same data. Unanswered batches
 * are retried unchanged. Afterwards every id sent must be stored exactly once.
 * Used by the bench (test/bench/figures/durability.ts) and by `npm test` (test/e2e/durability/).
 */
import type { WorkerServer } from '../../support/worker-server.ts';
import { type ClientTally, newTally, runClients } from './clients.ts';
import { d1Query } from './d1-local.ts';
import { type Consistency, checkRollups } from './generate-events.ts';
import type { World } from './world.ts';

export interface RestartPlan {
  batchesPerRep: number;
  batchSize: number;
  /** Stop the server once this many requests were answered. */
  stopAfterAnswers: number;
  /** How long it stays down. */
  downMs: number;
}

export interface RestartOutcome {
  tally: ClientTally;
  /** `created` answers received before the stop. */
  createdBeforeStop: number;
  /** Of the ids answered `created` (before or after the restart), how many the server has. */
  createdAndStored: number;
  /** From stop until answering again. */
  outageMs: number;
  stored: Consistency;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function restartDuringLoad(
  server: WorkerServer,
  world: World,
  plan: RestartPlan,
): Promise<RestartOutcome> {
  const started = Date.now();
  const tally = newTally();
  const clients = runClients(
    server.url,
    world.reps,
    {
      more: (_rep, done) => done < plan.batchesPerRep,
      batchSize: () => plan.batchSize,
      retryMs: 200,
      giveUpAt: Date.now() + 180_000,
    },
    tally,
  );
  let createdBeforeStop = 0;
  let outageMs = 0;
  const pullThePlug = async () => {
    while (tally.latencies.length < plan.stopAfterAnswers) await sleep(10);
    createdBeforeStop = tally.created.size;
    const down = Date.now();
    await server.stop();
    await sleep(plan.downMs);
    await server.start();
    outageMs = Date.now() - down;
  };
  await Promise.all([clients, pullThePlug()]);
  return {
    tally,
    createdBeforeStop,
    createdAndStored: await countStored(server, [...tally.created]),
    outageMs,
    stored: await checkRollups(server, world.orgId),
    seconds: (Date.now() - started) / 1000,
  };
}

/** How many of `ids` are stored (SQL literals: ids are UUIDs the clients made). */
async function countStored(server: WorkerServer, ids: string[]): Promise<number> {
  // A command line argument holds at most 128 KiB: ask in slices.
  const SLICE = 2_500;
  let found = 0;
  for (let i = 0; i < ids.length; i += SLICE) {
    const list = ids
      .slice(i, i + SLICE)
      .map((id) => `'${id.replaceAll("'", '')}'`)
      .join(',');
    const [answer] = await d1Query<{ n: number }>(
      server,
      `SELECT count(*) AS n FROM events WHERE id IN (${list})`,
    );
    found += answer?.results[0]?.n ?? 0;
  }
  return found;
}
