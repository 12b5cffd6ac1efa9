/**
 * The first workdays of a period judge nobody: a board (the TV shows the same board) gives no
 * pace status while less than a tenth of the target is expected (shared/domain/pace.ts), then
 * judges as usual. A member's own progress (the sidebar's pace chip) follows the same rule.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { overlay } from '../../shared/domain/overlay.ts';
import { addMember, call, createOrg } from './helpers.ts';

afterEach(() => {
  vi.useRealTimers();
});

async function boardAt(instant: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
  const org = await createOrg({ timezone: 'Europe/Berlin' });
  const reps = await Promise.all(
    [0, 1].map(() =>
      addMember(org.managerToken, org.rootTeamId, {
        timezone: 'Europe/Berlin',
        since: '2026-11-01',
      }),
    ),
  );
  // 5 visits per workday: November 2026 has 21 workdays (Mon 2 … Mon 30), so 105 in all.
  const quota = await call('PUT', '/quotas', {
    token: org.managerToken,
    body: {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'visits',
      per: 'workday',
      value: 5,
      from: '2026-11-01',
    },
  });
  expect(quota.status, JSON.stringify(quota.body)).toBe(200);
  const board = await call('GET', `/leaderboard?team=${org.rootTeamId}&period=month&by=visits`, {
    token: org.managerToken,
  });
  expect(board.status, JSON.stringify(board.body)).toBe(200);
  const rep = reps[0] as (typeof reps)[number];
  const me = (await call('GET', '/me', { token: rep.token })).body;
  const month = (await call('GET', '/me/progress?period=month', { token: rep.token })).body;
  const shown = overlay({
    day: null,
    period: month,
    settings: { ...me.org.settings, primaryMetric: 'visits' },
    logs: [],
    timeZone: 'Europe/Berlin',
    now: Date.parse(instant),
  });
  return {
    paces: board.body.entries
      .filter((e: { member: { id: string } }) => reps.some((r) => r.id === e.member.id))
      .map((e: { pace: unknown }) => e.pace),
    sidebar: shown.primary?.pace ?? null,
  };
}

describe('pace status on a period’s first workdays', () => {
  it('is shown for nobody while two workdays of 21 are gone (10 of 105 expected)', async () => {
    const { paces, sidebar } = await boardAt('2026-11-04T07:00:00Z'); // Wednesday 08:00, before work starts
    expect(paces).toEqual([null, null]);
    expect(sidebar).toBeNull();
  });

  it('judges from the third workday on (15 of 105 expected)', async () => {
    const { paces, sidebar } = await boardAt('2026-11-05T10:00:00Z'); // Thursday
    expect(paces).toEqual(['off-track', 'off-track']);
    expect(sidebar).toBe('off-track');
  });
});
