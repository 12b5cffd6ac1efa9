/**
 * A won deal is ONE log that counts one deal and its amount as revenue (shared/domain/lines.ts):
 * through the real routes and D1 triggers it moves both rollups, the points, the progress and
 * both boards; one void takes both back; the daily cap holds on either line; an amount on any
 * other metric is refused; the sidebar's overlay shows before sync what the server answers
 * after; a big one is announced by its revenue; exports and the recent list carry the amount.
 */
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAILY_TOTAL_CAP } from '../../shared/api/limits.ts';
import type { ProgressResponse } from '../../shared/api/progress.ts';
import { overlay } from '../../shared/domain/overlay.ts';
import {
  addMember,
  call,
  createOrg,
  event,
  type MemberFixture,
  type OrgFixture,
} from './helpers.ts';

const NOW = '2026-11-23T12:00:00Z'; // a Monday, 13:00 in Berlin
const DAY = '2026-11-23';
let org: OrgFixture;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  org = await createOrg({ timezone: 'Europe/Berlin', currency: 'CNY' });
  const rules = await call('PATCH', '/org', {
    token: org.managerToken,
    body: {
      announcements: { dealAmountAtLeast: 10_000_000, tierReached: false, streakRecord: false },
    },
  });
  expect(rules.status, JSON.stringify(rules.body)).toBe(200);
});
afterAll(() => {
  vi.useRealTimers();
});

async function rep(): Promise<MemberFixture> {
  const member = await addMember(org.managerToken, org.rootTeamId, { timezone: 'Europe/Berlin' });
  const target = await call('PUT', '/targets', {
    token: org.managerToken,
    body: {
      scope: 'member',
      memberId: member.id,
      metric: 'revenue',
      period: { kind: 'month', start: '2026-11-01' },
      value: 36_000_000,
    },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(200);
  return member;
}

async function rollup(memberId: string, metric: string) {
  const row = await env.DB.prepare(
    'SELECT COALESCE(SUM(total), 0) AS total, COALESCE(SUM(events), 0) AS n FROM rollups WHERE member_id = ? AND metric = ?',
  )
    .bind(memberId, metric)
    .first<{ total: number; n: number }>();
  return row ?? { total: 0, n: 0 };
}

const post = (token: string, events: unknown[]) =>
  call('POST', '/events', { token, body: { events } });

async function progress(token: string, period: string): Promise<ProgressResponse> {
  const res = await call('GET', `/me/progress?period=${period}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const achieved = (p: ProgressResponse, metric: string) =>
  p.metrics.find((m) => m.metric === metric)?.achieved;

const wonDeal = (amount: number, extra: Record<string, unknown> = {}) =>
  event({ metric: 'deals', quantity: 1, amount, occurredAt: '2026-11-23T11:00:00Z', ...extra });

describe('a won deal', () => {
  it('counts one deal and its revenue, its points and both boards; one void takes both back', async () => {
    const r = await rep();
    const deal = wonDeal(18_000_000, {
      source: { app: 'crm', url: 'https://crm.example/deal/7' },
    });
    const res = await post(r.token, [deal]);
    expect(res.body.results).toEqual([{ id: deal.id, status: 'created' }]);
    expect(await rollup(r.id, 'deals')).toEqual({ total: 1, n: 1 });
    expect(await rollup(r.id, 'revenue')).toEqual({ total: 18_000_000, n: 1 });

    const month = await progress(r.token, 'month');
    expect(achieved(month, 'deals')).toBe(1);
    expect(achieved(month, 'revenue')).toBe(18_000_000);
    expect(month.metrics.find((m) => m.metric === 'revenue')?.percent).toBe(50);
    const day = await progress(r.token, 'day');
    expect(day.points.today).toBe(10); // a deal's points; revenue earns none

    for (const [by, value] of [
      ['revenue', 18_000_000],
      ['deals', 1],
      ['points', 10],
    ] as const) {
      const board = await call(
        'GET',
        `/leaderboard?team=${org.rootTeamId}&period=month&date=${DAY}&by=${by}`,
        { token: org.managerToken },
      );
      expect(board.status).toBe(200);
      const entry = board.body.entries.find(
        (e: { member: { id: string } }) => e.member.id === r.id,
      );
      expect(entry?.value, by).toBe(value);
    }

    const recent = await call('GET', '/me/events?limit=5', { token: r.token });
    expect(recent.body.events[0]).toMatchObject({
      id: deal.id,
      metric: 'deals',
      amount: 18_000_000,
      evidence: true,
    });

    for (let i = 0; i < 2; i++) {
      const undo = await call('POST', `/events/${deal.id}/void`, { token: r.token });
      expect(undo.status).toBe(200);
    }
    expect(await rollup(r.id, 'deals')).toEqual({ total: 0, n: 0 });
    expect(await rollup(r.id, 'revenue')).toEqual({ total: 0, n: 0 });
    expect((await progress(r.token, 'day')).points.today).toBe(0);
  });

  it('refuses an amount on a metric that carries none, and counts nothing of it', async () => {
    const r = await rep();
    const res = await post(r.token, [event({ metric: 'calls', amount: 500 })]);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_event' },
    });
    expect(res.body.results[0].error.message).toMatch(/amount/);
    expect(await rollup(r.id, 'calls')).toEqual({ total: 0, n: 0 });
  });

  it('keeps the daily cap on its revenue line: a deal that would pass it counts neither line', async () => {
    const r = await rep();
    const cap = DAILY_TOTAL_CAP.amount;
    const first = event({
      metric: 'revenue',
      quantity: cap - 100,
      occurredAt: '2026-11-23T09:00:00Z',
    });
    const tooMuch = wonDeal(101);
    const fits = wonDeal(100);
    const res = await post(r.token, [first, tooMuch, fits]);
    expect(res.body.results.map((x: { status: string }) => x.status)).toEqual([
      'created',
      'rejected',
      'created',
    ]);
    expect(res.body.results[1].error).toMatchObject({ code: 'daily_limit' });
    expect(res.body.results[1].error.message).toMatch(/revenue/);
    expect(await rollup(r.id, 'deals')).toEqual({ total: 1, n: 1 });
    expect(await rollup(r.id, 'revenue')).toEqual({ total: cap, n: 2 });
  });

  it('shows in the sidebar before sync exactly what the server answers after it', async () => {
    const r = await rep();
    await post(r.token, [
      event({ metric: 'calls', quantity: 6, occurredAt: '2026-11-23T08:00:00Z' }),
    ]);
    const me = (await call('GET', '/me', { token: r.token })).body;
    const input = { settings: me.org.settings, timeZone: 'Europe/Berlin', now: Date.parse(NOW) };
    const before = {
      day: await progress(r.token, 'day'),
      period: await progress(r.token, 'month'),
    };
    const deal = wonDeal(18_000_000);
    const shown = overlay({
      ...input,
      ...before,
      logs: [
        {
          metric: 'deals',
          quantity: 1,
          amount: 18_000_000,
          occurredAt: deal.occurredAt,
          evidence: false,
          countsHere: true,
          countedByServer: false,
        },
      ],
    });
    await post(r.token, [deal]);
    const after = { day: await progress(r.token, 'day'), period: await progress(r.token, 'month') };
    expect(shown).toEqual(overlay({ ...input, ...after, logs: [] }));
    expect(shown.points.today).toBe(22); // 6 calls × 2 + one deal × 10
    expect(shown.counters.find((c) => c.metric === 'deals')?.today).toBe(1);
    expect(shown.primary?.achieved).toBe(18_000_000);
  });

  it('is announced as a big deal by its revenue, once', async () => {
    const r = await rep();
    const deal = wonDeal(12_000_000);
    await post(r.token, [deal, wonDeal(50_000)]);
    await post(r.token, [deal]);
    const told = await call('GET', `/announcements?team=${org.rootTeamId}&since=0`, {
      token: org.managerToken,
    });
    const mine = told.body.announcements.filter(
      (a: { member: { id: string }; kind: string }) =>
        a.member.id === r.id && a.kind === 'big_deal',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ metric: 'revenue', amount: 12_000_000 });
  });

  it('is exported as one row with its amount', async () => {
    const r = await rep();
    const deal = wonDeal(18_000_050);
    await post(r.token, [deal]);
    const res = await call(
      'GET',
      `/export/events.csv?team=${org.rootTeamId}&from=${DAY}&to=${DAY}`,
      {
        token: org.managerToken,
      },
    );
    expect(res.status).toBe(200);
    const [header, ...lines] = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const keys = (header ?? '').split(',');
    const row = lines
      .map((line) => Object.fromEntries(line.split(',').map((cell, i) => [keys[i], cell])))
      .filter((x) => x.event_id === deal.id);
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({
      metric: 'deals',
      quantity: '1',
      amount_metric: 'revenue',
      amount: '180000.50',
    });
  });
});
