/**
 * Leaderboard / progress cost on a generated org of 500 reps: D1 rows read per request (summed
 * D1 meta, via the bench-only meter) at two event counts, and latency; baseline in the same run:
 * the same totals computed straight from the raw events table (bare worker on the same database).
 */
import { request } from '../lib/api.ts';
import {
  addEventCopies,
  type Consistency,
  cellsFor,
  checkRollups,
} from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Figure, Section } from '../lib/report.ts';
import { d1Cost, METER, startBareServer, startRealServer } from '../lib/servers.ts';
import { describeSpread, fmt, median, percentile, spread } from '../lib/stats.ts';
import { buildWorld, type World } from '../lib/world.ts';

const TEAMS = 10;
const REPS_PER_TEAM = 50;
const METERED_SAMPLES = 5;
const LATENCY_SAMPLES = { progress: 40, team: 40, org: 30, raw: 5 };
const LATENCY_ROUNDS = 3;

interface Measured {
  events: number;
  rollupRows: number;
  rows: {
    progress: number;
    team: number;
    org: number;
    progressWarm: number;
    teamWarm: number;
    orgWarm: number;
    rawProgress: number;
    rawOrg: number;
  };
  /** Per kind, one array of latencies (ms) per round. */
  ms: { progress: number[][]; team: number[][]; org: number[][]; rawOrg: number[][] };
}

const monthStart = () => `${new Date().toISOString().slice(0, 7)}-01`;

/** The month the board shows, widened by a day each side like the worker does. */
function boardRange(): { start: string; end: string } {
  const first = new Date(`${monthStart()}T00:00:00Z`);
  const start = new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  return { start, end: next.toISOString().slice(0, 10) };
}

async function putTeamTarget(url: string, world: World, teamId: string): Promise<void> {
  const res = await request(`${url}/api/v1/targets`, {
    method: 'PUT',
    token: world.managerToken,
    body: {
      scope: 'team',
      teamId,
      metric: 'revenue',
      period: { kind: 'month', start: monthStart() },
      value: REPS_PER_TEAM * 3_000_000,
      split: { mode: 'equal' },
    },
  });
  if (res.status !== 200) throw new Error(`targets → ${res.status} ${JSON.stringify(res.body)}`);
}

async function setTargets(url: string, world: World): Promise<void> {
  for (const team of world.teams) await putTeamTarget(url, world, team.id);
}

async function timed(n: number, send: (i: number) => Promise<{ status: number; ms: number }>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await send(i);
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status}`);
    ms.push(res.ms);
  }
  return ms;
}

async function measure(
  realUrl: string,
  bareUrl: string,
  world: World,
  consistency: Consistency,
): Promise<Measured> {
  const manager = world.managerToken;
  const team = world.teams[0]?.id as string;
  const progressUrl = `${realUrl}/api/v1/me/progress?period=month`;
  const teamUrl = `${realUrl}/api/v1/leaderboard?period=month&by=attainment&team=${team}`;
  const orgUrl = `${realUrl}/api/v1/leaderboard?period=month&by=attainment&team=${world.rootTeamId}`;
  const { start, end } = boardRange();
  const rawOrgUrl = `${bareUrl}/raw-board?org=${world.orgId}&start=${start}&end=${end}`;
  const rawMemberUrl = (id: string) =>
    `${bareUrl}/raw-board?member=${id}&start=${start}&end=${end}`;
  const rep = (i: number) => world.reps[(i * 37) % world.reps.length] as World['reps'][number];

  // The worker keeps each member's figures in D1 (board_figures) until their change counter
  // moves: the first request after a change is "cold" (recomputes from rollups), repeats are
  // "warm". Cold is forced by saving a target again: that moves the org's configuration
  // counter, which is part of every member's cache stamp.
  const invalidate = () => putTeamTarget(realUrl, world, team);
  const metered = async (url: string, token: string) => {
    const res = await request(url, { token, headers: METER });
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return d1Cost(res.headers).rowsRead;
  };
  const coldAndWarm = async (url: (i: number) => string, token: (i: number) => string) => {
    await invalidate();
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < METERED_SAMPLES; i++) {
      if (i > 0 && url(i) === url(0)) await invalidate();
      cold.push(await metered(url(i), token(i)));
    }
    for (let i = 0; i < METERED_SAMPLES; i++) warm.push(await metered(url(i), token(i)));
    return { cold: median(cold), warm: median(warm) };
  };
  const rawRows = async (url: string) => {
    const res = await request<{ meta: { rows_read: number } }>(url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return res.body.meta.rows_read;
  };
  // Progress: a different rep per sample (each cold once); boards: the same board again.
  const progress = await coldAndWarm(
    () => progressUrl,
    (i) => rep(i).token,
  );
  const teamBoard = await coldAndWarm(
    () => teamUrl,
    () => manager,
  );
  const orgBoard = await coldAndWarm(
    () => orgUrl,
    () => manager,
  );
  const rows = {
    progress: progress.cold,
    team: teamBoard.cold,
    org: orgBoard.cold,
    progressWarm: progress.warm,
    teamWarm: teamBoard.warm,
    orgWarm: orgBoard.warm,
    rawProgress: await rawRows(rawMemberUrl(rep(0).id)),
    rawOrg: await rawRows(rawOrgUrl),
  };
  // Latency in rounds (each kind once per round, interleaved): the figure is the median of the
  // rounds' p95, so one noisy moment on this shared machine does not decide it.
  const ms: Measured['ms'] = { progress: [], team: [], org: [], rawOrg: [] };
  for (let round = 0; round < LATENCY_ROUNDS; round++) {
    ms.progress.push(
      await timed(LATENCY_SAMPLES.progress, (i) => request(progressUrl, { token: rep(i).token })),
    );
    ms.team.push(await timed(LATENCY_SAMPLES.team, () => request(teamUrl, { token: manager })));
    ms.org.push(await timed(LATENCY_SAMPLES.org, () => request(orgUrl, { token: manager })));
    ms.rawOrg.push(await timed(LATENCY_SAMPLES.raw, () => request(rawOrgUrl)));
  }
  return { events: consistency.events, rollupRows: consistency.rollupRows, rows, ms };
}

/** The rounds' p95 values: median, min, max. */
const p95 = (rounds: number[][]) => spread(rounds.map((r) => percentile(r, 95)));
const latencyText = (rounds: number[][]) =>
  `p50 ${fmt(percentile(rounds.flat(), 50), 1)}, p95 ${describeSpread(p95(rounds), 1)}, n=${rounds.flat().length}`;

function rawLines(m: Measured): string[] {
  return [
    `${fmt(m.events)} events, ${fmt(m.rollupRows)} rollup rows (rollup sums = raw sums: checked)`,
    `  rows read cold/warm: progress ${fmt(m.rows.progress)}/${fmt(m.rows.progressWarm)}, leaderboard team of ${REPS_PER_TEAM} ${fmt(m.rows.team)}/${fmt(m.rows.teamWarm)}, leaderboard org of ${TEAMS * REPS_PER_TEAM} ${fmt(m.rows.org)}/${fmt(m.rows.orgWarm)}; raw-events baseline: one member ${fmt(m.rows.rawProgress)}, whole org ${fmt(m.rows.rawOrg)}`,
    `  latency ms, progress: ${latencyText(m.ms.progress)}`,
    `  latency ms, team board: ${latencyText(m.ms.team)}`,
    `  latency ms, org board: ${latencyText(m.ms.org)}`,
    `  latency ms, raw org totals: ${latencyText(m.ms.rawOrg)}`,
  ];
}

function figures(small: Measured, big: Measured): Figure[] {
  const flat = (a: number, b: number) => b <= a * 1.05;
  const events = fmt(big.events);
  type Key = 'progress' | 'team' | 'org' | 'progressWarm' | 'teamWarm' | 'orgWarm';
  const rowsFigure = (what: string, key: Key, raw: 'rawProgress' | 'rawOrg'): Figure => ({
    name: `${what} rows read at ${events} events`,
    value: big.rows[key],
    unit: 'rows',
    baseline: {
      label: raw === 'rawProgress' ? 'one member from raw events' : 'org totals from raw events',
      value: big.rows[raw],
      unit: 'rows',
    },
    ratio: big.rows[key] / big.rows[raw],
    budget: `independent of event count (${fmt(small.rows[key])} at ${fmt(small.events)})`,
    pass: flat(small.rows[key], big.rows[key]),
  });
  const team = `leaderboard (team of ${REPS_PER_TEAM})`;
  const org = `leaderboard (org of ${TEAMS * REPS_PER_TEAM})`;
  return [
    rowsFigure('progress, cold', 'progress', 'rawProgress'),
    rowsFigure('progress, warm', 'progressWarm', 'rawProgress'),
    rowsFigure(`${team}, cold`, 'team', 'rawOrg'),
    rowsFigure(`${team}, warm`, 'teamWarm', 'rawOrg'),
    rowsFigure(`${org}, cold`, 'org', 'rawOrg'),
    rowsFigure(`${org}, warm`, 'orgWarm', 'rawOrg'),
    {
      name: `leaderboard (team of ${REPS_PER_TEAM}) p95 latency`,
      value: p95(big.ms.team).median,
      unit: 'ms',
      digits: 1,
      baseline: {
        label: 'raw org totals p95, median of rounds',
        value: p95(big.ms.rawOrg).median,
        unit: 'ms',
        digits: 1,
      },
      ratio: p95(big.ms.team).median / p95(big.ms.rawOrg).median,
      budget: '< 50 ms',
      pass: p95(big.ms.team).median < 50,
    },
    {
      name: `leaderboard (org of ${TEAMS * REPS_PER_TEAM}) p95 latency`,
      value: p95(big.ms.org).median,
      unit: 'ms',
      digits: 1,
      baseline: {
        label: 'raw org totals p95, median of rounds',
        value: p95(big.ms.rawOrg).median,
        unit: 'ms',
        digits: 1,
      },
      ratio: p95(big.ms.org).median / p95(big.ms.rawOrg).median,
      budget: '< 50 ms',
      pass: p95(big.ms.org).median < 50,
    },
    {
      name: 'progress p95 latency',
      value: p95(big.ms.progress).median,
      unit: 'ms',
      digits: 1,
      budget: 'report',
      pass: null,
    },
  ];
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('read cost: starting the real worker…');
  const real = await startRealServer();
  const bare = await startBareServer(real.persistTo);
  try {
    const world = await buildWorld(real, { teams: TEAMS, repsPerTeam: REPS_PER_TEAM });
    await setTargets(real.url, world);
    const cells = cellsFor(world.reps.length);
    const copies = Math.max(2, Math.round(ctx.options.bigEvents / cells));
    ctx.log(`read cost: loading ${fmt(cells)} events…`);
    await addEventCopies(real, world.orgId, 0, 1);
    const small = await measure(real.url, bare.url, world, await checkRollups(real, world.orgId));
    ctx.log(`read cost: ${rawLines(small).join(' | ')}`);
    ctx.log(`read cost: loading up to ${fmt(cells * copies)} events…`);
    const loadStarted = performance.now();
    await addEventCopies(real, world.orgId, 1, copies);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const big = await measure(real.url, bare.url, world, await checkRollups(real, world.orgId));
    ctx.log(`read cost: ${rawLines(big).join(' | ')}`);
    return {
      title: 'Leaderboard / progress cost',
      method: `A generated org: ${TEAMS} teams × ${REPS_PER_TEAM} reps, monthly revenue targets split equally. Events are written by SQLite itself into the real events table (the real rollup triggers run; rollup sums are checked equal to raw sums before measuring): every rep × each of the last 40 days × 5 metrics gets one event per copy, so going from ${fmt(small.events)} to ${fmt(big.events)} events multiplies events while the rollup rows stay put. Rows read = the sum of D1 \`meta.rows_read\` over every statement of the request (auth included), reported by the worker's bench-only meter (bench entry worker/bench/index.ts + x-pacer-meter header); median of ${METERED_SAMPLES} requests. The worker caches each member's figures in D1 until their change counter or the org's configuration moves: *cold* = the first request after such a change (forced by saving a target again), *warm* = the same request repeated. Baseline: the same per-member, per-metric totals for the month computed from the raw events table by the bare worker on the same database (rows_read from D1 meta). Latency: sequential full (non-304) requests from this machine, unmetered, mostly warm, in ${LATENCY_ROUNDS} interleaved rounds; the figure is the median of the rounds' p95.`,
      figures: figures(small, big),
      raw: [
        ...rawLines(small),
        ...rawLines(big),
        `loading ${fmt(big.events - small.events)} events took ${fmt(loadSeconds, 1)} s`,
      ],
      notes: [
        'The raw baseline reads every event of the org because events have no (org, local_date) index; it also computes less (one GROUP BY, no targets, tiers or streaks), so its latency flatters it.',
      ],
    };
  } finally {
    await bare.stop();
    await real.dispose();
  }
}

export const readCostBench: BenchModule = {
  id: 'read-cost',
  title: 'Leaderboard / progress cost',
  run,
};
