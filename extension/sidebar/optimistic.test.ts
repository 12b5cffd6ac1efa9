import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../shared/api/events.ts';
import type { SidebarView } from '../platform/view.ts';
import { SyncEngine } from '../sync/engine.ts';
import { FakeServer, makeEvent } from '../sync/fake-server.test-helper.ts';
import { buildView } from '../sync/local-view.ts';
import { memoryDocument } from '../sync/memory-document.test-helper.ts';
import type { SyncState } from '../sync/state.ts';
import { applyLocalChanges, settledChanges } from './optimistic.ts';

const now = Date.parse('2026-11-23T10:00:00Z');
const ctx = { signedIn: true, serverUrl: 'http://127.0.0.1:8787', now, fallbackTimeZone: 'UTC' };

/** The background's engine over a fake server, and its views with a given manual-log share. */
async function background(manualLogPointsPercent = 100) {
  const server = new FakeServer();
  const engine = new SyncEngine({ document: memoryDocument(), api: async () => server.api() });
  await engine.log(makeEvent('revenue', 50));
  await engine.log(makeEvent('calls', 2));
  await engine.flush(); // profile + snapshot that counts both
  const view = async (): Promise<SidebarView> => {
    const state: SyncState = await engine.state();
    const me = state.me;
    if (!me) throw new Error('profile not fetched');
    const settings = { ...me.org.settings, manualLogPointsPercent };
    return buildView({ ...state, me: { ...me, org: { ...me.org, settings } } }, ctx);
  };
  return { engine, view };
}

/** What the page shows and the background publishes must agree on every number. */
function numbers(view: SidebarView) {
  const { counters, points, primary, tier, streak, period } = view;
  return { counters, points, primary, tier, streak, period };
}

const manual = (metric: string, quantity = 1): ActivityEvent => ({
  ...makeEvent(metric, quantity),
  occurredAt: new Date(now).toISOString(),
  source: { app: 'gmail' },
});
const withEvidence = (metric: string): ActivityEvent => ({
  ...manual(metric),
  source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
});

describe('optimistic sidebar numbers', () => {
  it.each([100, 50, 0])(
    'a log made here shows the numbers the background publishes once it has it (manual share %i %%)',
    async (percent) => {
      const { engine, view } = await background(percent);
      const published = await view();
      for (const event of [manual('meetings'), withEvidence('visits'), manual('revenue', 30)]) {
        const shown = applyLocalChanges(await view(), { logs: [event], undone: [] }, now);
        await engine.log(event);
        expect(numbers(shown)).toEqual(numbers(await view()));
      }
      expect((await view()).points.today).not.toBe(published.points.today);
    },
  );

  it('half points for a log without evidence, at once (manual share 50 %)', async () => {
    const { view } = await background(50);
    const published = await view();
    // A meeting is worth 3 points: floor(3 × 50 %) = 1 without evidence.
    const shown = applyLocalChanges(published, { logs: [manual('meetings')], undone: [] }, now);
    expect(shown.points.today - published.points.today).toBe(1);
    expect(shown.counters.find((c) => c.metric === 'meetings')?.today).toBe(1);
  });

  it('is not counted twice once the published view contains it', async () => {
    const { engine, view } = await background();
    const event = manual('calls');
    await engine.log(event);
    const published = await view();
    const shown = applyLocalChanges(published, { logs: [event], undone: [] }, now);
    expect(numbers(shown)).toEqual(numbers(published));
  });

  it('a committed log too old for the recent list is settled by the view revision (bursts)', async () => {
    const { engine, view } = await background();
    const event = manual('calls');
    const state = await engine.log(event);
    const published = { ...(await view()), recent: [] };
    const changes = { logs: [event], undone: [], acked: { [event.id]: state.revision ?? 0 } };
    expect(settledChanges(published, changes).logs).toEqual([]);
    expect(numbers(applyLocalChanges(published, changes, now))).toEqual(numbers(published));
  });

  it('undo here takes a log the server counts away at once, as the background will', async () => {
    const { engine, view } = await background(50);
    const event = manual('meetings', 2);
    await engine.log(event);
    await engine.flush(); // synced and in the snapshot
    const published = await view();
    const shown = applyLocalChanges(published, { logs: [], undone: [event.id] }, now);
    expect(shown.recent.find((r) => r.id === event.id)?.voided).toBe(true);
    await engine.undo(event.id);
    expect(numbers(shown)).toEqual(numbers(await view()));
  });

  it('undo of a log made here and not yet published takes it off again', async () => {
    const { view } = await background();
    const published = await view();
    const event = manual('calls');
    const shown = applyLocalChanges(published, { logs: [event], undone: [event.id] }, now);
    expect(numbers(shown)).toEqual(numbers(published));
  });
});
