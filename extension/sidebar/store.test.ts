import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/index.ts';
import type { PageMessage } from '../platform/messages.ts';
import { DEFAULT_PREFS } from '../platform/prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { createLocalLogging } from './local-logging.ts';
import { createSidebarStore, type SidebarDeps } from './store.ts';

const signedIn: SidebarView = {
  ...SIGNED_OUT_VIEW,
  signedIn: true,
  counters: [
    { metric: 'calls', label: null, kind: 'count', today: 0, period: 0, pointsPerUnit: 2 },
  ],
  // No server answer yet: today's logs count from zero, with the default weights.
  basis: { day: null, period: null, settings: {}, timeZone: 'UTC', logs: [] },
};

function setup(
  view: SidebarView,
  logging: SidebarDeps['logging'] = { create: createLocalLogging },
) {
  const sent: PageMessage[] = [];
  let now = Date.parse('2026-11-23T09:00:00Z');
  const store = createSidebarStore(view, DEFAULT_PREFS, {
    send: async (message) => {
      sent.push(message);
      return { ok: true };
    },
    savePrefs: () => {},
    browserLanguage: 'en-US',
    logging,
    text: dictionaries(),
    now: () => now,
  });
  return { store, sent, advance: (ms: number) => (now += ms) };
}

const fromThread = {
  metric: 'calls',
  quantity: 1,
  contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
  source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/x', title: 'Quote' },
};

describe('sidebar store', () => {
  it('logs: the counter moves at once and the background gets a valid event', () => {
    const { store, sent } = setup(signedIn);
    store.log(fromThread, 'call');
    expect(store.shown.value.counters[0]?.today).toBe(1);
    expect(store.shown.value.points.today).toBe(2);
    expect(sent).toHaveLength(1);
    const message = sent[0];
    expect(message?.type).toBe('log');
    if (message?.type === 'log') {
      expect(message.event).toMatchObject({ metric: 'calls', contact: fromThread.contact });
      expect(message.event.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(store.toasts.value.at(-1)).toMatchObject({
      text: 'Logged call for Ada Lovelace',
      points: 2,
    });
  });

  it('"+N pts" is what the overlay adds today: the manual share, nothing for 0-point metrics', () => {
    const { store } = setup({
      ...signedIn,
      basis: {
        ...(signedIn.basis as NonNullable<SidebarView['basis']>),
        settings: { manualLogPointsPercent: 50 },
      },
    });
    // Without a source URL a call earns half its 2 points.
    const told: number[] = [];
    store.log({ metric: 'calls', quantity: 1, source: { app: 'gmail' } }, 'call', (points) =>
      told.push(points),
    );
    expect(store.toasts.value.at(-1)?.points).toBe(1);
    expect(told).toEqual([1]);
    store.log({ metric: 'revenue', quantity: 5_000, source: fromThread.source }, 'revenue');
    expect(store.toasts.value.at(-1)).not.toHaveProperty('points');
  });

  it('a republished view that shows nothing new keeps the shown view (no re-render)', () => {
    const { store } = setup({ ...signedIn, revision: 3 });
    const before = store.shown.value;
    store.publish({ ...signedIn, revision: 4 });
    expect(store.shown.value).toBe(before);
    const counters = [{ ...signedIn.counters[0], today: 5 }] as SidebarView['counters'];
    store.publish({ ...signedIn, counters, revision: 5 });
    expect(store.shown.value).not.toBe(before);
    expect(store.shown.value.counters[0]?.today).toBe(5);
  });

  it('hide on this site asks once, then hides with an Undo that shows it again', () => {
    const { store } = setup(signedIn);
    store.hideOnSite('gmail');
    const ask = store.toasts.value.at(-1);
    expect(ask).toMatchObject({ text: expect.stringMatching(/^Hide Pacer on this site\?/) });
    expect(store.prefs.value.sites.gmail).toBeUndefined();
    ask?.confirm?.();
    expect(store.prefs.value.sites.gmail).toBe(false);
    const undo = store.toasts.value.at(-1);
    expect(undo).toMatchObject({ text: 'Pacer is hidden on this site.', restoreSite: 'gmail' });
    store.showOnSite(undo?.restoreSite ?? '');
    expect(store.prefs.value.sites.gmail).toBe(true);
  });

  it('asks before a second log for the same contact within 2 minutes', () => {
    const { store, sent, advance } = setup(signedIn);
    store.log(fromThread, 'call');
    advance(60_000);
    store.log(fromThread, 'call');
    expect(sent).toHaveLength(1);
    const ask = store.toasts.value.at(-1);
    expect(ask?.text).toContain('1 minute ago');
    ask?.confirm?.();
    expect(sent).toHaveLength(2);
    expect(store.shown.value.counters[0]?.today).toBe(2);
  });

  it('on a record without a contact: a double click logs once; says there is no contact', () => {
    const { store, sent, advance } = setup(signedIn);
    const noContact = { ...fromThread, contact: undefined, record: 'thread-f:1' };
    store.log(noContact, 'call');
    advance(180);
    store.log(noContact, 'call');
    expect(sent).toHaveLength(1);
    expect(store.toasts.value.map((x) => x.text)).toEqual([
      'Logged call: no contact found on this page',
    ]);
    // Another record, or another metric on this one, is not a double.
    store.log({ ...noContact, record: 'thread-f:2' }, 'call');
    store.log({ ...noContact, metric: 'visits' }, 'visit');
    expect(sent).toHaveLength(3);
  });

  it('a second click a second later on the same record asks first, "just now", contact or not', () => {
    const { store, sent, advance } = setup(signedIn);
    const noContact = { ...fromThread, contact: undefined, record: 'thread-f:1' };
    store.log(noContact, 'call');
    advance(1_200);
    store.log(noContact, 'call');
    expect(sent).toHaveLength(1);
    const ask = store.toasts.value.at(-1);
    expect(ask?.text).toBe('You logged a call here just now. Log another?');
    ask?.confirm?.();
    expect(sent).toHaveLength(2);

    advance(1_200);
    store.log({ ...fromThread, record: 'thread-f:3' }, 'call');
    advance(1_200);
    store.log({ ...fromThread, record: 'thread-f:3' }, 'call');
    expect(store.toasts.value.at(-1)?.text).toBe(
      'You logged a call for Ada Lovelace just now. Log another?',
    );
    // Past the 2-minute window: logs at once.
    advance(120_000);
    store.log(noContact, 'call');
    expect(sent).toHaveLength(4);
  });

  it('clicks heard before the sidebar was loaded count at their own time, not when handed over', () => {
    const { store, sent, advance } = setup(signedIn);
    const onThread = { ...fromThread, contact: undefined, record: 'thread-f:1' };
    const clickedAt = Date.parse('2026-11-23T09:00:00Z');
    // The content script heard a double click, then the sidebar's code arrived 3 s later.
    advance(3_000);
    store.log(onThread, 'call', undefined, clickedAt);
    store.log(onThread, 'call', undefined, clickedAt + 200);
    expect(sent).toHaveLength(1);
    // Two clicks 1.5 s apart, handed over together: the second asks first, as it would have.
    store.log({ ...onThread, record: 'thread-f:2' }, 'call', undefined, clickedAt + 10_000);
    store.log({ ...onThread, record: 'thread-f:2' }, 'call', undefined, clickedAt + 11_500);
    expect(sent).toHaveLength(2);
    expect(store.toasts.value.at(-1)?.confirm).toBeDefined();
  });

  it("logging's code arrives on first use: a double click before it is here logs once, when it is", async () => {
    let arrive: (create: typeof createLocalLogging) => void = () => undefined;
    let loads = 0;
    const { store, sent } = setup(signedIn, {
      load: () => {
        loads += 1;
        return new Promise((resolve) => {
          arrive = resolve;
        });
      },
    });
    // A page left alone loads nothing, and shows the published numbers.
    expect(loads).toBe(0);
    expect(store.shown.value.counters[0]?.today).toBe(0);
    const onThread = { ...fromThread, record: 'thread-f:1' };
    store.log(onThread, 'call');
    store.log(onThread, 'call');
    expect(loads).toBe(1);
    expect(sent).toEqual([]);
    arrive(createLocalLogging);
    await expect.poll(() => sent.length).toBe(1);
    expect(store.shown.value.counters[0]?.today).toBe(1);
    expect(store.toasts.value.map((x) => x.text)).toEqual(['Logged call for Ada Lovelace']);
    // Here now: the next log is made in the frame of its click.
    store.log(fromThread, 'call');
    expect(store.toasts.value.at(-1)?.confirm).toBeDefined();
    expect(loads).toBe(1);
  });

  it("logging's code that cannot load says so, and a later log tries again", async () => {
    let loads = 0;
    const { store } = setup(signedIn, {
      load: async () => {
        loads += 1;
        if (loads === 1) throw new Error('the logging did not load');
        return createLocalLogging;
      },
    });
    store.log(fromThread, 'call');
    await expect
      .poll(() => store.toasts.value.map((x) => x.text))
      .toEqual(['Something went wrong: the logging did not load']);
    store.log(fromThread, 'call');
    await expect.poll(() => store.shown.value.counters[0]?.today).toBe(1);
    expect(loads).toBe(2);
  });

  it("the panel's own +1 buttons count every click (no record: deliberate counting)", () => {
    const { store, sent, advance } = setup(signedIn);
    const plusOne = { metric: 'calls', quantity: 1, source: { app: 'gmail' } };
    for (let i = 0; i < 3; i++) {
      store.log(plusOne, 'call');
      advance(100);
    }
    expect(sent).toHaveLength(3);
  });

  it("the pill's click opens the panel, and keeps open one remembered as open", () => {
    const { store } = setup(signedIn);
    store.setPrefs({ collapsed: true });
    store.expand();
    expect(store.prefs.value.collapsed).toBe(false);
    // Remembered open, the pill shows while the panel's code loads: a click must not close it.
    store.expand();
    expect(store.prefs.value.collapsed).toBe(false);
    store.toggle(true);
    expect(store.prefs.value.collapsed).toBe(true);
  });

  it('does not log while signed out; says why', () => {
    const { store, sent } = setup(SIGNED_OUT_VIEW);
    store.log(fromThread, 'call');
    expect(sent).toEqual([]);
    expect(store.toasts.value.at(-1)?.text).toBe('Sign in from the Pacer toolbar button');
  });

  it('undo sends the id once and shows the log voided at once', () => {
    const { store, sent } = setup(signedIn);
    store.log(fromThread, 'call');
    const id = (sent[0] as Extract<PageMessage, { type: 'log' }>).event.id;
    store.undo(id);
    store.undo(id);
    expect(sent.filter((m) => m.type === 'undo')).toEqual([{ type: 'undo', id }]);
    expect(store.shown.value.counters[0]?.today).toBe(0);
  });

  it("toasts teammates' news that arrives after the page opened, unless muted", () => {
    const old = { id: 4, kind: 'tier_reached' as const, name: 'Li Lei', tier: 'base' };
    const { store } = setup({ ...signedIn, currency: 'CNY', news: [old] });
    expect(store.toasts.value).toEqual([]); // old news is not replayed
    const deal = {
      id: 5,
      kind: 'big_deal' as const,
      name: 'Wang Fang',
      metric: 'revenue',
      amount: 800_000,
    };
    store.publish({ ...signedIn, currency: 'CNY', news: [old, deal] });
    expect(store.toasts.value.map((x) => x.text)).toEqual(['🎉 Wang Fang: big deal, CN¥8,000']);
    store.publish({ ...signedIn, currency: 'CNY', news: [old, deal] });
    expect(store.toasts.value).toHaveLength(1); // each only once
    const won = {
      id: 7,
      kind: 'contest_won' as const,
      name: 'Li Lei',
      contest: 'Visit sprint',
      teamName: 'North',
    };
    store.publish({ ...signedIn, currency: 'CNY', news: [old, deal, won] });
    expect(store.toasts.value.map((x) => x.text)).toContain('🏆 Li Lei won Visit sprint · North');

    store.setPrefs({ teamNews: false });
    const streak = { id: 6, kind: 'streak_record' as const, name: 'Wang Fang', days: 7 };
    store.publish({ ...signedIn, news: [deal, won, streak] });
    expect(store.toasts.value).toHaveLength(2);
  });
});
