/**
 * Customers at scale: an org of 500 reps with 50,000 customers (100 each, classed A/B/C or not),
 * measured at two event counts (the smaller one is the same-run baseline: rows read must not
 * grow with events). The real routes: a rep's due list and the lookup of the customer on screen,
 * the manager's customer report (one team, the whole org), and the board ranked by a customer
 * KPI (repeat purchase rate: its parts come from the customer rollups). A second baseline: what
 * the due list and the KPI parts cost when read from the raw events table.
 */

import type { WorkerServer } from '../../support/worker-server.ts';
import { request } from '../lib/api.ts';
import { d1Query, d1Script } from '../lib/d1-local.ts';
import { uuidSql } from '../lib/generate-events.ts';
import type { BenchContext, BenchModule, Figure, Section } from '../lib/report.ts';
import { d1Cost, METER, startBareServer, startRealServer } from '../lib/servers.ts';
import { describeSpread, fmt, median, percentile, spread } from '../lib/stats.ts';
import { buildWorld, type World } from '../lib/world.ts';

const TEAMS = 10;
const REPS_PER_TEAM = 50;
const CUSTOMERS_PER_REP = 100;
/** Per customer and copy: two follow-ups, and a won deal for every second customer. */
const EVENTS_PER_COPY = TEAMS * REPS_PER_TEAM * CUSTOMERS_PER_REP * 2.5;
const METERED_SAMPLES = 5;
const LATENCY_ROUNDS = 3;
const SAMPLES = {
  due: 40,
  lookup: 40,
  progress: 40,
  reportTeam: 20,
  reportOrg: 3,
  boardTeam: 30,
  boardOrg: 20,
};
/** Reps whose quarter's deal target is split into new and existing customers (progress reads it). */
const SEGMENT_REPS = 40;
const KPI = 'repeat_rate';

type Kind = keyof typeof SAMPLES;

interface Measured {
  events: number;
  rollupRows: { customerMetrics: number; customerDays: number; contacts: number };
  rows: {
    due: number;
    lookup: number;
    progress: number;
    reportTeam: number;
    reportOrg: number;
    boardTeamCold: number;
    boardTeamWarm: number;
    boardOrgCold: number;
    boardOrgWarm: number;
    rawDue: number;
    rawKpi: number;
  };
  dueShown: number;
  segmentsShown: number;
  ms: Record<Kind, number[][]>;
}

const q = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** 100 customers per rep: 20 % A, 30 % B, 30 % C, 20 % unclassified. */
async function addCustomers(server: WorkerServer, orgId: string): Promise<void> {
  const now = new Date().toISOString();
  await d1Script(
    server,
    `WITH RECURSIVE
  n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < ${CUSTOMERS_PER_REP - 1}),
  reps(id, r) AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) FROM members WHERE org_id = ${q(orgId)} AND role = 'rep')
INSERT INTO customers (id, org_id, owner_id, key, name, class, since, created_at)
SELECT ${uuidSql}, ${q(orgId)}, reps.id, 'domain:c' || reps.r || '-' || n.k || '.example',
  'c' || reps.r || '-' || n.k || '.example',
  CASE WHEN n.k % 10 < 2 THEN 'A' WHEN n.k % 10 < 5 THEN 'B' WHEN n.k % 10 < 8 THEN 'C' ELSE NULL END,
  date('now', '-120 days'), ${q(now)}
FROM reps, n;`,
    `customers-${orgId}`,
  );
}

/**
 * Copies [from, to) of the customer grid: each copy gives every customer the same two follow-ups
 * (on days fixed per customer within the last 45) and every second customer a won deal (a day
 * within the last 75, so this period and the one before have buyers), so the customer rollups
 * keep their rows while the events multiply. Written into `events` with `customer_id` set, so
 * the real triggers keep every rollup.
 */
async function addCustomerEvents(server: WorkerServer, orgId: string, from: number, to: number) {
  const createdAt = new Date().toISOString();
  const statements: string[] = [];
  for (let c = from; c < to; c++) {
    statements.push(`WITH
  cs(id, owner, k) AS MATERIALIZED (SELECT id, owner_id, row_number() OVER (ORDER BY id) FROM customers WHERE org_id = ${q(orgId)}),
  rows(id, owner, metric, d) AS (
    SELECT cs.id, cs.owner, 'calls', (cs.k * 7) % 45 FROM cs
    UNION ALL SELECT cs.id, cs.owner, CASE cs.k % 4 WHEN 0 THEN 'calls' WHEN 1 THEN 'visits' WHEN 2 THEN 'meetings' ELSE 'emails' END, cs.k % 45 FROM cs
    UNION ALL SELECT cs.id, cs.owner, 'deals', (cs.k * 11) % 75 FROM cs WHERE cs.k % 2 = 0)
INSERT INTO events (id, org_id, member_id, metric, quantity, occurred_at, local_date, evidence, details, created_at, voided, customer_id)
SELECT ${uuidSql}, ${q(orgId)}, rows.owner, rows.metric, 1,
  date('now', '-' || rows.d || ' days') || 'T09:00:00.000Z', date('now', '-' || rows.d || ' days'),
  1, '{"source":{"app":"bench"}}', ${q(createdAt)}, 0, rows.id
FROM rows;`);
  }
  await d1Script(server, statements.join('\n'), `customer-events-${orgId}-${from}-${to}`);
}

interface Consistency {
  events: number;
  linked: number;
  metricLogs: number;
  deals: number;
  dayDeals: number;
  customerMetrics: number;
  customerDays: number;
  contacts: number;
}

/** The customer rollups against the raw events: the triggers must have kept them equal. */
async function checkCustomerRollups(server: WorkerServer, orgId: string): Promise<Consistency> {
  const org = q(orgId);
  const [answer] = await d1Query<Consistency>(
    server,
    `SELECT (SELECT count(*) FROM events WHERE org_id = ${org}) AS events,
            (SELECT count(*) FROM events WHERE org_id = ${org} AND customer_id IS NOT NULL AND voided = 0) AS linked,
            (SELECT coalesce(sum(m.logs), 0) FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE c.org_id = ${org}) AS metricLogs,
            (SELECT coalesce(sum(quantity), 0) FROM events WHERE org_id = ${org} AND customer_id IS NOT NULL AND voided = 0 AND metric = 'deals') AS deals,
            (SELECT coalesce(sum(deals), 0) FROM customer_days WHERE org_id = ${org}) AS dayDeals,
            (SELECT count(*) FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE c.org_id = ${org}) AS customerMetrics,
            (SELECT count(*) FROM customer_days WHERE org_id = ${org}) AS customerDays,
            (SELECT count(*) FROM customer_contacts k JOIN customers c ON c.id = k.customer_id WHERE c.org_id = ${org}) AS contacts`,
  );
  const row = answer?.results[0];
  if (!row) throw new Error('consistency query answered nothing');
  if (row.linked !== row.metricLogs || row.deals !== row.dayDeals) {
    throw new Error(`customer rollups disagree with raw events: ${JSON.stringify(row)}`);
  }
  return row;
}

const monthStart = () => `${new Date().toISOString().slice(0, 7)}-01`;

/** Saving a target again moves the org's configuration counter: every cached board figure is stale. */
async function invalidateBoard(url: string, world: World): Promise<void> {
  const res = await request(`${url}/api/v1/targets`, {
    method: 'PUT',
    token: world.managerToken,
    body: {
      scope: 'team',
      teamId: world.teams[0]?.id,
      metric: 'revenue',
      period: { kind: 'month', start: monthStart() },
      value: REPS_PER_TEAM * 3_000_000 + Math.floor(Math.random() * 1000),
      split: { mode: 'equal' },
    },
  });
  if (res.status !== 200) throw new Error(`targets → ${res.status} ${JSON.stringify(res.body)}`);
}

/** The first day of this calendar quarter (the org's fiscal year starts in January). */
function quarterStart(): string {
  const now = new Date();
  const month = now.getUTCMonth() - (now.getUTCMonth() % 3);
  return new Date(Date.UTC(now.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

/** The measured reps' deal targets of the quarter, split into new and existing customers. */
async function setSegmentTargets(url: string, world: World): Promise<void> {
  for (let i = 0; i < SEGMENT_REPS; i++) {
    const res = await request(`${url}/api/v1/targets`, {
      method: 'PUT',
      token: world.managerToken,
      body: {
        scope: 'member',
        memberId: repAt(world, i).id,
        metric: 'deals',
        period: { kind: 'quarter', start: quarterStart() },
        value: 100,
        breakdown: {
          by: 'customer',
          parts: [
            { segment: 'new', value: 40 },
            { segment: 'existing', value: 60 },
          ],
        },
      },
    });
    if (res.status !== 200) throw new Error(`targets → ${res.status} ${JSON.stringify(res.body)}`);
  }
}

const repAt = (world: World, i: number) =>
  world.reps[(i * 37) % world.reps.length] as World['reps'][number];

async function measure(
  server: WorkerServer,
  bareUrl: string,
  world: World,
  lookupKeys: Map<string, string>,
  consistency: Consistency,
): Promise<Measured> {
  const url = server.url;
  const manager = world.managerToken;
  const team = world.teams[0]?.id as string;
  const rep = (i: number) => repAt(world, i);
  const progressUrl = `${url}/api/v1/me/progress?period=quarter`;
  const dueUrl = `${url}/api/v1/customers/due`;
  const lookupUrl = (i: number) =>
    `${url}/api/v1/customers/lookup?email=${encodeURIComponent(`buyer@${(lookupKeys.get(rep(i).id) ?? '').slice('domain:'.length)}`)}`;
  const reportTeamUrl = `${url}/api/v1/customers/report?team=${team}`;
  const reportOrgUrl = `${url}/api/v1/customers/report?team=${world.rootTeamId}`;
  const boardTeamUrl = `${url}/api/v1/leaderboard?period=month&by=${KPI}&team=${team}`;
  const boardOrgUrl = `${url}/api/v1/leaderboard?period=month&by=${KPI}&team=${world.rootTeamId}`;

  const metered = async (target: string, token: string) => {
    const res = await request(target, { token, headers: METER });
    if (res.status !== 200)
      throw new Error(`${target} → ${res.status} ${JSON.stringify(res.body)}`);
    return d1Cost(res.headers).rowsRead;
  };
  const samples = async (fn: (i: number) => Promise<number>) => {
    const out: number[] = [];
    for (let i = 0; i < METERED_SAMPLES; i++) out.push(await fn(i));
    return median(out);
  };
  const boardRows = async (target: string) => {
    const cold: number[] = [];
    for (let i = 0; i < METERED_SAMPLES; i++) {
      await invalidateBoard(url, world);
      cold.push(await metered(target, manager));
    }
    const warm = await samples(() => metered(target, manager));
    return { cold: median(cold), warm };
  };
  const dueBody = await request<{ customers: unknown[] }>(dueUrl, { token: rep(0).token });
  const progressBody = await request<{ metrics: { metric: string; breakdown?: unknown[] }[] }>(
    progressUrl,
    { token: rep(0).token },
  );
  const segmentsShown =
    progressBody.body.metrics.find((m) => m.metric === 'deals')?.breakdown?.length ?? 0;
  const boardTeam = await boardRows(boardTeamUrl);
  const boardOrg = await boardRows(boardOrgUrl);
  // Baselines from raw events (the bare worker on the same database): the due list's inputs for
  // one rep, and the KPI's purchases of the whole org over this month and the one before.
  const rawRows = async (target: string) => {
    const res = await request<{ meta: { rows_read: number } }>(target);
    if (res.status !== 200) throw new Error(`${target} → ${res.status}`);
    return res.body.meta.rows_read;
  };
  const today = new Date().toISOString().slice(0, 10);
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 10);
  const rows: Measured['rows'] = {
    due: await samples((i) => metered(dueUrl, rep(i).token)),
    lookup: await samples((i) => metered(lookupUrl(i), rep(i).token)),
    progress: await samples((i) => metered(progressUrl, rep(i).token)),
    reportTeam: await samples(() => metered(reportTeamUrl, manager)),
    reportOrg: await samples(() => metered(reportOrgUrl, manager)),
    boardTeamCold: boardTeam.cold,
    boardTeamWarm: boardTeam.warm,
    boardOrgCold: boardOrg.cold,
    boardOrgWarm: boardOrg.warm,
    rawDue: await rawRows(`${bareUrl}/raw-customers?member=${rep(0).id}`),
    rawKpi: await rawRows(
      `${bareUrl}/raw-purchases?org=${world.orgId}&start=${lastMonth}&end=${today}`,
    ),
  };
  // Latency in rounds, each kind once per round: the figure is the median of the rounds' p95.
  const ms: Measured['ms'] = {
    due: [],
    lookup: [],
    progress: [],
    reportTeam: [],
    reportOrg: [],
    boardTeam: [],
    boardOrg: [],
  };
  const timed = async (kind: Kind, send: (i: number) => ReturnType<typeof request>) => {
    const out: number[] = [];
    for (let i = 0; i < SAMPLES[kind]; i++) {
      const res = await send(i);
      if (res.status !== 200) throw new Error(`${kind}: expected 200, got ${res.status}`);
      out.push(res.ms);
    }
    ms[kind].push(out);
  };
  for (let round = 0; round < LATENCY_ROUNDS; round++) {
    await timed('due', (i) => request(dueUrl, { token: rep(i).token }));
    await timed('lookup', (i) => request(lookupUrl(i), { token: rep(i).token }));
    await timed('progress', (i) => request(progressUrl, { token: rep(i).token }));
    await timed('reportTeam', () => request(reportTeamUrl, { token: manager }));
    await timed('reportOrg', () => request(reportOrgUrl, { token: manager }));
    await timed('boardTeam', () => request(boardTeamUrl, { token: manager }));
    await timed('boardOrg', () => request(boardOrgUrl, { token: manager }));
  }
  return {
    events: consistency.events,
    rollupRows: {
      customerMetrics: consistency.customerMetrics,
      customerDays: consistency.customerDays,
      contacts: consistency.contacts,
    },
    rows,
    dueShown: dueBody.body.customers.length,
    segmentsShown,
    ms,
  };
}

const p95 = (rounds: number[][]) => spread(rounds.map((r) => percentile(r, 95)));
const latencyText = (rounds: number[][]) =>
  `p50 ${fmt(percentile(rounds.flat(), 50), 1)}, p95 ${describeSpread(p95(rounds), 1)}, n=${rounds.flat().length}`;

function rawLines(m: Measured): string[] {
  const r = m.rows;
  return [
    `${fmt(m.events)} events; customer rollup rows: ${fmt(m.rollupRows.customerMetrics)} customer × metric, ${fmt(m.rollupRows.customerDays)} customer × purchase day, ${fmt(m.rollupRows.contacts)} customer × follow-up day × metric (sums = raw: checked)`,
    `  rows read: due list ${fmt(r.due)} (${m.dueShown} due or overdue shown), lookup ${fmt(r.lookup)}, progress of the quarter ${fmt(r.progress)} (${m.segmentsShown} segments of the deal target shown), report team of ${REPS_PER_TEAM} ${fmt(r.reportTeam)}, report org of ${TEAMS * REPS_PER_TEAM} ${fmt(r.reportOrg)}, board by ${KPI} cold/warm: team ${fmt(r.boardTeamCold)}/${fmt(r.boardTeamWarm)}, org ${fmt(r.boardOrgCold)}/${fmt(r.boardOrgWarm)}; raw events: one rep's due list ${fmt(r.rawDue)}, the org's KPI purchases ${fmt(r.rawKpi)}`,
    `  latency ms, due list: ${latencyText(m.ms.due)}`,
    `  latency ms, lookup: ${latencyText(m.ms.lookup)}`,
    `  latency ms, progress (quarter, deal target by segment): ${latencyText(m.ms.progress)}`,
    `  latency ms, report (team of ${REPS_PER_TEAM}): ${latencyText(m.ms.reportTeam)}`,
    `  latency ms, report (org of ${TEAMS * REPS_PER_TEAM}): ${latencyText(m.ms.reportOrg)}`,
    `  latency ms, board by ${KPI} (team of ${REPS_PER_TEAM}): ${latencyText(m.ms.boardTeam)}`,
    `  latency ms, board by ${KPI} (org of ${TEAMS * REPS_PER_TEAM}): ${latencyText(m.ms.boardOrg)}`,
  ];
}

function figures(small: Measured, big: Measured): Figure[] {
  const events = fmt(big.events);
  type RowKey = keyof Measured['rows'];
  const rowsFigure = (what: string, key: RowKey, raw?: 'rawDue' | 'rawKpi'): Figure => ({
    name: `${what} rows read at ${events} events`,
    value: big.rows[key],
    unit: 'rows',
    baseline: raw
      ? {
          label:
            raw === 'rawDue' ? "one rep's due list from raw events" : 'KPI parts from raw events',
          value: big.rows[raw],
          unit: 'rows',
        }
      : { label: `at ${fmt(small.events)} events`, value: small.rows[key], unit: 'rows' },
    ratio: big.rows[key] / (raw ? big.rows[raw] : Math.max(1, small.rows[key])),
    budget: `independent of event count (${fmt(small.rows[key])} at ${fmt(small.events)})`,
    pass: big.rows[key] <= small.rows[key] * 1.05,
  });
  const latency = (what: string, kind: Kind, budget: boolean): Figure => ({
    name: `${what} p95 latency at ${events} events`,
    value: p95(big.ms[kind]).median,
    unit: 'ms',
    digits: 1,
    baseline: {
      label: `at ${fmt(small.events)} events`,
      value: p95(small.ms[kind]).median,
      unit: 'ms',
      digits: 1,
    },
    ratio: p95(big.ms[kind]).median / p95(small.ms[kind]).median,
    budget: budget ? '< 50 ms' : 'report',
    pass: budget ? p95(big.ms[kind]).median < 50 : null,
  });
  const team = `team of ${REPS_PER_TEAM}`;
  const org = `org of ${TEAMS * REPS_PER_TEAM}`;
  return [
    rowsFigure("a rep's due list", 'due', 'rawDue'),
    rowsFigure('lookup of the customer on screen', 'lookup'),
    rowsFigure("a rep's progress with a target by customer segment", 'progress'),
    rowsFigure(`customer report (${team})`, 'reportTeam'),
    rowsFigure(`customer report (${org}, 50,000 customers)`, 'reportOrg'),
    rowsFigure(`board by ${KPI} (${team}), cold`, 'boardTeamCold', 'rawKpi'),
    rowsFigure(`board by ${KPI} (${org}), cold`, 'boardOrgCold', 'rawKpi'),
    rowsFigure(`board by ${KPI} (${org}), warm`, 'boardOrgWarm', 'rawKpi'),
    latency("a rep's due list", 'due', true),
    latency('lookup', 'lookup', true),
    latency('progress with a target by customer segment', 'progress', true),
    latency(`customer report (${team})`, 'reportTeam', false),
    latency(`customer report (${org})`, 'reportOrg', false),
    latency(`board by ${KPI} (${team})`, 'boardTeam', true),
    latency(`board by ${KPI} (${org})`, 'boardOrg', true),
  ];
}

async function run(ctx: BenchContext): Promise<Section> {
  ctx.log('customers: starting the real worker…');
  const server = await startRealServer();
  const bare = await startBareServer(server.persistTo);
  try {
    const world = await buildWorld(server, { teams: TEAMS, repsPerTeam: REPS_PER_TEAM });
    await setSegmentTargets(server.url, world);
    ctx.log(`customers: ${fmt(world.reps.length * CUSTOMERS_PER_REP)} customers…`);
    await addCustomers(server, world.orgId);
    const [keys] = await d1Query<{ owner_id: string; key: string }>(
      server,
      `SELECT owner_id, min(key) AS key FROM customers WHERE org_id = ${q(world.orgId)} GROUP BY owner_id`,
    );
    const lookupKeys = new Map((keys?.results ?? []).map((k) => [k.owner_id, k.key]));
    const copies = Math.max(2, Math.round(ctx.options.bigEvents / EVENTS_PER_COPY));
    await addCustomerEvents(server, world.orgId, 0, 1);
    const small = await measure(
      server,
      bare.url,
      world,
      lookupKeys,
      await checkCustomerRollups(server, world.orgId),
    );
    ctx.log(`customers: ${rawLines(small).join(' | ')}`);
    ctx.log(`customers: loading up to ${fmt(EVENTS_PER_COPY * copies)} events…`);
    const loadStarted = performance.now();
    await addCustomerEvents(server, world.orgId, 1, copies);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const big = await measure(
      server,
      bare.url,
      world,
      lookupKeys,
      await checkCustomerRollups(server, world.orgId),
    );
    ctx.log(`customers: ${rawLines(big).join(' | ')}`);
    return {
      title: 'Customers at scale',
      method: `A generated org: ${TEAMS} teams × ${REPS_PER_TEAM} reps, ${fmt(CUSTOMERS_PER_REP)} customers each (${fmt(TEAMS * REPS_PER_TEAM * CUSTOMERS_PER_REP)} in all; 20 % A, 30 % B, 30 % C, 20 % unclassified). Events are written by SQLite into the real events table with their customer set, so the real triggers keep every rollup (checked equal to the raw events before measuring): each copy gives every customer two follow-ups on days fixed per customer and every second customer a won deal, so going from ${fmt(small.events)} to ${fmt(big.events)} events multiplies events while the rollup rows stay put — the smaller count is the same-run baseline. Measured through the real routes: GET /api/v1/customers/due (a rep's due list), GET /api/v1/customers/lookup (the customer of the thread on screen), GET /api/v1/me/progress for the quarter (the measured reps' deal targets split into new and existing customers: the split's progress comes from the customer rollups), GET /api/v1/customers/report for a team and for the whole org (manager), and GET /api/v1/leaderboard ranked by ${KPI} (its parts come from the customer rollups; cold = first request after the org's configuration moved, warm = repeated). Rows read = the sum of D1 \`meta.rows_read\` over every statement of the request (bench entry worker/bench/index.ts, x-pacer-meter), median of ${METERED_SAMPLES}. Second baseline: the same answers' inputs read from raw events with \`wrangler d1 execute\` (rows_read from D1 meta). Latency: sequential full requests from this machine, unmetered, in ${LATENCY_ROUNDS} interleaved rounds; the figure is the median of the rounds' p95.`,
      figures: figures(small, big),
      raw: [
        ...rawLines(small),
        ...rawLines(big),
        `loading ${fmt(big.events - small.events)} events took ${fmt(loadSeconds, 1)} s`,
      ],
      notes: [
        "The due list reads the rep's customers (index customers_owner), each one's row per metric (customer_metrics) and, for classes that want more than one follow-up per period, its follow-up days in the period of its last follow-up (customer_contacts): customers and days, never events.",
        'The report reads the same for every rep of the team; the org-wide report is 50,000 customers and is reported, not budgeted (a manager opens it, no one polls it).',
        "A rep's progress with a deal target split by customer segment reads, besides its metric rollups, the rep's purchase days of the quarter (customer_days) and each one's first-purchase row (customer_firsts).",
        "The board by a customer KPI reads, cold, each rep's kept KPI parts of this period (customer_kpi_parts: one row per rep, worked out again from their purchase days in customer_days and first-purchase rows in customer_firsts only for reps whose purchases changed since), besides the metric rollups every board reads; warm, it reads the cached figures.",
      ],
    };
  } finally {
    await bare.stop();
    await server.dispose();
  }
}

export const customersBench: BenchModule = { id: 'customers', title: 'Customers at scale', run };
