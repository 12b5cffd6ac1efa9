/**
 * Simulated reps sending event batches like the extension's outbox does: one batch at a time per
 * rep, and a batch that got no answer (server down, network error, 5xx) is re-sent unchanged —
 * same ids — until it is answered, so the server's idempotency decides what counts.
 */
import type { ActivityEvent } from '../../../shared/api/index.ts';
import { type EventsAnswer, makeEvents, request } from './api.ts';
import type { Rep } from './world.ts';

export interface ClientTally {
  /** Answered POST /events requests and their latencies (ms). */
  latencies: number[];
  /** Attempts that got no usable answer: "network" or the HTTP status. */
  failures: Map<string, number>;
  /** Ids the server said `created` (each must be created once). */
  created: Set<string>;
  createdTwice: number;
  /** Ids answered `duplicate`: retries of batches the server had stored without us hearing back. */
  duplicates: Set<string>;
  rejected: number;
  /** Every id sent (first attempt or retry). */
  sent: Set<string>;
  /** Answered requests by the time they were answered (for throughput over time). */
  answeredAt: number[];
}

export interface ClientPlan {
  /** Asked before each new batch: rep index, batches this rep already completed. */
  more(rep: number, done: number): boolean;
  batchSize(rep: number, done: number): number;
  /** Wait between attempts of an unanswered batch. */
  retryMs: number;
  /** Give up (throw) if a batch is still unanswered at this time (ms since epoch). */
  giveUpAt: number;
  metric?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function newTally(): ClientTally {
  return {
    latencies: [],
    failures: new Map(),
    created: new Set(),
    createdTwice: 0,
    duplicates: new Set(),
    rejected: 0,
    sent: new Set(),
    answeredAt: [],
  };
}

function fail(tally: ClientTally, why: string): void {
  tally.failures.set(why, (tally.failures.get(why) ?? 0) + 1);
}

async function sendUntilAnswered(
  url: string,
  rep: Rep,
  batch: ActivityEvent[],
  plan: ClientPlan,
  tally: ClientTally,
): Promise<void> {
  for (;;) {
    for (const e of batch) tally.sent.add(e.id);
    try {
      const res = await request<EventsAnswer>(`${url}/api/v1/events`, {
        token: rep.token,
        body: { events: batch },
      });
      if (res.status === 200) {
        tally.latencies.push(res.ms);
        tally.answeredAt.push(Date.now());
        for (const r of res.body.results) {
          if (r.status === 'created') {
            if (tally.created.has(r.id)) tally.createdTwice++;
            tally.created.add(r.id);
          } else if (r.status === 'duplicate') tally.duplicates.add(r.id);
          else tally.rejected++;
        }
        return;
      }
      fail(tally, String(res.status));
    } catch {
      fail(tally, 'network');
    }
    if (Date.now() > plan.giveUpAt) throw new Error('a batch was still unanswered at the deadline');
    await sleep(plan.retryMs);
  }
}

/** All reps at once, each sending its batches one after another; `tally` fills as they go. */
export async function runClients(
  url: string,
  reps: Rep[],
  plan: ClientPlan,
  tally: ClientTally = newTally(),
): Promise<ClientTally> {
  await Promise.all(
    reps.map(async (rep, i) => {
      for (let done = 0; plan.more(i, done); done++) {
        const events = makeEvents(
          plan.batchSize(i, done),
          plan.metric ? { metric: plan.metric } : {},
        );
        await sendUntilAnswered(url, rep, events, plan, tally);
      }
    }),
  );
  return tally;
}

export const failureCount = (t: ClientTally): number =>
  [...t.failures.values()].reduce((a, b) => a + b, 0);

export const describeFailures = (t: ClientTally): string =>
  t.failures.size === 0 ? 'none' : [...t.failures].map(([why, n]) => `${n} × ${why}`).join(', ');

/** Every id sent got a final answer of `created` or `duplicate` (none lost, none rejected). */
export const allAnswered = (t: ClientTally): boolean =>
  t.rejected === 0 && [...t.sent].every((id) => t.created.has(id) || t.duplicates.has(id));
