import { describe, expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../shared/api/progress.ts';
import type { CelebrationRecord } from '../platform/storage.ts';
import type { SidebarView } from '../platform/view.ts';
import { celebrationsFor, ownMoments } from './celebrations.ts';

const view = (percent: number, streak = 0): SidebarView =>
  ({
    signedIn: true,
    period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' },
    primary: {
      metric: 'revenue',
      kind: 'amount',
      achieved: percent,
      target: 100,
      percent,
      expectedByNow: 0,
      gap: 0,
      neededPerWorkday: 0,
    },
    tier: { current: null, next: null, toNext: null, ladder: [] },
    streak: { current: streak, longest: streak, atRisk: false, freezes: 0 },
  }) as unknown as SidebarView;

const entry = (id: string, name: string, percent: number | null) => ({
  rank: 1,
  member: { id, name },
  value: percent,
  achieved: percent ?? 0,
  target: 100,
  percent,
  tier: null,
  streak: 0,
  points: 0,
});

const board: LeaderboardResponse = {
  period: { kind: 'month', start: '2026-11-01', end: '2026-11-30' },
  by: 'attainment',
  team: { id: 't', name: 'Team' },
  privacy: 'open',
  entries: [entry('me', 'Li Lei', 10), entry('zhao', 'Zhao Min', 30), entry('li', 'Wang Fang', 80)],
};

/** One publish as the background runs it: tiers and milestones first, then own moments. */
function publish(v: SidebarView, record: CelebrationRecord | null) {
  const tiers = celebrationsFor(v, record, []);
  const own = ownMoments(v, board, 'me', tiers.record);
  // Stored as JSON in chrome.storage.local between publishes (and reloads).
  return { moments: own.moments, record: JSON.parse(JSON.stringify(own.record)) };
}

describe('the member’s own moments in the background', () => {
  it('the first look in a period only records; later looks tell a colleague passed once', () => {
    const first = publish(view(10, 12), null);
    expect(first.moments).toEqual([]);
    const second = publish(view(10, 12), first.record);
    expect(second.moments).toEqual([]);
    const deal = publish(view(50, 12), second.record);
    expect(deal.moments).toEqual([
      { kind: 'passed', name: 'Zhao Min', rank: 2, key: 'passed:zhao' },
    ]);
    // Undone and logged again, or simply looked at again after a reload: not told again.
    const undone = publish(view(10, 12), deal.record);
    expect(publish(view(50, 12), undone.record).moments).toEqual([]);
  });

  it('keeps the told moments beside the milestones fired (one record, both kept)', () => {
    const first = publish(view(10, 4), null);
    const streak = publish(view(10, 5), first.record);
    expect(streak.moments).toEqual([{ kind: 'record', days: 5, key: 'record' }]);
    const crossed = publish(view(26, 5), streak.record);
    expect(crossed.record.fired).toContain(25);
    expect(crossed.record.seen).toEqual(expect.arrayContaining(['record', 'streak:5']));
    expect(publish(view(26, 5), crossed.record).moments).toEqual([]);
  });

  it('tells nothing against a board of another period', () => {
    const first = publish(view(10), null);
    const other = { ...board, period: { ...board.period, start: '2026-10-01' } };
    const tiers = celebrationsFor(view(50), first.record, []);
    expect(ownMoments(view(50), other, 'me', tiers.record).moments).toEqual([]);
  });
});
