import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../shared/api/events.ts';
import { type RecentLog, SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { applyLocalChanges, settledChanges } from './optimistic.ts';

const view: SidebarView = {
  ...SIGNED_OUT_VIEW,
  signedIn: true,
  primary: {
    metric: 'calls',
    kind: 'count',
    achieved: 10,
    target: 40,
    percent: 25,
    expectedByNow: 12,
    gap: -2,
    neededPerWorkday: 3,
  },
  counters: [
    { metric: 'calls', label: null, kind: 'count', today: 2, period: 10, pointsPerUnit: 2 },
    { metric: 'visits', label: null, kind: 'count', today: 0, period: 1, pointsPerUnit: 5 },
  ],
  points: { today: 4, period: 25, dailyGoal: 20 },
};

const event = (id: string, metric = 'calls'): ActivityEvent => ({
  id,
  metric,
  quantity: 1,
  occurredAt: '2026-11-23T09:00:00Z',
  source: { app: 'gmail' },
});

const recent = (over: Partial<RecentLog>): RecentLog => ({
  id: 'r1',
  metric: 'calls',
  quantity: 1,
  occurredAt: '2026-11-23T09:00:00Z',
  contactName: 'Ada',
  contactEmail: 'ada@example.com',
  title: null,
  status: 'synced',
  voided: false,
  ...over,
});

describe('optimistic sidebar numbers', () => {
  it('a log made here moves counters, points and the primary bar at once', () => {
    const next = applyLocalChanges(view, { logs: [event('a')], undone: [] });
    expect(next.counters[0]).toMatchObject({ today: 3, period: 11 });
    expect(next.points).toMatchObject({ today: 6, period: 27 });
    expect(next.primary).toMatchObject({ achieved: 11, percent: 27.5, gap: -1 });
    expect(next.recent[0]).toMatchObject({ id: 'a', status: 'pending' });
  });

  it('is not counted twice once the published view contains it', () => {
    const published = { ...view, recent: [recent({ id: 'a' })] };
    const changes = { logs: [event('a')], undone: [] };
    expect(applyLocalChanges(published, changes)).toEqual(published);
    expect(settledChanges(published, changes).logs).toEqual([]);
  });

  it('a committed log too old for the recent list is settled by the view revision (bursts)', () => {
    // The background committed 'a' at revision 7; the view of revision 9 counts it but its
    // recent list (newest 10) no longer shows it.
    const changes = { logs: [event('a')], undone: [], acked: { a: 7 } };
    const older = { ...view, revision: 6 };
    expect(applyLocalChanges(older, changes).counters[0]).toMatchObject({ today: 3 });
    const newer = { ...view, revision: 9 };
    expect(applyLocalChanges(newer, changes)).toEqual(newer);
    expect(settledChanges(newer, changes)).toEqual({ logs: [], undone: [], acked: {} });
    // Not yet acknowledged: kept, whatever the revision.
    expect(settledChanges(newer, { logs: [event('a')], undone: [] }).logs).toHaveLength(1);
  });

  it('undo here takes the log away until the published view shows it voided', () => {
    const published = { ...view, recent: [recent({ id: 'a', metric: 'visits' })] };
    const next = applyLocalChanges(published, { logs: [], undone: ['a'] });
    expect(next.counters[1]).toMatchObject({ today: -1, period: 0 });
    expect(next.recent[0]?.voided).toBe(true);
    const voided = { ...published, recent: [recent({ id: 'a', metric: 'visits', voided: true })] };
    expect(settledChanges(voided, { logs: [], undone: ['a'] }).undone).toEqual([]);
  });
});
