import { describe, expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../shared/api/progress.ts';
import { SyncEngine } from './engine.ts';
import { FakeServer, makeEvent } from './fake-server.test-helper.ts';
import { memoryDocument } from './memory-document.test-helper.ts';

const board = (percent: number): LeaderboardResponse => ({
  period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' },
  by: 'attainment',
  team: { id: 't', name: 'Team' },
  privacy: 'open',
  entries: [
    {
      rank: 1,
      member: { id: 'zhao', name: 'Zhao Min' },
      value: percent,
      achieved: percent,
      target: 100,
      percent,
      tier: null,
      streak: 0,
      points: 0,
    },
  ],
});

function engineFor(server: FakeServer) {
  return new SyncEngine({
    document: memoryDocument(),
    api: async () => server.api(),
    now: () => 1_000_000,
    random: () => 0.5,
    wakeAt: () => {},
  });
}

describe('the team board kept with the sync (for "you passed …")', () => {
  it('is fetched with the progress and kept when a later fetch fails', async () => {
    const server = new FakeServer();
    server.board = board(30);
    const engine = engineFor(server);
    await engine.log(makeEvent());
    await engine.flush();
    expect((await engine.state()).board?.entries[0]?.percent).toBe(30);
    expect(server.requests).toContain('board');

    server.board = null; // the server refuses it now (a privacy change): keep the last answer
    await engine.log(makeEvent());
    await engine.flush();
    expect((await engine.state()).board?.entries[0]?.percent).toBe(30);
  });
});
