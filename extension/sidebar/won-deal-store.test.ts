import { afterEach, describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/index.ts';
import type { PageMessage } from '../platform/messages.ts';
import { DEFAULT_PREFS, type Prefs } from '../platform/prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { createLocalLogging } from './local-logging.ts';
import { createSidebarStore } from './store.ts';

const counter = (metric: string, kind: 'count' | 'amount', pointsPerUnit: number) => ({
  metric,
  label: null,
  kind,
  today: 0,
  period: 0,
  pointsPerUnit,
});
const view: SidebarView = {
  ...SIGNED_OUT_VIEW,
  signedIn: true,
  currency: 'CNY',
  counters: [counter('revenue', 'amount', 0), counter('deals', 'count', 10)],
  basis: { day: null, period: null, settings: {}, timeZone: 'UTC', logs: [] },
};

function setup(prefs: Prefs = DEFAULT_PREFS) {
  const sent: PageMessage[] = [];
  const store = createSidebarStore(view, prefs, {
    send: async (message) => {
      sent.push(message);
      return { ok: true };
    },
    savePrefs: () => {},
    browserLanguage: 'en-US',
    logging: { create: createLocalLogging },
    text: dictionaries(),
    now: () => Date.parse('2026-11-23T09:00:00Z'),
  });
  return { store, sent };
}

/** A stand-in for WebAudio that counts the notes started (node has no audio). */
let notes = 0;
class FakeAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    const param = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return {
      frequency: param,
      connect: (node: unknown) => node,
      start: () => {
        notes += 1;
      },
      stop() {},
    };
  }
  createGain() {
    const gain = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain, connect: (node: unknown) => node };
  }
}
const withAudio = globalThis as { AudioContext?: unknown };
afterEach(() => {
  delete withAudio.AudioContext;
  notes = 0;
});

describe('a won deal in the sidebar', () => {
  it('is one log: deals +1 and its revenue at once, one event with the amount, one undo', () => {
    const { store, sent } = setup();
    store.log(
      { metric: 'deals', quantity: 1, amount: 18_000_000, source: { app: 'gmail' } },
      'deal',
    );
    const today = (metric: string) =>
      store.shown.value.counters.find((c) => c.metric === metric)?.today;
    expect(today('deals')).toBe(1);
    expect(today('revenue')).toBe(18_000_000);
    expect(store.shown.value.points.today).toBe(10);
    expect(sent).toHaveLength(1);
    const message = sent[0];
    expect(message).toMatchObject({ type: 'log', event: { metric: 'deals', amount: 18_000_000 } });
    const undoId = store.toasts.value.at(-1)?.undoId as string;
    store.undo(undoId);
    expect(today('deals')).toBe(0);
    expect(today('revenue')).toBe(0);
  });

  it('celebrations close together share one card, each line once', () => {
    const { store } = setup();
    store.celebrate('Deal won: CN¥180,000');
    store.celebrate('You passed Zhao Min — #3 now');
    store.celebrate('Deal won: CN¥180,000');
    expect(store.celebration.value).toBe('Deal won: CN¥180,000 · You passed Zhao Min — #3 now');
  });

  it('plays a sound on a log only when the member turned it on (off by default)', () => {
    withAudio.AudioContext = FakeAudioContext;
    expect(DEFAULT_PREFS.sound).toBe(false);
    setup().store.log({ metric: 'deals', quantity: 1, source: { app: 'gmail' } }, 'deal');
    expect(notes).toBe(0);
    setup({ ...DEFAULT_PREFS, sound: true }).store.log(
      { metric: 'deals', quantity: 1, source: { app: 'gmail' } },
      'deal',
    );
    expect(notes).toBe(1);
  });
});
