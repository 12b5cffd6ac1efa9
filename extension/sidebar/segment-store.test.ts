import { describe, expect, it } from 'vitest';
import type { ProgressResponse } from '../../shared/api/progress.ts';
import { customerIdentity } from '../../shared/domain/customers.ts';
import { overlay } from '../../shared/domain/overlay.ts';
import { dictionaries } from '../i18n/index.ts';
import { DEFAULT_PREFS } from '../platform/prefs.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { withFigures } from '../platform/view-figures.ts';
import { createLocalLogging } from './local-logging.ts';
import { createSidebarStore } from './store.ts';

// The segment line under the primary bar moves in the frame of a won deal's click, by the
// overlay's rule (shared/domain/overlay.ts), with what the customer card knows of the customer.

const now = Date.parse('2026-11-23T09:00:00Z');
const metric = (id: string, achieved: number, target: number) => ({
  metric: id,
  achieved,
  target,
  percent: null,
  expectedByNow: 0,
  gap: 0,
  forecast: 0,
  neededPerWorkday: 0,
});
const period: ProgressResponse = {
  period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' },
  memberId: 'm1',
  primaryMetric: 'revenue',
  metrics: [
    {
      ...metric('revenue', 300, 1000),
      breakdown: [
        { segment: 'new', achieved: 100, target: 600, percent: 17 },
        { segment: 'existing', achieved: 200, target: 400, percent: 50 },
        { segment: 'unknown', achieved: 0, target: null, percent: null },
      ],
    },
    metric('deals', 3, 0),
  ],
  tier: { current: null, next: null, toNext: null },
  streak: { current: 0, longest: 0, atRisk: false, freezes: 0 },
  points: { today: 0, period: 0, dailyGoal: 20 },
  milestones: [],
  funnel: null,
  version: 'v',
};
const counter = (id: string, kind: 'count' | 'amount') => ({
  metric: id,
  label: null,
  kind,
  today: 0,
  period: 0,
  pointsPerUnit: 0,
});
const basis = { day: null, period, settings: {}, timeZone: 'UTC', logs: [] };
/** The view as the background publishes it (sync/local-view.ts). */
const view: SidebarView = withFigures(
  {
    ...SIGNED_OUT_VIEW,
    signedIn: true,
    counters: [counter('revenue', 'amount'), counter('deals', 'count')],
    basis,
  },
  basis,
  overlay({ ...basis, now }),
);

function setup() {
  const store = createSidebarStore(view, DEFAULT_PREFS, {
    send: async () => ({ ok: true }),
    savePrefs: () => {},
    browserLanguage: 'en-US',
    logging: { create: createLocalLogging },
    text: dictionaries(),
    now: () => now,
    uuid: () => '00000000-0000-4000-8000-000000000001',
  });
  const segments = () =>
    Object.fromEntries(
      (store.shown.value.primary?.segments ?? []).map((s) => [s.segment, s.achieved]),
    );
  const winWith = (email: string) =>
    store.log(
      {
        metric: 'deals',
        quantity: 1,
        amount: 50,
        contact: { email },
        source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      },
      'deal',
    );
  return { store, segments, winWith };
}

describe('the segment line on a won deal logged here', () => {
  it('counts a deal with the customer on screen in its segment, in the same frame', () => {
    const { store, segments, winWith } = setup();
    // The lookup: the rep has this customer, first won before the period: existing.
    store.customerOnScreen.value = {
      keys: ['domain:acme.cn'],
      exists: true,
      firstDeal: '2026-09-14',
      identify: customerIdentity,
    };
    expect(segments()).toEqual({ new: 100, existing: 200, unknown: 0 });
    winWith('li@acme.cn');
    expect(segments()).toEqual({ new: 100, existing: 250, unknown: 0 });
  });

  it('counts a customer the rep does not have yet as new', () => {
    const { store, segments, winWith } = setup();
    store.customerOnScreen.value = {
      keys: ['domain:acme.cn'],
      exists: false,
      firstDeal: null,
      identify: customerIdentity,
    };
    winWith('li@acme.cn');
    expect(segments()).toEqual({ new: 150, existing: 200, unknown: 0 });
  });

  it('counts a deal whose customer is not the one looked up as one with no customer', () => {
    const { store, segments, winWith } = setup();
    store.customerOnScreen.value = {
      keys: ['domain:acme.cn'],
      exists: false,
      firstDeal: null,
      identify: customerIdentity,
    };
    winWith('wang@other.cn');
    expect(segments()).toEqual({ new: 100, existing: 200, unknown: 50 });
  });

  it('keeps the segment once the background publishes the log, until the server counts it', () => {
    const { store, segments, winWith } = setup();
    store.customerOnScreen.value = {
      keys: ['domain:acme.cn'],
      exists: false,
      firstDeal: null,
      identify: customerIdentity,
    };
    winWith('li@acme.cn');
    const event = store.loggedHere.value[0];
    if (!event) throw new Error('not logged');
    // The background's view: the log in its recent list and unsynced logs, its customer unknown.
    const published: SidebarView = {
      ...view,
      recent: [
        {
          id: event.id,
          metric: 'deals',
          quantity: 1,
          amount: 50,
          occurredAt: event.occurredAt,
          contactName: null,
          contactEmail: 'li@acme.cn',
          title: null,
          status: 'pending',
          voided: false,
        },
      ],
      basis: {
        ...basis,
        logs: [
          {
            id: event.id,
            metric: 'deals',
            quantity: 1,
            amount: 50,
            occurredAt: event.occurredAt,
            evidence: true,
            countsHere: true,
            countedByServer: false,
          },
        ],
      },
      revision: 1,
    };
    store.publish(published);
    expect(segments()).toEqual({ new: 150, existing: 200, unknown: 0 });
  });
});
