/**
 * The sidebar's numbers never change when the server's answer arrives for the same data: what
 * shared/domain/overlay.ts shows for the server's last answers plus logs it has not seen equals
 * what it shows for the server's answers once it has them (real routes, real D1). With the
 * manual-log share at 50 % and meetings worth 3 points, a manual meeting's points depend on the
 * day's other manual meetings (rounded down per day), which the answer reports.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProgressResponse } from '../../shared/api/progress.ts';
import { overlay, type UnsyncedLog } from '../../shared/domain/overlay.ts';
import { addMember, call, createOrg, event, type MemberFixture } from './helpers.ts';

const NOW = '2026-11-23T12:00:00Z'; // a Monday, 13:00 in Berlin
let rep: MemberFixture;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  const org = await createOrg({ timezone: 'Europe/Berlin' });
  await call('PATCH', '/org', { token: org.managerToken, body: { manualLogPointsPercent: 50 } });
  rep = await addMember(org.managerToken, org.rootTeamId, { timezone: 'Europe/Berlin' });
  const target = await call('PUT', '/targets', {
    token: org.managerToken,
    body: {
      scope: 'member',
      memberId: rep.id,
      metric: 'revenue',
      period: { kind: 'month', start: '2026-11-01' },
      value: 100_000,
    },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(200);
});
afterAll(() => {
  vi.useRealTimers();
});

const evidence = { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/x' };

async function post(events: ReturnType<typeof event>[]) {
  const res = await call('POST', '/events', { token: rep.token, body: { events } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function answers() {
  const get = async (period: string): Promise<ProgressResponse> => {
    const res = await call('GET', `/me/progress?period=${period}`, { token: rep.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  return { day: await get('day'), period: await get('month') };
}

describe('the overlay agrees with the server', () => {
  it('shows, before sync, exactly what the server answers after it', async () => {
    await post([
      event({ metric: 'meetings', occurredAt: '2026-11-23T08:00:00Z' }), // manual
      event({ metric: 'revenue', quantity: 20_000, occurredAt: '2026-11-20T08:00:00Z' }),
      event({ metric: 'calls', quantity: 3, occurredAt: '2026-11-23T08:30:00Z', source: evidence }),
    ]);
    const me = (await call('GET', '/me', { token: rep.token })).body;
    const settings = me.org.settings;
    const before = await answers();
    expect(before.day.points.manualToday).toMatchObject({ meetings: 1 });

    const logs = [
      event({ metric: 'meetings', occurredAt: '2026-11-23T11:00:00Z' }),
      event({ metric: 'visits', occurredAt: '2026-11-23T11:05:00Z', source: evidence }),
      event({ metric: 'emails', quantity: 3, occurredAt: '2026-11-23T11:10:00Z' }),
      event({ metric: 'revenue', quantity: 65_000, occurredAt: '2026-11-23T11:20:00Z' }),
    ];
    const unsynced: UnsyncedLog[] = logs.map((e) => ({
      metric: e.metric as string,
      quantity: e.quantity as number,
      occurredAt: e.occurredAt as string,
      evidence: 'source' in e,
      countsHere: true,
      countedByServer: false,
    }));
    const input = { settings, timeZone: 'Europe/Berlin', now: Date.parse(NOW) };
    const shown = overlay({ ...input, ...before, logs: unsynced });

    await post(logs);
    const after = await answers();
    const answered = overlay({ ...input, ...after, logs: [] });
    expect(shown).toEqual(answered);
    // Meetings: 2 manual = floor(6 × 50 %) = 3; visits 5; emails floor(3 × 50 %) = 1; calls 6.
    expect(answered.points.today).toBe(15);
    expect(answered.tier?.current).toBe('base'); // 85,000 of 100,000
  });
});
