import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/index.ts';
import { DEFAULT_PREFS, type Prefs } from '../platform/prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { viewRhythm } from '../sync/local-view.ts';
import { createLocalLogging } from './local-logging.ts';
import { cardToOpen } from './rhythm-due.ts';
import { createSidebarStore } from './store.ts';

// Mon–Fri in Shanghai; Tuesday 2026-12-08 a holiday.
const view: SidebarView = {
  ...SIGNED_OUT_VIEW,
  signedIn: true,
  calendar: {
    weekStart: 1,
    workweeks: [[1, 2, 3, 4, 5]],
    cycleAnchor: '2024-01-01',
    fiscalYearStartMonth: 1,
    holidays: ['2026-12-08'],
    extraWorkdays: [],
  },
  basis: { day: null, period: null, settings: {}, timeZone: 'Asia/Shanghai', logs: [] },
};

/** The view the background publishes at `iso` (its rhythm decided by sync/local-view.ts). */
const viewAt = (iso: string): SidebarView => ({
  ...view,
  rhythm: viewRhythm(view, Date.parse(iso)),
});

/** A page of the sidebar opened at `iso`, with the preferences the earlier pages saved. */
function page(iso: string, prefs: Prefs) {
  const saved: { prefs: Prefs } = { prefs };
  const store = createSidebarStore(viewAt(iso), prefs, {
    send: async () => ({ ok: true }),
    savePrefs: (next) => {
      saved.prefs = next;
    },
    browserLanguage: 'en-US',
    logging: { create: createLocalLogging },
    text: dictionaries(),
  });
  const stop = store.rhythm.start();
  stop();
  return { store, saved };
}

describe('daily rhythm in the sidebar', () => {
  it('opens the plan on the first page of a workday, once; dismissed, it stays away that day', () => {
    // Monday 2026-12-07, 09:00 in Shanghai.
    const first = page('2026-12-07T01:00:00Z', DEFAULT_PREFS);
    expect(first.store.rhythm.plan.value).toBe(true);
    expect(first.saved.prefs.collapsed).toBe(false);
    expect(first.saved.prefs.rhythm).toEqual({ planOpened: '2026-12-07' });

    first.store.rhythm.dismiss('plan');
    expect(first.store.rhythm.plan.value).toBe(false);
    // It opened the sidebar, so dismissing closes it again.
    expect(first.saved.prefs.collapsed).toBe(true);
    expect(first.saved.prefs.rhythm.planDismissed).toBe('2026-12-07');

    const later = page('2026-12-07T03:00:00Z', first.saved.prefs);
    expect(later.store.rhythm.plan.value).toBe(false);
    expect(later.saved.prefs.collapsed).toBe(true);
    // Still reachable from the sidebar's entry.
    later.store.rhythm.show('plan');
    expect(later.store.rhythm.plan.value).toBe(true);
  });

  it("the content script's question, whether a card will open, agrees with what the sidebar does", () => {
    const monday = page('2026-12-07T01:00:00Z', DEFAULT_PREFS).saved.prefs;
    const dismissed = page('2026-12-07T01:00:00Z', DEFAULT_PREFS);
    dismissed.store.rhythm.dismiss('plan');
    const cases: [string, Prefs][] = [
      ['2026-12-07T01:00:00Z', DEFAULT_PREFS], // the plan, due and not yet opened
      ['2026-12-07T03:00:00Z', monday], // opened today already
      ['2026-12-07T03:00:00Z', dismissed.saved.prefs], // dismissed today
      ['2026-12-07T09:30:00Z', monday], // the review, from 17:00
      ['2026-12-08T01:00:00Z', DEFAULT_PREFS], // a holiday
      ['2026-12-12T02:00:00Z', DEFAULT_PREFS], // a Saturday
    ];
    const opens = cases.map(([iso, prefs]) => cardToOpen(viewAt(iso).rhythm, prefs.rhythm));
    expect(opens).toEqual(['plan', null, null, 'review', null, null]);
    for (const [i, [iso, prefs]] of cases.entries()) {
      const collapsed = { ...prefs, collapsed: true };
      expect(page(iso, collapsed).saved.prefs.collapsed, iso).toBe(opens[i] === null);
    }
  });

  it('does not open on a holiday or a weekend, and opens again on the next workday', () => {
    const monday = page('2026-12-07T01:00:00Z', DEFAULT_PREFS);
    monday.store.rhythm.dismiss('plan');
    for (const iso of ['2026-12-08T01:00:00Z', '2026-12-12T02:00:00Z']) {
      const off = page(iso, monday.saved.prefs);
      expect(off.store.rhythm.moment.value?.workday, iso).toBe(false);
      expect(off.store.rhythm.plan.value, iso).toBe(false);
      expect(off.saved.prefs, iso).toEqual(monday.saved.prefs);
    }
    const wednesday = page('2026-12-09T00:30:00Z', monday.saved.prefs);
    expect(wednesday.store.rhythm.plan.value).toBe(true);
    expect(wednesday.saved.prefs.collapsed).toBe(false);
  });

  it('keeps the sidebar open when the member had opened it themselves', () => {
    const open = page('2026-12-07T01:00:00Z', { ...DEFAULT_PREFS, collapsed: false });
    expect(open.store.rhythm.plan.value).toBe(true);
    open.store.rhythm.dismiss('plan');
    expect(open.saved.prefs.collapsed).toBe(false);
    expect(open.store.rhythm.plan.value).toBe(false);
  });

  it('offers the review from 17:00 on a workday (the week’s too on Friday), opening once', () => {
    // Monday 17:30 in Shanghai: the day's review, the plan no longer.
    const evening = page('2026-12-07T09:30:00Z', DEFAULT_PREFS);
    expect(evening.store.rhythm.plan.value).toBe(false);
    expect(evening.store.rhythm.review.value).toBe(true);
    expect(evening.store.rhythm.moment.value?.reviews).toEqual([
      { period: 'day', start: '2026-12-07' },
    ]);
    expect(evening.saved.prefs.rhythm).toEqual({ reviewOpened: '2026-12-07' });
    expect(evening.saved.prefs.collapsed).toBe(false);
    evening.store.rhythm.dismiss('review');
    expect(evening.saved.prefs.collapsed).toBe(true);
    expect(evening.store.rhythm.review.value).toBe(false);
    expect(page('2026-12-07T10:00:00Z', evening.saved.prefs).store.rhythm.review.value).toBe(false);

    const friday = page('2026-12-11T09:30:00Z', evening.saved.prefs);
    expect(friday.store.rhythm.moment.value?.reviews).toEqual([
      { period: 'day', start: '2026-12-11' },
      { period: 'week', start: '2026-12-07' },
    ]);
    // Friday 16:59: not yet.
    expect(page('2026-12-11T08:59:00Z', DEFAULT_PREFS).store.rhythm.review.value).toBe(false);
  });

  it('opens the review when the background publishes it on an open page (the review’s hour)', () => {
    const saved: { prefs: Prefs } = { prefs: DEFAULT_PREFS };
    const store = createSidebarStore(viewAt('2026-12-07T08:59:00Z'), DEFAULT_PREFS, {
      send: async () => ({ ok: true }),
      savePrefs: (next) => {
        saved.prefs = next;
      },
      browserLanguage: 'en-US',
      logging: { create: createLocalLogging },
      text: dictionaries(),
    });
    const stop = store.rhythm.start();
    expect(saved.prefs.rhythm).toEqual({ planOpened: '2026-12-07' });
    store.rhythm.dismiss('plan');
    store.publish(viewAt('2026-12-07T09:00:00Z'));
    expect(store.rhythm.review.value).toBe(true);
    expect(saved.prefs.rhythm.reviewOpened).toBe('2026-12-07');
    expect(saved.prefs.collapsed).toBe(false);
    stop();
  });

  it('offers nothing while signed out, before the calendar is known, or without a clock', () => {
    const signedOut = createSidebarStore(
      { ...SIGNED_OUT_VIEW, rhythm: viewRhythm(view, Date.parse('2026-12-07T01:00:00Z')) },
      DEFAULT_PREFS,
      {
        send: async () => ({ ok: true }),
        savePrefs: () => {},
        browserLanguage: 'en-US',
        logging: { create: createLocalLogging },
        text: dictionaries(),
      },
    );
    expect(signedOut.rhythm.moment.value).toBeNull();
    expect(signedOut.rhythm.plan.value).toBe(false);
    expect(viewRhythm({ ...view, calendar: undefined }, Date.now())).toBeNull();
    expect(viewRhythm(view, null)).toBeNull();
  });
});
