/**
 * Polling cost for one team of 50: a TV board refreshing every 30 s for 9 h plus 50 sidebars
 * polling every 60 s, in D1 rows read per day, against the D1 free plan (5 M rows read / day).
 * Each poll is replayed exactly as the clients send it (worker/page/src/tv/api.ts: three
 * conditional GETs with the TV link; extension/sync/engine.ts: progress for the day and for the
 * incentive period) and metered cold, as 304s, and after one other rep's event.
 */
import { makeEvents, ok, request } from '../lib/api.ts';
import { addEventCopies, checkRollups } from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { d1Cost, METER, startRealServer } from '../lib/servers.ts';
import { fmt, pct } from '../lib/stats.ts';
import { buildWorld, type Rep } from '../lib/world.ts';

const REPS = 50;
const HOURS = 9;
const TV_EVERY_S = 30;
const SIDEBAR_EVERY_S = 60;
const FREE_PLAN_ROWS_READ = 5_000_000;
/** Assumed for the steady state: a busy rep's logs in a day, each changing their own progress. */
const OWN_LOGS_PER_REP_PER_DAY = 60;

interface PollCost {
  /** Every answer computed afresh (figure cache cold). */
  cold: number;
  /** Every GET answered 304 (nothing changed). */
  notModified: number;
  /** Full answers after one other rep logged one event: the steady state of an active team. */
  afterOneEvent: number;
}

type Get = (url: string, etag?: string) => Promise<{ rows: number; status: number; etag: string }>;

function meteredGet(headers: Record<string, string>): Get {
  return async (url, etag) => {
    const res = await request(url, {
      headers: { ...headers, ...METER, ...(etag ? { 'if-none-match': etag } : {}) },
    });
    if (res.status !== 200 && res.status !== 304) {
      throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    return {
      rows: d1Cost(res.headers).rowsRead,
      status: res.status,
      etag: res.headers.get('etag') ?? '',
    };
  };
}

/** Rows read by one poll (several GETs) cold, as 304s, and after `change()`. */
async function pollCost(urls: string[], get: Get, change: () => Promise<void>): Promise<PollCost> {
  let cold = 0;
  let notModified = 0;
  let afterOneEvent = 0;
  const etags: string[] = [];
  for (const url of urls) {
    const first = await get(url);
    if (first.status !== 200 || !first.etag) throw new Error(`${url}: no full answer with an ETag`);
    cold += first.rows;
    etags.push(first.etag);
  }
  for (const [i, url] of urls.entries()) {
    const again = await get(url, etags[i]);
    if (again.status !== 304) throw new Error(`${url} with its ETag → ${again.status}, not 304`);
    notModified += again.rows;
  }
  await change();
  for (const [i, url] of urls.entries()) afterOneEvent += (await get(url, etags[i])).rows;
  return { cold, notModified, afterOneEvent };
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('polling: starting the real worker…');
  const real = await startRealServer();
  try {
    const world = await buildWorld(real, { teams: 1, repsPerTeam: REPS });
    const team = world.teams[0]?.id as string;
    await addEventCopies(real, world.orgId, 0, 2);
    const stored = await checkRollups(real, world.orgId);
    const link = await ok<{ token: string }>(`${real.url}/api/v1/tv-links`, {
      token: world.managerToken,
      body: { teamId: team },
    });
    const api = `${real.url}/api/v1`;
    // Someone else on the team logs a call: the org's change counter and their own move.
    const [sidebarRep, otherRep] = world.reps as [Rep, Rep];
    const otherLogsOne = async () => {
      await ok(`${api}/events`, { token: otherRep.token, body: { events: makeEvents(1) } });
    };
    const tv = await pollCost(
      [
        `${api}/leaderboard?team=${team}&period=month&by=attainment`,
        `${api}/leaderboard?team=${team}&period=day&by=points`,
        `${api}/page/activity?team=${team}`,
      ],
      meteredGet({ 'x-pacer-tv': link.token }),
      otherLogsOne,
    );
    const sidebarUrls = [`${api}/me/progress?period=day`, `${api}/me/progress?period=month`];
    const sidebarGet = meteredGet({ authorization: `Bearer ${sidebarRep.token}` });
    const sidebar = await pollCost(sidebarUrls, sidebarGet, otherLogsOne);
    const ownLogsOne = async () => {
      await ok(`${api}/events`, { token: sidebarRep.token, body: { events: makeEvents(1) } });
    };
    const sidebarOwn = await pollCost(sidebarUrls, sidebarGet, ownLogsOne);
    const tvPolls = (HOURS * 3600) / TV_EVERY_S;
    const sidebarPolls = REPS * ((HOURS * 3600) / SIDEBAR_EVERY_S);
    const daily = (tvCost: number, sidebarCost: number) =>
      tvPolls * tvCost + sidebarPolls * sidebarCost;
    // A rep's own log changes their own progress: at most one full answer per own log.
    const ownFullPerDay = REPS * Math.min(OWN_LOGS_PER_REP_PER_DAY, sidebarPolls / REPS);
    const steady =
      daily(tv.afterOneEvent, sidebar.afterOneEvent) +
      ownFullPerDay * (sidebarOwn.afterOneEvent - sidebar.afterOneEvent);
    const allCold = daily(tv.cold, sidebar.cold);
    const all304 = daily(tv.notModified, sidebar.notModified);
    ctx.log(
      `polling: TV ${JSON.stringify(tv)}, sidebar ${JSON.stringify(sidebar)}, daily steady ${fmt(steady)}`,
    );
    return {
      title: 'Polling cost',
      method: `One org with one team of ${REPS} reps and ${fmt(stored.events)} events (${fmt(stored.rollupRows)} rollup rows). A TV refresh is the TV page's three conditional GETs with its TV link (month board by attainment, today's board by points, today's activity totals); a sidebar poll is the extension's two progress GETs (day and the incentive period, month). Each is metered (summed D1 rows_read, bench-only meter) three ways: cold (figure cache empty), as 304s, and as full answers after another rep logged one event — the steady state of an active team, since the boards' change token is the org's counter, which every logged event moves. The verdict uses that steady state plus, per sidebar, one full answer for each of its own rep's logs (assumed ${OWN_LOGS_PER_REP_PER_DAY} a day); cold and all-304 bound it. Day: ${HOURS} h, TV every ${TV_EVERY_S} s (${fmt(tvPolls)} refreshes), ${REPS} sidebars every ${SIDEBAR_EVERY_S} s (${fmt(sidebarPolls)} polls).`,
      figures: [
        {
          name: `rows read per day, steady state (${OWN_LOGS_PER_REP_PER_DAY} own logs per rep)`,
          value: steady,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: steady / FREE_PLAN_ROWS_READ,
          budget: '< 1 × free plan',
          pass: steady < FREE_PLAN_ROWS_READ,
        },
        {
          name: 'rows read per day, every poll cold (upper bound)',
          value: allCold,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: allCold / FREE_PLAN_ROWS_READ,
          budget: 'report',
          pass: null,
        },
        {
          name: 'rows read per day, every poll a 304 (lower bound)',
          value: all304,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: all304 / FREE_PLAN_ROWS_READ,
          budget: 'report',
          pass: null,
        },
      ],
      raw: [
        `TV refresh (3 GETs): ${fmt(tv.cold)} rows cold, ${fmt(tv.notModified)} as 304s, ${fmt(tv.afterOneEvent)} after another rep logged one event`,
        `sidebar poll (2 GETs): ${fmt(sidebar.cold)} rows cold, ${fmt(sidebar.notModified)} as 304s, ${fmt(sidebar.afterOneEvent)} after another rep logged one event, ${fmt(sidebarOwn.afterOneEvent)} after its own rep logged one`,
        `daily: steady ${fmt(steady)} rows (${pct(steady / FREE_PLAN_ROWS_READ)} of the free plan); all cold ${fmt(allCold)} (${pct(allCold / FREE_PLAN_ROWS_READ)}); all 304 ${fmt(all304)} (${pct(all304 / FREE_PLAN_ROWS_READ)})`,
      ],
      notes: [
        'Clients send If-None-Match (TV page and extension sync engine), so an unchanged answer costs the auth read only.',
      ],
    };
  } finally {
    await real.dispose();
  }
}

export const pollingBench: BenchModule = { id: 'polling', title: 'Polling cost', run };
