/**
 * Scheduled chat posts through the worker's real cron handler: across time zones (Shanghai, New
 * York, a channel of the New York team set to India's half-hour zone), across the US spring DST
 * change, and with a holiday and a make-up workday (调休), a tick every 30 minutes over four days
 * stages exactly the expected standings and alerts, each at its local time, once; the receiver
 * then gets exactly those. (The pinned clock runs four days in seconds, so the hourly re-queueing
 * of messages not yet delivered sends each many times to the queue: still one post each.)
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrgSettings } from '../../shared/api/index.ts';
import { scheduleStatements } from '../../worker/chat/queries.ts';
import { chatChannels, orgs } from '../../worker/db/schema.ts';
import { createChannel, db, received, tick, waitFor } from './chat-support.ts';
import { addMember, call, createOrg } from './helpers.ts';

const ON = {
  announcements: false,
  standings: { enabled: true, time: '17:30', period: 'day' },
  alerts: { enabled: true, time: '11:00', metric: 'calls', atLeast: 10, streakAtRisk: true },
};

/** Friday 6 March 2026, 00:00 UTC; the US moves its clocks forward on Sunday 8 March. */
const START = Date.parse('2026-03-06T00:00:00Z');
const END = Date.parse('2026-03-10T00:00:00Z');
const STEP = 30 * 60_000;

interface Channel {
  id: string;
  path: string;
}
let shanghai: Channel;
let newYork: Channel;
let india: Channel;

/** Makes the channel's schedule as if it had been saved at START (the clock is pinned, not read). */
async function pinSchedule(channelId: string): Promise<void> {
  const d = db();
  const row = await d.select().from(chatChannels).where(eq(chatChannels.id, channelId)).get();
  if (!row) throw new Error('no channel');
  const org = await d.select().from(orgs).where(eq(orgs.id, row.orgId)).get();
  const settings = OrgSettings.parse(JSON.parse(org?.settings ?? '{}'));
  await d.batch(scheduleStatements(d, row, settings, new Date(START)) as [never]);
}

beforeAll(async () => {
  const sh = await createOrg({ timezone: 'Asia/Shanghai', currency: 'CNY' });
  // Monday 9 March off; Saturday 7 March worked instead (调休).
  const cal = await call('PATCH', '/org', {
    token: sh.managerToken,
    body: {
      calendar: {
        timezone: 'Asia/Shanghai',
        holidays: ['2026-03-09'],
        extraWorkdays: ['2026-03-07'],
      },
    },
  });
  expect(cal.status).toBe(200);
  // The reps have been on their teams since before the March days the digests are about.
  await addMember(sh.managerToken, sh.rootTeamId, {
    name: '王芳',
    timezone: 'Asia/Shanghai',
    since: '2026-01-01',
  });
  shanghai = await createChannel(sh.managerToken, {
    teamId: sh.rootTeamId,
    platform: 'dingtalk',
    language: 'zh',
    options: ON,
  });

  const ny = await createOrg({ timezone: 'America/New_York', currency: 'USD' });
  await addMember(ny.managerToken, ny.rootTeamId, {
    name: 'Ann',
    timezone: 'America/New_York',
    since: '2026-01-01',
  });
  newYork = await createChannel(ny.managerToken, {
    teamId: ny.rootTeamId,
    platform: 'slack',
    options: ON,
  });
  india = await createChannel(ny.managerToken, {
    teamId: ny.rootTeamId,
    platform: 'teams',
    timezone: 'Asia/Kolkata',
    options: { ...ON, standings: { ...ON.standings, enabled: false } },
  });
  for (const c of [shanghai, newYork, india]) await pinSchedule(c.id);
});

/** Every staged scheduled message of these channels: key → the tick that staged it. */
async function runTicks(): Promise<Map<string, string>> {
  const ids = [shanghai.id, newYork.id, india.id];
  const firstSeen = new Map<string, string>();
  for (let t = START; t <= END; t += STEP) {
    await tick(new Date(t));
    const rows = await db().query.chatOutbox.findMany({ columns: { key: true, channelId: true } });
    for (const r of rows) {
      if (ids.includes(r.channelId) && !firstSeen.has(r.key))
        firstSeen.set(r.key, new Date(t).toISOString());
    }
  }
  return firstSeen;
}

describe('scheduled posts', () => {
  it('stage each channel’s standings and alerts at its local time on its workdays, once', async () => {
    const seen = await runTicks();
    const expected = new Map<string, string>([
      // Shanghai, UTC+8 all year: Fri, the make-up Saturday; not the Monday holiday, not Sunday.
      [`alerts:${shanghai.id}:2026-03-06`, '2026-03-06T03:00:00.000Z'],
      [`standings:${shanghai.id}:2026-03-06`, '2026-03-06T09:30:00.000Z'],
      [`alerts:${shanghai.id}:2026-03-07`, '2026-03-07T03:00:00.000Z'],
      [`standings:${shanghai.id}:2026-03-07`, '2026-03-07T09:30:00.000Z'],
      // New York: 11:00 and 17:30 EST (UTC−5) on Friday, EDT (UTC−4) on Monday.
      [`alerts:${newYork.id}:2026-03-06`, '2026-03-06T16:00:00.000Z'],
      [`standings:${newYork.id}:2026-03-06`, '2026-03-06T22:30:00.000Z'],
      [`alerts:${newYork.id}:2026-03-09`, '2026-03-09T15:00:00.000Z'],
      [`standings:${newYork.id}:2026-03-09`, '2026-03-09T21:30:00.000Z'],
      // The same team's channel in India's zone (UTC+5:30), alerts only, on the team's workdays.
      [`alerts:${india.id}:2026-03-06`, '2026-03-06T05:30:00.000Z'],
      [`alerts:${india.id}:2026-03-09`, '2026-03-09T05:30:00.000Z'],
    ]);
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(expected));

    // Ticking the same minutes again adds nothing.
    await tick(new Date('2026-03-09T15:00:00Z'));
    await tick(new Date('2026-03-09T21:30:00Z'));
    const again = await db().query.chatOutbox.findMany({ columns: { key: true } });
    expect(again.filter((r) => expected.has(r.key))).toHaveLength(expected.size);
  }, 120_000);

  it('the receiver gets exactly those messages, in the team’s language, naming who is behind', async () => {
    const sh = await waitFor(
      () => received(shanghai.path),
      (r) => r.length >= 4,
      90_000,
    );
    const ny = await waitFor(
      () => received(newYork.path),
      (r) => r.length >= 4,
      90_000,
    );
    const ind = await waitFor(
      () => received(india.path),
      (r) => r.length >= 2,
      90_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await received(shanghai.path)).toHaveLength(4);
    expect(await received(newYork.path)).toHaveLength(4);
    expect(await received(india.path)).toHaveLength(2);
    const shTexts = sh.map((m) => m.body.text.content as string);
    expect(shTexts.filter((t) => t.startsWith('⏰ 进度提醒'))).toHaveLength(2);
    expect(shTexts.find((t) => t.startsWith('⏰'))).toContain('王芳: 0');
    expect(shTexts.filter((t) => t.startsWith('📊'))).toHaveLength(2);
    expect(shTexts.find((t) => t.startsWith('📊'))).toContain('1. 王芳');
    const nyTexts = ny.map((m) => m.body.text as string);
    expect(nyTexts.find((t) => t.startsWith('⏰ Behind pace'))).toContain(
      '1 below 10 Calls by 11:00',
    );
    expect(nyTexts.find((t) => t.startsWith('⏰ Behind pace'))).toContain('Ann: 0');
    expect(ind[0]?.body.type).toBe('message');
  }, 200_000);
});
