import { describe, expect, it } from 'vitest';
import { SyncEngine } from './engine.ts';
import { FakeServer, makeEvent } from './fake-server.test-helper.ts';
import { memoryDocument } from './memory-document.test-helper.ts';

function setup(server = new FakeServer(), document = memoryDocument()) {
  let now = 1_000_000;
  const wakes: number[] = [];
  const engine = new SyncEngine({
    document,
    api: async () => server.api(),
    now: () => now,
    random: () => 0.5,
    wakeAt: (at) => wakes.push(at),
  });
  return {
    server,
    document,
    engine,
    wakes,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe('sync engine', () => {
  it('commits a log to the durable outbox before anything is sent', async () => {
    const { engine, server, document } = setup();
    const event = makeEvent();
    await engine.log(event);
    expect(server.requests).toEqual([]);
    expect(document.stored().outbox).toEqual([{ kind: 'event', event }]);
  });

  it('sends logs in the order they were made and empties the outbox', async () => {
    const { engine, server } = setup();
    const events = [makeEvent('calls'), makeEvent('visits'), makeEvent('meetings')];
    for (const e of events) await engine.log(e);
    expect(await engine.flush()).toBe('synced');
    expect([...server.events.keys()]).toEqual(events.map((e) => e.id));
    const state = await engine.state();
    expect(state.outbox).toEqual([]);
    expect(state.journal.every((j) => j.status === 'synced')).toBe(true);
  });

  it('sends at most 100 events per request', async () => {
    const { engine, server } = setup();
    for (let i = 0; i < 250; i++) await engine.log(makeEvent());
    await engine.flush();
    expect(server.requests.filter((r) => r.startsWith('events:'))).toEqual([
      'events:100',
      'events:100',
      'events:50',
    ]);
    expect(server.events.size).toBe(250);
  });

  it('backs off with jitter while the server is down, then delivers everything once', async () => {
    const t = setup();
    t.server.down = true;
    await t.engine.log(makeEvent());
    expect(await t.engine.flush()).toBe('retrying');
    let state = await t.engine.state();
    expect(state.failures).toBe(1);
    // random() = 0.5 of a 1 s ceiling
    expect(state.nextAttemptAt - t.now()).toBe(500);
    expect(t.wakes.at(-1)).toBe(state.nextAttemptAt);

    // Before the wait is over nothing is sent.
    const before = t.server.requests.length;
    expect(await t.engine.flush()).toBe('waiting');
    expect(t.server.requests.length).toBe(before);

    t.advance(500);
    expect(await t.engine.flush()).toBe('retrying');
    state = await t.engine.state();
    expect(state.failures).toBe(2);
    expect(state.nextAttemptAt - t.now()).toBe(1_000); // ceiling doubled to 2 s

    t.server.down = false;
    t.advance(1_000);
    expect(await t.engine.flush()).toBe('synced');
    state = await t.engine.state();
    expect(state.failures).toBe(0);
    expect(state.outbox).toEqual([]);
    expect(t.server.counted('calls')).toBe(1);
  });

  it('a forced flush (browser back online) ignores the backoff wait', async () => {
    const t = setup();
    t.server.down = true;
    await t.engine.log(makeEvent());
    await t.engine.flush();
    t.server.down = false;
    expect(await t.engine.flush({ force: true })).toBe('synced');
    expect(t.server.counted('calls')).toBe(1);
  });

  it('retries after a lost response without counting the event twice', async () => {
    const t = setup();
    const event = makeEvent('calls', 3);
    await t.engine.log(event);
    t.server.loseNextResponse = true;
    expect(await t.engine.flush()).toBe('retrying');
    expect(t.server.events.has(event.id)).toBe(true); // the server did commit
    t.advance(60_000);
    expect(await t.engine.flush()).toBe('synced');
    expect(t.server.requests.filter((r) => r.startsWith('events:'))).toEqual([
      'events:1',
      'events:1',
    ]);
    expect(t.server.counted('calls')).toBe(3);
    expect((await t.engine.state()).journal[0]?.status).toBe('synced');
  });

  it('recovers the outbox after a restart (a new engine over the same storage)', async () => {
    const server = new FakeServer();
    const document = memoryDocument();
    const first = setup(server, document);
    server.down = true;
    await first.engine.log(makeEvent());
    await first.engine.log(makeEvent());
    await first.engine.flush();

    server.down = false;
    const second = setup(server, document);
    expect(await second.engine.flush({ force: true })).toBe('synced');
    expect(server.counted('calls')).toBe(2);
    expect((await second.engine.state()).outbox).toEqual([]);
  });

  it('undo before sync drops the log; the server never sees it', async () => {
    const { engine, server } = setup();
    const event = makeEvent();
    await engine.log(event);
    await engine.undo(event.id);
    await engine.flush();
    expect(server.events.has(event.id)).toBe(false);
    expect((await engine.state()).journal[0]?.voided).toBe(true);
  });

  it('undo after sync sends a void after the event', async () => {
    const { engine, server } = setup();
    const event = makeEvent();
    await engine.log(event);
    await engine.flush();
    await engine.undo(event.id);
    await engine.flush();
    expect(server.voided.has(event.id)).toBe(true);
    expect(server.counted('calls')).toBe(0);
    const writes = server.requests.filter((r) => r.startsWith('events') || r.startsWith('void'));
    expect(writes).toEqual(['events:1', `void:${event.id}`]);
  });

  it('undo while the event is in flight queues a void instead of losing it', async () => {
    const t = setup();
    const event = makeEvent();
    await t.engine.log(event);
    const api = t.server.api();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = new SyncEngine({
      document: t.document,
      api: async () => ({
        ...api,
        postEvents: async (events) => {
          await gate;
          return api.postEvents(events);
        },
      }),
    });
    const flushing = slow.flush();
    await new Promise((r) => setTimeout(r, 0));
    await slow.undo(event.id);
    release();
    await flushing;
    await slow.flush();
    expect(t.server.events.has(event.id)).toBe(true);
    expect(t.server.voided.has(event.id)).toBe(true);
    expect(t.server.counted('calls')).toBe(0);
  });

  it('marks events the server rejects, and keeps sending the others', async () => {
    const t = setup();
    t.server.unknownMetrics.add('bogus');
    const good = makeEvent('calls');
    const bad = makeEvent('bogus');
    await t.engine.log(good);
    await t.engine.log(bad);
    await t.engine.flush();
    const journal = (await t.engine.state()).journal;
    expect(journal.find((j) => j.event.id === bad.id)?.status).toBe('rejected');
    expect(journal.find((j) => j.event.id === good.id)?.status).toBe('synced');
    expect((await t.engine.state()).outbox).toEqual([]);
  });

  it('stops sending when the token is refused and keeps the logs', async () => {
    const t = setup();
    t.server.rejectToken = true;
    await t.engine.log(makeEvent());
    expect(await t.engine.flush()).toBe('signed-out');
    const state = await t.engine.state();
    expect(state.unauthorized).toBe(true);
    expect(state.outbox).toHaveLength(1);
    expect(await t.engine.flush()).toBe('signed-out');
    expect(t.server.requests).toEqual(['events:1']);
  });

  it('signing in again as the same member sends the logs kept while unauthorized', async () => {
    const t = setup();
    t.server.rejectToken = true;
    await t.engine.log(makeEvent());
    await t.engine.flush();
    t.server.rejectToken = false;
    await t.engine.resume();
    expect(await t.engine.flush()).toBe('synced');
    expect(t.server.counted('calls')).toBe(1);
  });

  it('reset (sign-out, another member) forgets logs, snapshot and profile', async () => {
    const t = setup();
    await t.engine.log(makeEvent());
    await t.engine.flush();
    await t.engine.log(makeEvent());
    const state = await t.engine.reset();
    expect(state).toMatchObject({ outbox: [], journal: [], snapshot: null, me: null, seq: 0 });
    expect(await t.engine.state()).toEqual(state);
  });

  it('reconciles with the server progress after sending', async () => {
    const t = setup();
    await t.engine.log(makeEvent('calls', 2));
    await t.engine.flush();
    const state = await t.engine.state();
    expect(state.snapshot?.period.metrics.find((m) => m.metric === 'calls')?.achieved).toBe(2);
    expect(state.snapshot?.seq).toBe(state.seq);
    expect(state.me?.member.name).toBe('Li Lei');
  });

  it('polls progress with the last change token; a 304 keeps the snapshot', async () => {
    const t = setup();
    await t.engine.log(makeEvent('calls', 2));
    await t.engine.flush();
    const first = (await t.engine.state()).snapshot;
    expect(first?.period.etag).toBeDefined();
    t.advance(60_000);
    await t.engine.flush(); // nothing changed: both answers are 304
    expect(t.server.notModified).toBe(2);
    const second = (await t.engine.state()).snapshot;
    expect(second?.period).toEqual(first?.period);
    expect(second?.fetchedAt).toBe(t.now());
    expect(second?.period.metrics.find((m) => m.metric === 'calls')?.achieved).toBe(2);
  });

  it('a sync requested during a run with nothing to send still fetches fresh progress', async () => {
    const t = setup();
    const first = t.engine.flush();
    const second = t.engine.flush(); // e.g. the popup opened: "sync now"
    await Promise.all([first, second]);
    expect(t.server.requests.filter((r) => r === 'progress:day')).toHaveLength(2);
  });

  it('a flush requested during a flush also sends the newer logs', async () => {
    const t = setup();
    await t.engine.log(makeEvent());
    const first = t.engine.flush();
    await t.engine.log(makeEvent());
    const second = t.engine.flush();
    await Promise.all([first, second]);
    expect(t.server.counted('calls')).toBe(2);
    expect((await t.engine.state()).outbox).toEqual([]);
  });
});
