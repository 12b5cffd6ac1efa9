/**
 * Streaks beyond the 120-day look-back: progress reads remember the longest
 * (`members.longest_streak`) and report the longer of the stored and the computed run; a current
 * run unbroken over the whole look-back is counted in full (progress and leaderboards).
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMember, call, createOrg, event } from './helpers.ts';

const DAY_MS = 86_400_000;
const RUN_DAYS = 100;
/** Days between now and the run's last day: far enough that the run is out of the window. */
const ENDED_DAYS_AGO = 160;

const noonDaysAgo = (now: number, days: number) => {
  const d = new Date(now - days * DAY_MS);
  d.setUTCHours(12, 0, 0, 0);
  return d;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('longest streak beyond the look-back window', () => {
  it('still reports a run that ended long ago, once a progress read has seen it', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC' });
    const now = Date.now();
    // 100 qualifying days in a row (every day, weekends included), ending 160 days ago.
    const events = Array.from({ length: RUN_DAYS }, (_, i) =>
      event({
        quantity: 100,
        occurredAt: noonDaysAgo(now, ENDED_DAYS_AGO + i).toISOString(),
      }),
    );
    const logged = await call('POST', '/events', { token: rep.token, body: { events } });
    expect(logged.body.results.every((r: { status: string }) => r.status === 'created')).toBe(true);

    // The day after the run ended, the window holds all of it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(noonDaysAgo(now, ENDED_DAYS_AGO - 1));
    const then = await call('GET', '/me/progress?period=day', { token: rep.token });
    expect(then.status).toBe(200);
    expect(then.body.streak).toMatchObject({ current: RUN_DAYS, longest: RUN_DAYS });
    const stored = await env.DB.prepare('SELECT longest_streak AS n FROM members WHERE id = ?')
      .bind(rep.id)
      .first<{ n: number }>();
    expect(stored?.n).toBe(RUN_DAYS);

    // Today the run is outside the 120-day look-back: the stored record answers.
    vi.useRealTimers();
    const today = await call('GET', '/me/progress?period=day', { token: rep.token });
    expect(today.body.streak).toMatchObject({ current: 0, longest: RUN_DAYS });

    // A new, shorter run does not lower the record.
    await call('POST', '/events', {
      token: rep.token,
      body: { events: [event({ quantity: 100 })] },
    });
    const after = await call('GET', '/me/progress?period=day', { token: rep.token });
    expect(after.body.streak).toMatchObject({ current: 1, longest: RUN_DAYS });
  });

  it('counts a current run longer than the look-back in full, in progress and on the board', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC' });
    const now = Date.now();
    const LONG_RUN = 200;
    // Every day for 200 days, today included (a minute ago is today in UTC).
    const events = [
      ...Array.from({ length: LONG_RUN - 1 }, (_, i) =>
        event({ quantity: 100, occurredAt: noonDaysAgo(now, i + 1).toISOString() }),
      ),
      event({ quantity: 100, occurredAt: new Date(now - 60_000).toISOString() }),
    ];
    const logged = await call('POST', '/events', { token: rep.token, body: { events } });
    expect(logged.status).toBe(200);

    const progress = await call('GET', '/me/progress?period=month', { token: rep.token });
    expect(progress.body.streak).toMatchObject({ current: LONG_RUN, longest: LONG_RUN });
    const board = await call('GET', `/leaderboard?team=${org.rootTeamId}&by=streak`, {
      token: org.managerToken,
    });
    expect(board.status).toBe(200);
    const entry = board.body.entries.find(
      (e: { member: { id: string } }) => e.member.id === rep.id,
    );
    expect(entry).toMatchObject({ rank: 1, streak: LONG_RUN });
  });
});
