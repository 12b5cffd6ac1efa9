/**
 * The bench-only D1 meter (worker/bench/d1-meter.ts) that `npm run bench` reads rows from: it
 * reports a request's summed D1 cost only when the server runs the bench entry
 * (worker/bench/index.ts) and the request asks, and a metered answer is the same answer as an unmetered one.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { METER_RESPONSE_HEADER } from '../../../worker/bench/d1-meter.ts';
import { makeEvents, request } from '../../bench/lib/api.ts';
import { BENCH_ENTRY, d1Cost, METER } from '../../bench/lib/servers.ts';
import { buildWorld, type World } from '../../bench/lib/world.ts';
import { startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';

let bench: WorkerServer;
let plain: WorkerServer;
let world: World;
beforeAll(async () => {
  [bench, plain] = await Promise.all([
    startWorkerServer({ entry: BENCH_ENTRY }),
    startWorkerServer(),
  ]);
  world = await buildWorld(bench, { teams: 1, repsPerTeam: 3 });
});
afterAll(async () => {
  await Promise.all([bench?.dispose(), plain?.dispose()]);
});

test('a metered write reports the rows it wrote and read', async () => {
  const rep = world.reps[0] as World['reps'][number];
  const res = await request(`${bench.url}/api/v1/events`, {
    token: rep.token,
    body: { events: makeEvents(3) },
    headers: METER,
  });
  expect(res.status).toBe(200);
  const cost = d1Cost(res.headers);
  expect(cost.queries).toBeGreaterThanOrEqual(2); // auth read + the insert batch
  expect(cost.rowsRead).toBeGreaterThan(0);
  expect(cost.rowsWritten).toBeGreaterThanOrEqual(3);
});

test('metered reads answer exactly what unmetered reads answer (joins included)', async () => {
  const team = world.teams[0]?.id as string;
  // A running period's pace moves with every second of the working day, so two reads a moment
  // apart differ; a month that has ended answers the same at any instant.
  const ended = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  for (const [path, token] of [
    ['/api/v1/me', world.managerToken], // auth joins tokens, members and orgs: duplicate names
    [`/api/v1/leaderboard?team=${team}&period=month`, world.managerToken],
    [`/api/v1/me/progress?period=month&date=${ended}`, world.reps[1]?.token as string],
  ] as const) {
    const metered = await request(`${bench.url}${path}`, { token, headers: METER });
    const unmetered = await request(`${bench.url}${path}`, { token });
    expect(metered.status, path).toBe(200);
    expect(d1Cost(metered.headers).rowsRead, path).toBeGreaterThan(0);
    expect(unmetered.headers.get(METER_RESPONSE_HEADER), path).toBeNull();
    expect(metered.body, path).toEqual(unmetered.body);
  }
});

test('the production entry (worker/index.ts) ignores the header', async () => {
  const res = await request(`${plain.url}/api/v1/openapi.json`, { headers: METER });
  expect(res.status).toBe(200);
  expect(res.headers.get(METER_RESPONSE_HEADER)).toBeNull();
});
