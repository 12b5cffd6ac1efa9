/**
 * Team chat's scheduled work for an org of 500 reps in 20 teams, one channel per team (standings,
 * behind-pace alerts and announcements on): D1 rows read by the cron tick (idle, alerts due for
 * every channel, standings due for every channel, announcements to forward, the weekly review digest
 * for every channel) and by delivering each message, at two event counts, and per day against the
 * D1 free plan (5 M rows read / day).
 * The bench entry (worker/bench/index.ts) runs one tick and delivers what it staged, metered.
 */
import { type ChatReceiver, startChatReceiver } from '../../../scripts/demo/chat-receiver.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { makeEvents, ok, request } from '../lib/api.ts';
import { d1Query } from '../lib/d1-local.ts';
import { addEventCopies, checkRollups } from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { BENCH_ENTRY, METER } from '../lib/servers.ts';
import { fmt, pct } from '../lib/stats.ts';
import { buildWorld, type World } from '../lib/world.ts';

const TEAMS = 20;
const REPS_PER_TEAM = 25;
const FREE_PLAN_ROWS_READ = 5_000_000;
const TICKS_PER_DAY = 24 * 60;
/** Assumed: announcements a day in the org (big deals, tiers, records, contest wins). */
const ANNOUNCEMENTS_PER_DAY = 40;
const BENCH_KEY = 'cGFjZXItYmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaCE=';

interface TickCost {
  tick: { rowsRead: number; rowsWritten: number; queries: number };
  deliveries: { rowsRead: number; rowsWritten: number; queries: number };
  staged: number;
  sent: number;
}

async function tickAt(server: WorkerServer, at: number): Promise<TickCost> {
  const res = await request<TickCost>(`${server.url}/api/__bench/chat-tick?at=${at}`, {
    method: 'POST',
    headers: METER,
  });
  if (res.status !== 200) throw new Error(`chat tick → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Makes every channel's `job` due now (as the schedule would at its local time). */
async function makeDue(server: WorkerServer, job: 'alerts' | 'standings' | 'review', at: number) {
  await d1Query(
    { persistTo: server.persistTo },
    `UPDATE chat_schedules SET next_at = ${at - 1000} WHERE job = '${job}'`,
  );
}

interface Round {
  events: number;
  idle: TickCost;
  alertsCold: TickCost;
  alertsWarm: TickCost;
  standings: TickCost;
  announcements: TickCost;
  review: TickCost;
}

/**
 * 10:00 UTC on the Friday of this week (the world's teams keep a Monday–Friday week in UTC), when
 * the weekly review digest is due; a Saturday or Sunday takes the next week's.
 */
function weekEndAt(now: number): number {
  const d = new Date(now);
  const toFriday = (5 - d.getUTCDay() + 7) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + toFriday, 10);
}

async function round(server: WorkerServer, world: World, events: number): Promise<Round> {
  const at = () => Date.now();
  // The first tick ever only sets the announcement cursor; then an idle minute.
  await tickAt(server, at());
  const idle = await tickAt(server, at());
  await makeDue(server, 'alerts', at());
  const alertsCold = await tickAt(server, at());
  // The same again with the figure cache warm (a second alert time the same day).
  await makeDue(server, 'alerts', at());
  await d1Query({ persistTo: server.persistTo }, "DELETE FROM chat_outbox WHERE kind = 'alerts'");
  const alertsWarm = await tickAt(server, at());
  await makeDue(server, 'standings', at());
  const standings = await tickAt(server, at());
  // Ten big deals, one in each of ten teams.
  for (const team of world.teams.slice(0, 10)) {
    const rep = team.reps[0];
    if (!rep) continue;
    await ok(`${server.url}/api/v1/events`, {
      token: rep.token,
      body: {
        events: makeEvents(1).map((e) => ({ ...e, metric: 'revenue', quantity: 5_000_000 })),
      },
    });
  }
  const announcements = await tickAt(server, at());
  await d1Query({ persistTo: server.persistTo }, 'DELETE FROM chat_outbox');
  // The weekly review at the week's end, alone: the daily jobs are moved past it first.
  const friday = weekEndAt(at());
  await d1Query(
    { persistTo: server.persistTo },
    `UPDATE chat_schedules SET next_at = ${friday + 30 * 86_400_000} WHERE job != 'review'`,
  );
  await makeDue(server, 'review', friday);
  const review = await tickAt(server, friday);
  await d1Query({ persistTo: server.persistTo }, 'DELETE FROM chat_outbox');
  return { events, idle, alertsCold, alertsWarm, standings, announcements, review };
}

function daily(r: Round): number {
  const perAnnouncement =
    r.announcements.staged > 0
      ? (r.announcements.tick.rowsRead + r.announcements.deliveries.rowsRead) / 10
      : 0;
  // The week's last workday, the day with the most scheduled work: the review digest runs too.
  return (
    (TICKS_PER_DAY - 4) * r.idle.tick.rowsRead +
    r.alertsCold.tick.rowsRead +
    r.alertsCold.deliveries.rowsRead +
    r.standings.tick.rowsRead +
    r.standings.deliveries.rowsRead +
    r.review.tick.rowsRead +
    r.review.deliveries.rowsRead +
    ANNOUNCEMENTS_PER_DAY * perAnnouncement
  );
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('chat: starting the real worker and a local chat receiver…');
  let receiver: ChatReceiver | undefined;
  let server: WorkerServer | undefined;
  try {
    receiver = await startChatReceiver();
    server = await startWorkerServer({
      entry: BENCH_ENTRY,
      vars: { CHAT_ALLOW_LOCALHOST: 'true', CHAT_SECRET_KEY: BENCH_KEY },
    });
    const world = await buildWorld(server, { teams: TEAMS, repsPerTeam: REPS_PER_TEAM });
    await ok(`${server.url}/api/v1/org`, {
      method: 'PATCH',
      token: world.managerToken,
      body: {
        announcements: { dealAmountAtLeast: 1_000_000, tierReached: false, streakRecord: false },
      },
    });
    for (const [i, team] of world.teams.entries()) {
      await ok(`${server.url}/api/v1/chat/channels`, {
        token: world.managerToken,
        body: {
          teamId: team.id,
          platform: i % 2 === 0 ? 'slack' : 'wecom',
          name: `Team ${i + 1}`,
          language: i % 2 === 0 ? 'en' : 'zh',
          webhookUrl: `${receiver.url}/${i % 2 === 0 ? 'slack' : 'wecom'}/team-${i}`,
          options: {
            announcements: true,
            standings: { enabled: true, time: '17:30', period: 'month' },
            review: { enabled: true, time: '10:00' },
            alerts: {
              enabled: true,
              time: '11:00',
              metric: 'calls',
              atLeast: 10,
              streakAtRisk: true,
            },
          },
        },
      });
    }
    const rounds: Round[] = [];
    await addEventCopies(server, world.orgId, 0, 1);
    rounds.push(await round(server, world, (await checkRollups(server, world.orgId)).events));
    await addEventCopies(server, world.orgId, 1, 5);
    rounds.push(await round(server, world, (await checkRollups(server, world.orgId)).events));
    const [small, big] = rounds as [Round, Round];
    ctx.log(`chat: ${JSON.stringify(rounds)}`);
    const perDay = daily(big);
    const line = (label: string, r: Round, c: (x: Round) => TickCost) =>
      `${label} at ${fmt(r.events)} events: tick ${fmt(c(r).tick.rowsRead)} rows read (${c(r).tick.queries} queries), ${c(r).staged} messages staged, delivering them ${fmt(c(r).deliveries.rowsRead)} rows read (${c(r).sent} sent)`;
    return {
      title: 'Team chat: scheduled work',
      method: `One org of ${TEAMS * REPS_PER_TEAM} reps in ${TEAMS} teams, one chat channel per team (standings of the month at 17:30, behind-pace alerts at 11:00, announcements, the weekly review digest at 10:00 on the week's last workday), measured at ${fmt(small.events)} and ${fmt(big.events)} events. Each figure is one cron tick of the chat feature run through the bench entry with the D1 meter (summed rows_read), then every message it staged delivered to a local receiver, also metered: an idle minute (nothing due, no announcement), alerts due for all ${TEAMS} channels (figure cache cold after the events were written, then warm), standings due for all channels, 10 announcements to forward, and the weekly review digest due for all channels. A day = ${fmt(TICKS_PER_DAY)} ticks of the week's last workday (the busiest): all idle but one alerts tick (cold), one standings tick, one review tick and the forwarding of ${ANNOUNCEMENTS_PER_DAY} announcements, with every message's delivery.`,
      figures: [
        {
          name: 'chat rows read per day, scheduled work of a 500-rep org',
          value: perDay,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: perDay / FREE_PLAN_ROWS_READ,
          budget: '< 1 × free plan',
          pass: perDay < FREE_PLAN_ROWS_READ,
        },
        {
          name: `alerts tick (all channels, cold): rows read at ${fmt(big.events)} vs ${fmt(small.events)} events`,
          value: big.alertsCold.tick.rowsRead,
          unit: 'rows',
          baseline: {
            label: `at ${fmt(small.events)} events`,
            value: small.alertsCold.tick.rowsRead,
            unit: 'rows',
          },
          ratio: big.alertsCold.tick.rowsRead / Math.max(1, small.alertsCold.tick.rowsRead),
          budget: 'independent of events (ratio ≈ 1)',
          pass: big.alertsCold.tick.rowsRead <= small.alertsCold.tick.rowsRead * 1.1 + 50,
        },
        {
          name: `review digest tick (all channels): rows read at ${fmt(big.events)} vs ${fmt(small.events)} events`,
          value: big.review.tick.rowsRead,
          unit: 'rows',
          baseline: {
            label: `at ${fmt(small.events)} events`,
            value: small.review.tick.rowsRead,
            unit: 'rows',
          },
          ratio: big.review.tick.rowsRead / Math.max(1, small.review.tick.rowsRead),
          budget: 'independent of events (ratio ≈ 1)',
          pass: big.review.tick.rowsRead <= small.review.tick.rowsRead * 1.1 + 50,
        },
        {
          name: 'idle tick: rows read',
          value: big.idle.tick.rowsRead,
          unit: 'rows',
          budget: 'report',
          pass: null,
        },
      ],
      raw: [
        ...rounds.flatMap((r) => [
          line('idle tick', r, (x) => x.idle),
          line('alerts tick, figure cache cold', r, (x) => x.alertsCold),
          line('alerts tick, figure cache warm', r, (x) => x.alertsWarm),
          line('standings tick (month)', r, (x) => x.standings),
          line('announcements tick (10 new)', r, (x) => x.announcements),
          line('weekly review tick', r, (x) => x.review),
        ]),
        `per day at ${fmt(big.events)} events: ${fmt(perDay)} rows read (${pct(perDay / FREE_PLAN_ROWS_READ)} of the free plan); at ${fmt(small.events)} events: ${fmt(daily(small))}`,
      ],
      notes: [
        'Alerts and standings read the figures boards keep (one cached row per rep; a rep whose figures are stale is recomputed from rollups), so their cost follows reps and days, not logged events.',
        "The weekly review digest reads each rep's day rollups of the week and the 90 days before it (their usual funnel rates) and the targets, never events.",
        'An idle tick reads only the index ranges of due schedules, new announcements and lost outbox rows.',
      ],
    };
  } finally {
    await server?.dispose();
    await receiver?.stop();
  }
}

export const chatBench: BenchModule = { id: 'chat', title: 'Team chat: scheduled work', run };
