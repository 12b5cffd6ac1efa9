/**
 * The weekly review digest through the worker's real cron handler, and outbox pruning. Two
 * channels with only the review digest on, at 18:00 (the end of the working day, so the plan by
 * now is the whole week's): Shanghai, whose week of 23 November ends on Friday the 27th; and New
 * York, whose calendar takes Thursday 26 and Friday 27 November off, so its week ends on
 * Wednesday the 25th. A tick every 30 minutes from Monday to Saturday stages exactly one review
 * each, at its local time, with the figures worked out below.
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OrgSettings } from '../../shared/api/index.ts';
import { PRUNE_AFTER_DAYS } from '../../worker/chat/outbox.ts';
import { scheduleStatements } from '../../worker/chat/queries.ts';
import { chatChannels, chatOutbox, orgs } from '../../worker/db/schema.ts';
import { createChannel, db, QUIET_OPTIONS, received, tick, waitFor } from './chat-support.ts';
import { addMember, call, createOrg, event, reopenAll } from './helpers.ts';

const REVIEW_ON = { ...QUIET_OPTIONS, review: { enabled: true, time: '18:00' } };
const START = Date.parse('2026-11-23T00:00:00Z');
const END = Date.parse('2026-11-28T12:00:00Z');
const STEP = 30 * 60_000;

let shanghai: { id: string; path: string };
let newYork: { id: string; path: string };
let shTeam = '';
let nyTeam = '';

async function pinSchedule(channelId: string): Promise<void> {
  const d = db();
  const row = await d.select().from(chatChannels).where(eq(chatChannels.id, channelId)).get();
  if (!row) throw new Error('no channel');
  const org = await d.select().from(orgs).where(eq(orgs.id, row.orgId)).get();
  const settings = OrgSettings.parse(JSON.parse(org?.settings ?? '{}'));
  await d.batch(scheduleStatements(d, row, settings, new Date(START)) as [never]);
}

async function weekTarget(token: string, memberId: string, value: number) {
  const res = await call('PUT', '/targets', {
    token,
    body: {
      scope: 'member',
      memberId,
      metric: 'revenue',
      period: { kind: 'week', start: '2026-11-23' },
      value,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const teamName = async (id: string) =>
  (await env.DB.prepare('SELECT name FROM teams WHERE id = ?').bind(id).first<{ name: string }>())
    ?.name ?? '';

beforeAll(async () => {
  // Set-up writes past days: the clock reads the Monday after, whatever day the test runs on.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T08:00:00Z'));

  const sh = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
  const since = '2026-01-01';
  const fang = await addMember(sh.managerToken, sh.rootTeamId, {
    name: 'Wang Fang',
    timezone: 'Asia/Shanghai',
    since,
  });
  await addMember(sh.managerToken, sh.rootTeamId, {
    name: 'Li Lei',
    timezone: 'Asia/Shanghai',
    since,
  });
  await reopenAll(sh.managerToken, sh.rootTeamId);
  await weekTarget(sh.managerToken, fang.id, 1_000_000);
  const at = '2026-11-23T03:00:00.000Z';
  const logged = await call('POST', '/events', {
    token: fang.token,
    body: {
      events: [
        event({ metric: 'leads', quantity: 40, occurredAt: at }),
        event({ metric: 'visits', quantity: 16, occurredAt: at }),
        event({ metric: 'meetings', quantity: 8, occurredAt: at }),
        event({ metric: 'deals', quantity: 1, occurredAt: at }),
        event({ metric: 'revenue', quantity: 500_000, occurredAt: at }),
      ],
    },
  });
  expect(logged.status).toBe(200);
  shanghai = await createChannel(sh.managerToken, {
    teamId: sh.rootTeamId,
    platform: 'dingtalk',
    language: 'zh',
    options: REVIEW_ON,
  });
  shTeam = await teamName(sh.rootTeamId);

  const ny = await createOrg({ timezone: 'America/New_York', currency: 'USD' });
  const cal = await call('PATCH', '/org', {
    token: ny.managerToken,
    body: {
      calendar: { timezone: 'America/New_York', holidays: ['2026-11-26', '2026-11-27'] },
    },
  });
  expect(cal.status).toBe(200);
  const ann = await addMember(ny.managerToken, ny.rootTeamId, {
    name: 'Ann',
    timezone: 'America/New_York',
    since,
  });
  await reopenAll(ny.managerToken, ny.rootTeamId);
  await weekTarget(ny.managerToken, ann.id, 300_000);
  newYork = await createChannel(ny.managerToken, {
    teamId: ny.rootTeamId,
    platform: 'slack',
    options: REVIEW_ON,
  });
  nyTeam = await teamName(ny.rootTeamId);
  vi.useRealTimers();
  for (const c of [shanghai, newYork]) await pinSchedule(c.id);
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the weekly review digest', () => {
  it('is staged once per channel at 18:00 on its week’s last workday, with the week’s figures', async () => {
    const ids = [shanghai.id, newYork.id];
    const firstSeen = new Map<string, string>();
    for (let t = START; t <= END; t += STEP) {
      await tick(new Date(t));
      const rows = await db().query.chatOutbox.findMany({
        columns: { key: true, channelId: true },
      });
      for (const r of rows) {
        if (ids.includes(r.channelId) && !firstSeen.has(r.key)) {
          firstSeen.set(r.key, new Date(t).toISOString());
        }
      }
    }
    expect(Object.fromEntries(firstSeen)).toEqual({
      // Friday 18:00 in Shanghai (UTC+8).
      [`review:${shanghai.id}:2026-11-27`]: '2026-11-27T10:00:00.000Z',
      // Wednesday 18:00 in New York (UTC−5): Thursday and Friday are off.
      [`review:${newYork.id}:2026-11-25`]: '2026-11-25T23:00:00.000Z',
    });

    const message = async (key: string) => {
      const row = await db().select().from(chatOutbox).where(eq(chatOutbox.key, key)).get();
      expect(row?.kind).toBe('review');
      return JSON.parse(row?.message ?? '{}');
    };
    // Shanghai, team defaults (no history): a lead is worth ¥5,000 × 0.4 × 0.5 × 0.25 = ¥250, so
    // the ¥10,000 week needed 40 leads. Wang Fang: 40 leads, 16 visits (0.4), 8 meetings (0.5),
    // 1 deal (0.125 against 0.25: ln 0.5), ¥5,000 (one ¥5,000 deal): revenue ÷ plan = 0.5, all
    // of it meeting → deal. Li Lei has no target. Two reps: no team median (three needed).
    expect(await message(`review:${shanghai.id}:2026-11-27`)).toEqual({
      title: `📝 ${shTeam} 周复盘（2026-11-23 – 2026-11-29）`,
      lines: [
        '团队业绩：¥5,000 / 计划 ¥10,000（50%）',
        '瓶颈：会议→成交 1 人 · 无计划 1 人',
        '团队中位数：线索→拜访 – · 拜访→会议 – · 会议→成交 –',
        '· Li Lei: ¥0',
        '· Wang Fang: ¥5,000 · 50% · 会议→成交',
      ],
    });
    // New York: Ann's $3,000 week spread over Mon–Wed, all of it planned by Wednesday 18:00;
    // nothing logged, so the funnel stops at its first stage.
    expect(await message(`review:${newYork.id}:2026-11-25`)).toEqual({
      title: `📝 ${nyTeam} week review (2026-11-23 – 2026-11-29)`,
      lines: [
        'Team revenue: $0 of $3,000 planned (0%)',
        'Bottlenecks: New leads 1',
        'Team median: lead → visit – · visit → meeting – · meeting → deal –',
        '· Ann: $0 · 0% · New leads',
      ],
    });

    // The receiver gets each once, in its platform's shape.
    const sh = await waitFor(
      () => received(shanghai.path),
      (r) => r.length >= 1,
      60_000,
    );
    const ny = await waitFor(
      () => received(newYork.path),
      (r) => r.length >= 1,
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await received(shanghai.path)).toHaveLength(1);
    expect(await received(newYork.path)).toHaveLength(1);
    expect(sh[0]?.body.msgtype).toBe('text');
    expect(sh[0]?.body.text.content).toContain('瓶颈：会议→成交 1 人');
    expect(ny[0]?.body.text).toContain('Bottlenecks: New leads 1');
  }, 180_000);
});

describe('outbox pruning', () => {
  it('deletes finished rows older than the limit on a tick, and keeps queued and recent ones', async () => {
    const now = Date.parse('2027-03-01T12:00:00Z');
    const day = 86_400_000;
    const old = now - (PRUNE_AFTER_DAYS + 1) * day;
    const recent = now - (PRUNE_AFTER_DAYS - 1) * day;
    const row = (
      key: string,
      status: 'queued' | 'sent' | 'dead' | 'dropped',
      queuedAt: number,
    ) => ({
      key,
      channelId: 'prune-test',
      kind: 'test' as const,
      message: JSON.stringify({ title: 't', lines: [] }),
      status,
      // Claimed far ahead: the consumer never picks these test rows up.
      claimedUntil: now + 365 * day,
      createdAt: new Date(queuedAt).toISOString(),
      queuedAt,
    });
    await db()
      .insert(chatOutbox)
      .values([
        row('prune:sent-old', 'sent', old),
        row('prune:dead-old', 'dead', old),
        row('prune:dropped-old', 'dropped', old),
        row('prune:sent-recent', 'sent', recent),
        row('prune:queued-old', 'queued', now - 5 * 60_000),
      ])
      .run();
    await tick(new Date(now));
    const left = await db()
      .select({ key: chatOutbox.key })
      .from(chatOutbox)
      .where(eq(chatOutbox.channelId, 'prune-test'))
      .all();
    expect(left.map((r) => r.key).sort()).toEqual(['prune:queued-old', 'prune:sent-recent']);
  });
});
