/**
 * The board's CSV says what the board says: each rep's pace status in the running period (in the
 * language asked for), the tier of whichever period is exported, and who has since left.
 * Hand-computed on a pinned clock: March 2026 in UTC has 22 workdays (Mon–Fri, 1 March is a
 * Sunday). Each rep's March revenue target is 2,200,000 (100,000 a workday). The clock stands at
 * Wednesday 11 March, 12:00: the workdays before today are 2–6, 9 and 10, so the expected-by-now
 * at the start of the day is 7 × 100,000 = 700,000.
 *
 * - A: 300,000 on 3 March + 400,000 on 10 March = 700,000 → on track (not behind).
 * - B: 650,000 on 10 March → 50,000 / 700,000 = 7.1 % behind → at risk (under 10 %).
 * - C: 100,000 on 2 March + 500,000 on 10 March = 600,000 → 14.3 % behind → off track.
 *
 * The month's tiers: 700,000 / 2,200,000 = 31.8 % and less: none. The week of 9–15 March carries
 * 5 × 100,000 = 500,000: A 400,000 = 80 % (Base), B 650,000 = 130 % (Breakthrough), C 500,000 =
 * 100 % (Sprint); its expected-by-now is 9 and 10 March = 200,000, which all three pass.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addMember,
  call,
  createOrg,
  event,
  type MemberFixture,
  type OrgFixture,
} from './helpers.ts';

const at = (iso: string) => vi.setSystemTime(new Date(iso));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
});
afterAll(() => {
  vi.useRealTimers();
});

/** The CSV's rows as header-keyed records (the names and words here hold no commas). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const keys = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? '']));
  });
}

async function log(rep: MemberFixture, day: string, quantity: number) {
  at(`${day}T12:00:00Z`);
  const res = await call('POST', '/events', {
    token: rep.token,
    body: { events: [event({ metric: 'revenue', quantity })] },
  });
  expect(res.body.results[0].status).toBe('created');
}

describe('the board CSV carries pace, tier and standing as the board shows them', () => {
  let org: OrgFixture;
  let A: MemberFixture;
  let B: MemberFixture;
  let C: MemberFixture;
  beforeAll(async () => {
    at('2026-02-20T10:00:00Z');
    org = await createOrg({ timezone: 'UTC', currency: 'CNY' });
    const rep = (name: string) =>
      addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC', name });
    A = await rep('A');
    B = await rep('B');
    C = await rep('C');
    for (const m of [A, B, C]) {
      const res = await call('PUT', '/targets', {
        token: org.managerToken,
        body: {
          scope: 'member',
          memberId: m.id,
          metric: 'revenue',
          period: { kind: 'month', start: '2026-03-01' },
          value: 2_200_000,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await log(C, '2026-03-02', 100_000);
    await log(A, '2026-03-03', 300_000);
    await log(A, '2026-03-10', 400_000);
    await log(B, '2026-03-10', 650_000);
    await log(C, '2026-03-10', 500_000);
    at('2026-03-11T12:00:00Z');
  });

  const board = async (period: string, date = '2026-03-11') => {
    const res = await call('GET', `/leaderboard?period=${period}&date=${date}`, {
      token: org.managerToken,
    });
    expect(res.status).toBe(200);
    return res.body.entries as {
      member: { id: string };
      pace?: string | null;
      tier: string | null;
    }[];
  };
  const csv = async (period: string, lang?: string, date = '2026-03-11') => {
    const res = await call(
      'GET',
      `/export/leaderboard.csv?period=${period}&date=${date}${lang ? `&lang=${lang}` : ''}`,
      { token: org.managerToken },
    );
    expect(res.status).toBe(200);
    return rows(res.body as string);
  };
  const byMember = (list: Record<string, string>[], column: string) =>
    Object.fromEntries(list.map((r) => [r.member_id, r[column]]));

  it('the running month: on track / at risk / off track, in English and Chinese, as on the board', async () => {
    const entries = await board('month');
    expect(Object.fromEntries(entries.map((e) => [e.member.id, e.pace]))).toEqual({
      [A.id]: 'on-track',
      [B.id]: 'at-risk',
      [C.id]: 'off-track',
    });
    const en = await csv('month');
    expect(byMember(en, 'pace')).toEqual({
      [A.id]: 'On track',
      [B.id]: 'At risk',
      [C.id]: 'Off track',
    });
    expect(byMember(await csv('month', 'zh-CN'), 'pace')).toEqual({
      [A.id]: '进度达标',
      [B.id]: '有风险',
      [C.id]: '进度落后',
    });
    // No tier at 31.8 % or less.
    expect(byMember(en, 'tier')).toEqual({ [A.id]: '', [B.id]: '', [C.id]: '' });
    // A language Pacer does not speak is written in English.
    expect(byMember(await csv('month', 'fr'), 'pace')[B.id]).toBe('At risk');
  });

  it('the week: its own tiers (80 % Base, 130 % Breakthrough, 100 % Sprint), named in the language asked for', async () => {
    const entries = await board('week');
    expect(Object.fromEntries(entries.map((e) => [e.member.id, e.tier]))).toEqual({
      [A.id]: 'base',
      [B.id]: 'breakthrough',
      [C.id]: 'sprint',
    });
    const en = await csv('week');
    expect(byMember(en, 'tier')).toEqual({
      [A.id]: 'base',
      [B.id]: 'breakthrough',
      [C.id]: 'sprint',
    });
    expect(byMember(en, 'tier_name')).toEqual({
      [A.id]: 'Base',
      [B.id]: 'Breakthrough',
      [C.id]: 'Sprint',
    });
    expect(byMember(await csv('week', 'zh-CN'), 'tier_name')).toEqual({
      [A.id]: '基础',
      [B.id]: '突破',
      [C.id]: '进阶',
    });
    expect(byMember(en, 'pace')).toEqual({
      [A.id]: 'On track',
      [B.id]: 'On track',
      [C.id]: 'On track',
    });
  });

  it('a closed period has no pace; a rep who left since is marked as on the board', async () => {
    at('2026-04-02T12:00:00Z');
    expect((await call('DELETE', `/members/${C.id}`, { token: org.managerToken })).status).toBe(
      200,
    );
    const march = await csv('month', 'zh-CN', '2026-03-15');
    expect(byMember(march, 'pace')).toEqual({ [A.id]: '', [B.id]: '', [C.id]: '' });
    expect(byMember(march, 'standing')).toEqual({ [A.id]: '', [B.id]: '', [C.id]: '已离开' });
    expect(byMember(await csv('month', 'en', '2026-03-15'), 'standing')[C.id]).toBe('left');
    const entries = await board('month', '2026-03-15');
    expect(entries.find((e) => e.member.id === C.id)).toMatchObject({ standing: 'removed' });
  });

  it('an over-long language tag is a clear 400', async () => {
    const res = await call('GET', `/export/leaderboard.csv?lang=${'x'.repeat(40)}`, {
      token: org.managerToken,
    });
    expect(res.status).toBe(400);
  });
});
