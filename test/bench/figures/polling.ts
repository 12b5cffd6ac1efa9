/**
 * Polling cost for one team of 50: a TV board refreshing every 30 s for 9 h plus 50 sidebars
 * polling every 60 s, in D1 rows read per day, against the D1 free plan (5 M rows read / day).
 * Each poll is replayed exactly as the clients send it (worker/page/src/views/Tv.tsx: three
 * conditional GETs with the TV link; extension/sync/engine.ts: progress for the day and for the
 * incentive period) and metered once as a full answer and once as a 304.
 */
import { ok, request } from '../lib/api.ts';
import { addEventCopies, checkRollups } from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Section } from '../lib/report.ts';
import { d1Cost, METER, startRealServer } from '../lib/servers.ts';
import { fmt, pct } from '../lib/stats.ts';
import { buildWorld } from '../lib/world.ts';

const REPS = 50;
const HOURS = 9;
const TV_EVERY_S = 30;
const SIDEBAR_EVERY_S = 60;
const FREE_PLAN_ROWS_READ = 5_000_000;

interface PollCost {
  full: number;
  notModified: number;
}

/** Rows read by one poll (several GETs) answered in full, then again with their ETags (304). */
async function pollCost(urls: string[], headers: Record<string, string>): Promise<PollCost> {
  let full = 0;
  let notModified = 0;
  for (const url of urls) {
    const first = await request(url, { headers: { ...headers, ...METER } });
    if (first.status !== 200)
      throw new Error(`${url} → ${first.status} ${JSON.stringify(first.body)}`);
    full += d1Cost(first.headers).rowsRead;
    const etag = first.headers.get('etag');
    if (!etag) throw new Error(`${url} sent no ETag`);
    const again = await request(url, { headers: { ...headers, ...METER, 'if-none-match': etag } });
    if (again.status !== 304) throw new Error(`${url} with its ETag → ${again.status}, not 304`);
    notModified += d1Cost(again.headers).rowsRead;
  }
  return { full, notModified };
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
    const tv = await pollCost(
      [
        `${api}/leaderboard?team=${team}&period=month&by=attainment`,
        `${api}/leaderboard?team=${team}&period=day&by=points`,
        `${api}/page/activity?team=${team}`,
      ],
      { 'x-pacer-tv': link.token },
    );
    const rep = world.reps[0]?.token as string;
    const sidebar = await pollCost(
      [`${api}/me/progress?period=day`, `${api}/me/progress?period=month`],
      { authorization: `Bearer ${rep}` },
    );
    const tvPolls = (HOURS * 3600) / TV_EVERY_S;
    const sidebarPolls = REPS * ((HOURS * 3600) / SIDEBAR_EVERY_S);
    const daily = (tvCost: number, sidebarCost: number) =>
      tvPolls * tvCost + sidebarPolls * sidebarCost;
    const allFull = daily(tv.full, sidebar.full);
    const all304 = daily(tv.notModified, sidebar.notModified);
    const tvConditionalSidebarsFull = daily(tv.notModified, sidebar.full);
    ctx.log(
      `polling: TV ${JSON.stringify(tv)}, sidebar ${JSON.stringify(sidebar)}, daily worst ${fmt(allFull)}`,
    );
    return {
      title: 'Polling cost',
      method: `One org with one team of ${REPS} reps and ${fmt(stored.events)} events (${fmt(stored.rollupRows)} rollup rows). A TV refresh is the TV page's three conditional GETs with its TV link (month board by attainment, today's board by points, today's activity totals); a sidebar poll is the extension's two progress GETs (day and the incentive period, month). Each is metered (summed D1 rows_read, bench-only meter) as a full answer and as a 304. Day: ${HOURS} h, TV every ${TV_EVERY_S} s (${fmt(tvPolls)} refreshes), ${REPS} sidebars every ${SIDEBAR_EVERY_S} s (${fmt(sidebarPolls)} polls). The figure is the worst case: every poll a full answer — realistic for an active team, because the change token is the org's counter and every logged event bumps it.`,
      figures: [
        {
          name: 'rows read per day, every poll a full answer',
          value: allFull,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: allFull / FREE_PLAN_ROWS_READ,
          budget: '< 1 × free plan',
          pass: allFull < FREE_PLAN_ROWS_READ,
        },
        {
          name: 'rows read per day, every poll a 304',
          value: all304,
          unit: 'rows',
          baseline: { label: 'D1 free plan per day', value: FREE_PLAN_ROWS_READ, unit: 'rows' },
          ratio: all304 / FREE_PLAN_ROWS_READ,
          budget: 'report',
          pass: null,
        },
      ],
      raw: [
        `TV refresh (3 GETs): ${fmt(tv.full)} rows read in full, ${fmt(tv.notModified)} rows as 304`,
        `sidebar poll (2 GETs): ${fmt(sidebar.full)} rows read in full, ${fmt(sidebar.notModified)} rows as 304`,
        `daily: all full ${fmt(allFull)} rows (${pct(allFull / FREE_PLAN_ROWS_READ)} of the free plan); all 304 ${fmt(all304)} (${pct(all304 / FREE_PLAN_ROWS_READ)}); TV 304 + sidebars full ${fmt(tvConditionalSidebarsFull)} (${pct(tvConditionalSidebarsFull / FREE_PLAN_ROWS_READ)})`,
      ],
      notes: [
        "The extension's sync engine (extension/sync/engine.ts) asks for progress without If-None-Match today, so its polls are always full answers; the TV page sends its ETags.",
      ],
    };
  } finally {
    await real.dispose();
  }
}

export const pollingBench: BenchModule = { id: 'polling', title: 'Polling cost', run };
