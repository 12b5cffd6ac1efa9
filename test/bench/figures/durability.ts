/**
 * Restart durability under load (bench version of test/e2e/durability/): the server is stopped
 * in the middle of a load and started again; every acknowledged event must be there and the
 * retries must complete the rest exactly once.
 */
import { describeFailures, failureCount } from '../lib/clients.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { restartDuringLoad } from '../lib/restart-scenario.ts';
import { startRealServer } from '../lib/servers.ts';
import { fmt } from '../lib/stats.ts';
import { buildWorld } from '../lib/world.ts';

const PLAN = { batchesPerRep: 40, batchSize: 25, stopAfterAnswers: 100, downMs: 2_000 };
const REPS = 10;

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('durability: starting the real worker…');
  const real = await startRealServer();
  try {
    const world = await buildWorld(real, { teams: 1, repsPerTeam: REPS });
    ctx.log(
      `durability: ${REPS} reps × ${PLAN.batchesPerRep} batches of ${PLAN.batchSize}; stopping the server after ${PLAN.stopAfterAnswers} answers…`,
    );
    const o = await restartDuringLoad(real, world, PLAN);
    const sent = o.tally.sent.size;
    const missing = sent - o.stored.events;
    const exactlyOnce =
      missing === 0 &&
      o.tally.createdTwice === 0 &&
      o.tally.rejected === 0 &&
      o.stored.rawSum === sent;
    ctx.log(
      `durability: sent ${fmt(sent)}, stored ${fmt(o.stored.events)}, outage ${fmt(o.outageMs)} ms, failed attempts ${describeFailures(o.tally)}`,
    );
    return {
      title: 'Restart durability',
      method: `${REPS} reps send ${PLAN.batchesPerRep} batches of ${PLAN.batchSize} events each, all at once; after ${PLAN.stopAfterAnswers} answered requests the wrangler dev server (and its workerd) is terminated, kept down ${fmt(PLAN.downMs)} ms, and started again on the same local D1. Clients re-send unanswered batches unchanged every 200 ms. Then: stored events (only these reps write to the org, so stored ⊆ sent) must equal the distinct ids sent, no id may be answered \`created\` twice, and rollup sums must equal raw sums.`,
      figures: [
        {
          name: 'events sent but not stored after restart + retries',
          value: missing,
          unit: '',
          budget: '0, each exactly once',
          pass: exactlyOnce,
        },
        {
          name: 'events answered `created` and then missing',
          value: o.tally.created.size - o.createdAndStored,
          unit: '',
          baseline: { label: 'answered created', value: o.tally.created.size, unit: 'events' },
          budget: '0',
          pass: o.createdAndStored === o.tally.created.size,
        },
        { name: 'outage', value: o.outageMs, unit: 'ms', budget: 'report', pass: null },
      ],
      raw: [
        `${fmt(o.seconds, 1)} s in all; ${fmt(sent)} distinct ids sent, ${fmt(o.stored.events)} stored (raw sum ${fmt(o.stored.rawSum)} = rollup sum ${fmt(o.stored.rollupSum)})`,
        `answers: ${fmt(o.tally.created.size)} created (${fmt(o.createdBeforeStop)} before the stop; ${fmt(o.createdAndStored)} of them found stored by id), ${fmt(o.tally.duplicates.size)} duplicate (stored while the answer was lost, confirmed on retry), ${o.tally.rejected} rejected, ${o.tally.createdTwice} created twice`,
        `failed attempts during the outage: ${fmt(failureCount(o.tally))} (${describeFailures(o.tally)})`,
      ],
    };
  } finally {
    await real.dispose();
  }
}

export const durabilityBench: BenchModule = { id: 'durability', title: 'Restart durability', run };
