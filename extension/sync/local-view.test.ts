import { describe, expect, it } from 'vitest';
import { celebrationsFor } from '../background/celebrations.ts';
import type { SidebarView } from '../platform/view.ts';
import { SyncEngine } from './engine.ts';
import { FakeServer, fakeMe, makeEvent } from './fake-server.test-helper.ts';
import { buildView } from './local-view.ts';
import { memoryDocument } from './memory-document.test-helper.ts';

const ctx = {
  signedIn: true,
  serverUrl: 'http://127.0.0.1:8787',
  now: Date.parse('2026-11-23T10:00:00Z'),
  fallbackTimeZone: 'UTC',
};

function setup() {
  const server = new FakeServer();
  const engine = new SyncEngine({
    document: memoryDocument(),
    api: async () => server.api(),
    random: () => 0,
  });
  const calls = async () =>
    buildView(await engine.state(), ctx).counters.find((c) => c.metric === 'calls');
  return { server, engine, calls };
}

describe('local view (snapshot + local logs)', () => {
  it('shows logs at once, offline, and the same numbers after sync (never twice)', async () => {
    const { server, engine, calls } = setup();
    await engine.log(makeEvent('calls'));
    await engine.log(makeEvent('calls'));
    expect((await calls())?.today).toBe(2); // before any sync
    await engine.flush();
    expect((await calls())?.period).toBe(2); // now from the snapshot

    server.down = true;
    await engine.log(makeEvent('calls'));
    expect((await calls())?.period).toBe(3); // snapshot 2 + one waiting
    server.down = false;
    await engine.flush({ force: true });
    expect((await calls())?.period).toBe(3); // snapshot 3 + nothing
    expect(server.counted('calls')).toBe(3);
  });

  it('an undo shows at once and stays right after the void syncs', async () => {
    const { engine, calls } = setup();
    const event = makeEvent('calls');
    await engine.log(event);
    await engine.flush();
    await engine.undo(event.id);
    expect((await calls())?.period).toBe(0); // snapshot still counts it; local undo subtracts
    await engine.flush();
    expect((await calls())?.period).toBe(0);
  });

  it('earns points with the shared metric weights and computes the tier from the ladder', async () => {
    const { engine } = setup();
    await engine.log(makeEvent('visits', 2));
    await engine.log(makeEvent('revenue', 85));
    await engine.flush();
    const view = buildView(await engine.state(), ctx);
    // FakeServer reports points 0; both logs are in its snapshot, so no local points remain.
    expect(view.points.today).toBe(0);
    expect(view.primary).toMatchObject({ metric: 'revenue', achieved: 85, target: 100 });
    expect(view.tier?.current?.id).toBe('base');
    expect(view.tier?.next?.id).toBe('sprint');
    expect(view.tier?.toNext).toBe(15);

    await engine.log(makeEvent('visits', 1)); // not synced yet: visit = 5 points
    expect(buildView(await engine.state(), ctx).points.today).toBe(5);
  });

  it("logs without evidence earn the team's manual share of points (shared rule)", async () => {
    const { engine } = setup();
    await engine.flush(); // profile + snapshot
    await engine.log(makeEvent('visits', 1)); // no source URL: manual
    await engine.log({
      ...makeEvent('visits', 1),
      source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
    });
    const state = await engine.state();
    const me = state.me;
    if (!me) throw new Error('profile not fetched');
    const halfForManual = {
      ...state,
      me: {
        ...me,
        org: { ...me.org, settings: { ...me.org.settings, manualLogPointsPercent: 50 } },
      },
    };
    // evidence: 5 points; manual: floor(5 × 50 %) = 2
    expect(buildView(halfForManual, ctx).points.today).toBe(7);
    expect(buildView(state, ctx).points.today).toBe(10);
  });

  it('shows logs made on another device, and can undo them', async () => {
    const { server, engine, calls } = setup();
    const elsewhere = makeEvent('calls', 1);
    await server.api().postEvents([elsewhere]); // the rep's phone
    await engine.flush();
    let view = buildView(await engine.state(), ctx);
    expect(view.recent.map((r) => r.id)).toEqual([elsewhere.id]);
    expect((await calls())?.period).toBe(1);

    await engine.undo(elsewhere.id);
    expect((await calls())?.period).toBe(0); // at once, before the void is sent
    await engine.flush();
    expect(server.voided.has(elsewhere.id)).toBe(true);
    view = buildView(await engine.state(), ctx);
    expect((await calls())?.period).toBe(0);
    expect(view.recent.find((r) => r.id === elsewhere.id)?.voided).toBe(true);
  });

  it('lists the won deals a collection can name, newest first, and the deal a collection pays', async () => {
    const { server, engine } = setup();
    const at = (minute: number) => `2026-11-23T09:${String(minute).padStart(2, '0')}:00Z`;
    const phoneDeal = { ...makeEvent('revenue', 120_000), occurredAt: at(1) };
    await server.api().postEvents([phoneDeal]); // logged on the rep's phone
    const won = {
      ...makeEvent('deals', 1),
      amount: 5_000_000,
      contact: { name: 'Acme' },
      occurredAt: at(2),
    };
    const undone = { ...makeEvent('deals', 1), amount: 900, occurredAt: at(3) };
    const call = { ...makeEvent('calls', 1), occurredAt: at(4) };
    const noValue = { ...makeEvent('deals', 1), occurredAt: at(5) };
    for (const e of [won, undone, call, noValue]) await engine.log(e);
    await engine.undo(undone.id);
    const collection = { ...makeEvent('collections', 2_000_000), deal: won.id, occurredAt: at(6) };
    await engine.log(collection);
    await engine.flush();
    const view = buildView(await engine.state(), ctx);
    expect(view.wonDeals).toEqual([
      { id: noValue.id, value: null, contactName: null, occurredAt: at(5) },
      { id: won.id, value: 5_000_000, contactName: 'Acme', occurredAt: at(2) },
      { id: phoneDeal.id, value: 120_000, contactName: null, occurredAt: at(1) },
    ]);
    expect(view.recent.find((r) => r.id === collection.id)).toMatchObject({
      metric: 'collections',
      quantity: 2_000_000,
      deal: won.id,
    });
  });

  it('shows running contests with place, gap and end, and provisional ones until they settle; keeps them on a 304 and drops settled rounds', async () => {
    const { server, engine } = setup();
    const contest = (id: string, endsAt: string, settlesAt = endsAt) => ({
      contest: {
        id,
        teamId: 't1',
        name: `Contest ${id}`,
        metric: 'visits',
        mode: 'members' as const,
        recurrence: 'once' as const,
        start: '2026-11-20',
        end: '2026-11-27',
        prize: 'Lunch',
        graceWorkdays: 1,
        status: 'active' as const,
        createdAt: '2026-11-20T08:00:00.000Z',
      },
      round: {
        start: '2026-11-20',
        end: '2026-11-27',
        endsAt,
        decided: false,
        settlesAt,
        provisional: true,
      },
      you: { rank: 3, of: 8, ahead: { id: 'm2', name: 'Li Lei', value: 7, by: 2 } },
      takingPart: 'member' as const,
    });
    server.contests = {
      contests: [
        contest('a', '2026-11-27T17:00:00.000Z'),
        contest('old', '2026-11-21T16:00:00.000Z', '2026-11-22T16:00:00.000Z'),
        contest('grace', '2026-11-22T16:00:00.000Z', '2026-11-23T16:00:00.000Z'),
      ],
    };
    await engine.flush();
    let view = buildView(await engine.state(), ctx);
    expect(view.contests).toEqual([
      {
        id: 'a',
        name: 'Contest a',
        metric: 'visits',
        label: null,
        kind: 'count',
        rank: 3,
        of: 8,
        ahead: { name: 'Li Lei', by: 2 },
        endsAt: '2026-11-27T17:00:00.000Z',
        prize: 'Lunch',
      },
      expect.objectContaining({
        id: 'grace',
        endsAt: '2026-11-22T16:00:00.000Z',
        provisional: true,
        settlesAt: '2026-11-23T16:00:00.000Z',
      }),
    ]);
    // Unchanged on the server: asked with the ETag, answered 304, the view keeps the contests.
    await engine.flush({ force: true });
    expect(server.requests.filter((r) => r === 'contests').length).toBe(2);
    view = buildView(await engine.state(), ctx);
    expect(view.contests?.map((c) => c.id)).toEqual(['a', 'grace']);
    // A change on the server (a new ETag) replaces them.
    server.contestsVersion = 'contests-1';
    server.contests = { contests: [] };
    await engine.flush({ force: true });
    expect(buildView(await engine.state(), ctx).contests).toEqual([]);
  });

  it("keeps teammates' announcements after the first poll (the first only sets the baseline), not the member's own", async () => {
    const { server, engine } = setup();
    const moment = (id: number, memberId: string, name: string) => ({
      id,
      kind: 'big_deal' as const,
      member: { id: memberId, name },
      metric: 'revenue',
      amount: 900_000,
      at: '2026-11-23T09:00:00.000Z',
    });
    server.news.push(moment(1, 'm2', 'Wang Fang'));
    await engine.flush();
    expect(buildView(await engine.state(), ctx).news).toEqual([]);
    server.news.push(moment(2, 'm2', 'Wang Fang'), moment(3, 'm1', 'Me'));
    await engine.flush({ force: true });
    expect(buildView(await engine.state(), ctx).news).toEqual([
      { id: 2, kind: 'big_deal', name: 'Wang Fang', metric: 'revenue', amount: 900_000 },
    ]);
    expect(server.requests.filter((r) => r.startsWith('news:'))).toEqual(['news:0', 'news:1']);
    await engine.flush({ force: true });
    expect(server.requests.filter((r) => r.startsWith('news:')).at(-1)).toBe('news:3');
  });

  it("carries the team's calendar for the daily rhythm, its dated days cut to the weeks around today", async () => {
    const { engine } = setup();
    await engine.flush();
    const state = await engine.state();
    const me = state.me ?? fakeMe();
    const calendar = {
      ...me.org.settings.calendar,
      // Today is 2026-11-23 (ctx.now): a year-old holiday and one next year are left out.
      holidays: ['2025-10-01', '2026-11-20', '2026-12-31', '2027-10-01'],
      extraWorkdays: ['2026-11-28', '2027-09-26'],
    };
    const view = buildView(
      { ...state, me: { ...me, org: { ...me.org, settings: { ...me.org.settings, calendar } } } },
      ctx,
    );
    expect(view.calendar).toEqual({
      weekStart: 1,
      workweeks: [[1, 2, 3, 4, 5]],
      cycleAnchor: '2024-01-01',
      fiscalYearStartMonth: 1,
      holidays: ['2026-11-20', '2026-12-31'],
      extraWorkdays: ['2026-11-28'],
      workingHours: { start: '09:00', end: '18:00' },
    });
  });

  it('decides which daily rhythm card is due, in the member’s time zone, at the rhythm’s clock', async () => {
    const { engine } = setup();
    await engine.flush();
    const state = await engine.state();
    // ctx.now is Monday 2026-11-23 18:00 in Shanghai (the member's zone): the day's review.
    expect(buildView(state, ctx).rhythm).toEqual({
      date: '2026-11-23',
      workday: true,
      plan: false,
      reviews: [{ period: 'day', start: '2026-11-23' }],
    });
    // Friday 09:00 there: the morning plan.
    const friday = buildView(state, { ...ctx, rhythmNow: Date.parse('2026-11-27T01:00:00Z') });
    expect(friday.rhythm).toEqual({ date: '2026-11-27', workday: true, plan: true, reviews: [] });
    // No clock (a test build whose pages pinned none): nothing is decided.
    expect(buildView(state, { ...ctx, rhythmNow: null }).rhythm).toBeNull();
  });

  it('signed out shows the signed-out view', async () => {
    const { engine } = setup();
    expect(buildView(await engine.state(), { ...ctx, signedIn: false }).signedIn).toBe(false);
  });
});

describe('celebrations', () => {
  const base = (percent: number, tier: string | null): SidebarView =>
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
      tier: {
        current: tier
          ? { id: tier, threshold: tier === 'base' ? 80 : 100, name: { en: tier, zh: tier } }
          : null,
        next: null,
        toNext: null,
        ladder: [
          { id: 'base', threshold: 80, name: { en: 'Base', zh: '基础' } },
          { id: 'sprint', threshold: 100, name: { en: 'Sprint', zh: '进阶' } },
        ],
      },
    }) as SidebarView;

  it('the first view of a period only records what was already reached', () => {
    const first = celebrationsFor(base(60, null), null, []);
    expect(first.celebrations).toEqual([]);
    expect(first.record?.fired).toEqual([25, 50]);
  });

  it('crossing a milestone and a tier celebrates once each', () => {
    const { record } = celebrationsFor(base(60, null), null, []);
    const next = celebrationsFor(base(82, 'base'), record, []);
    expect(next.celebrations).toEqual([
      { kind: 'milestone', threshold: 75 },
      { kind: 'tier', threshold: 80, tierName: { en: 'base', zh: 'base' } },
    ]);
    expect(celebrationsFor(base(82, 'base'), next.record, []).celebrations).toEqual([]);
  });

  it('milestones the server already fired (another device) are not repeated', () => {
    const { record } = celebrationsFor(base(60, null), null, []);
    expect(celebrationsFor(base(76, null), record, [75]).celebrations).toEqual([]);
  });
});
