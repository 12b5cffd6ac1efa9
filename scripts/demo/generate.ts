/**
 * The demo organisation: a deterministic, realistic-looking sales team (same output every run, so
 * seeding twice sends the same event ids and counts nothing twice).
 */
import type { ActivityEvent } from '../../shared/api/index.ts';

export const DEMO_ORG = {
  name: 'Northwind Trading 北风贸易',
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
  manager: { name: 'Zhang Wei 张伟', email: 'zhang.wei@northwind.example' },
};

export interface DemoMember {
  name: string;
  email: string;
  role: 'rep' | 'manager';
  /** How hard this rep works, 0.5 (struggling) … 1.5 (star): shapes their numbers. */
  drive: number;
  /** Probability of showing up on a given workday (streaks). */
  consistency: number;
}

export interface DemoTeam {
  name: string;
  members: DemoMember[];
}

const REP_NAMES: Array<[string, string]> = [
  ['Li Lei 李雷', 'li.lei'],
  ['Han Meimei 韩梅梅', 'han.meimei'],
  ['Wang Fang 王芳', 'wang.fang'],
  ['Chen Jie 陈杰', 'chen.jie'],
  ['Liu Yang 刘洋', 'liu.yang'],
  ['Zhao Min 赵敏', 'zhao.min'],
  ['Sun Hao 孙浩', 'sun.hao'],
  ['Anna Schmidt', 'anna.schmidt'],
  ['James Carter', 'james.carter'],
  ['Zhou Ting 周婷', 'zhou.ting'],
  ['Wu Lei 吴磊', 'wu.lei'],
  ['Xu Jing 徐静', 'xu.jing'],
  ['Ma Chao 马超', 'ma.chao'],
  ['Priya Nair', 'priya.nair'],
  ['Hu Bin 胡斌', 'hu.bin'],
  ['Guo Li 郭丽', 'guo.li'],
  ['Lin Tao 林涛', 'lin.tao'],
  ['He Yun 何云', 'he.yun'],
  ['Gao Peng 高鹏', 'gao.peng'],
  ['Luo Xin 罗欣', 'luo.xin'],
  ['Tom Becker', 'tom.becker'],
];
const MANAGER_NAMES: Array<[string, string]> = [
  ['Yang Qing 杨青', 'yang.qing'],
  ['Huang Rui 黄瑞', 'huang.rui'],
  ['Song Jia 宋佳', 'song.jia'],
];
const TEAM_NAMES = ['East 华东', 'North 华北', 'Key Accounts 大客户'];

/** Small, fast, seedable PRNG (mulberry32): the demo must be identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID v4-shaped id from the PRNG, so re-seeding sends the same ids (idempotent). */
function demoUuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function demoTeams(): DemoTeam[] {
  const rand = prng(7);
  return TEAM_NAMES.map((name, t) => {
    const [mName, mMail] = MANAGER_NAMES[t] ?? ['Manager', `manager${t}`];
    const reps = REP_NAMES.slice(t * 7, t * 7 + 7).map(([repName, mail]) => ({
      name: repName,
      email: `${mail}@northwind.example`,
      role: 'rep' as const,
      drive: 0.55 + rand() * 0.95,
      consistency: 0.75 + rand() * 0.25,
    }));
    return {
      name,
      members: [
        {
          name: mName,
          email: `${mMail}@northwind.example`,
          role: 'manager' as const,
          drive: 0.6,
          consistency: 0.6,
        },
        ...reps,
      ],
    };
  });
}

const CUSTOMERS = [
  ['Bright Star Logistics', 'ops@brightstar.example'],
  ['Hangzhou Tea Co. 杭州茶业', 'buyer@hztea.example'],
  ['Alpine Tools GmbH', 'einkauf@alpinetools.example'],
  ['Pearl River Foods 珠江食品', 'purchasing@prfoods.example'],
  ['Summit Retail', 'procurement@summit.example'],
  ['Jade Medical 玉医疗', 'it@jademed.example'],
] as const;

/** Local date `days` before `today` (YYYY-MM-DD arithmetic in UTC, no time zone involved). */
function shiftDate(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

/**
 * ~90 days of activity for one member, ending today (Shanghai is UTC+8 all year: no DST).
 * Events today stop at `nowMinutes` local time so nothing is logged in the future.
 */
export function demoEvents(
  member: DemoMember,
  memberIndex: number,
  today: string,
  nowMinutes: number,
): ActivityEvent[] {
  const rand = prng(1000 + memberIndex);
  const events: ActivityEvent[] = [];
  for (let back = 89; back >= 0; back--) {
    const date = shiftDate(today, back);
    // Before the working day starts, today has nothing yet (and nothing may be logged ahead of now).
    if (back === 0 && nowMinutes <= 9 * 60) continue;
    const weekend = isWeekend(date);
    // Weekends: only the keenest reps do a little; workdays: show up with `consistency`.
    if (weekend ? rand() > 0.08 * member.drive : rand() > member.consistency) continue;
    const scale = member.drive * (weekend ? 0.3 : 1);
    const counts: Record<string, number> = {
      calls: Math.round((4 + rand() * 8) * scale),
      emails: Math.round((6 + rand() * 14) * scale),
      visits: rand() < 0.45 * scale ? 1 + Math.floor(rand() * 2) : 0,
      meetings: rand() < 0.5 * scale ? 1 + Math.floor(rand() * 2) : 0,
      leads: rand() < 0.4 * scale ? 1 : 0,
    };
    const dealToday = rand() < 0.12 * member.drive;
    for (const [metric, n] of Object.entries(counts)) {
      for (let k = 0; k < n; k++)
        events.push(makeEvent(rand, date, metric, 1, back === 0, nowMinutes));
    }
    if (dealToday) {
      // Deal sizes in minor units (fen): ¥20,000 – ¥180,000.
      const amount = Math.round(20_000 + rand() * 160_000) * 100;
      events.push(makeEvent(rand, date, 'deals', 1, back === 0, nowMinutes));
      events.push(makeEvent(rand, date, 'revenue', amount, back === 0, nowMinutes));
    }
  }
  return events;
}

function makeEvent(
  rand: () => number,
  date: string,
  metric: string,
  quantity: number,
  isToday: boolean,
  nowMinutes: number,
): ActivityEvent {
  const id = demoUuid(rand);
  const latest = isToday ? Math.max(9 * 60, Math.min(18 * 60, nowMinutes - 1)) : 18 * 60;
  const minutes = 9 * 60 + Math.floor(rand() * Math.max(1, latest - 9 * 60));
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const customer = CUSTOMERS[Math.floor(rand() * CUSTOMERS.length)] ?? CUSTOMERS[0];
  const withEvidence = metric !== 'emails' && rand() < 0.7;
  return {
    id,
    metric,
    quantity,
    occurredAt: `${date}T${hh}:${mm}:00+08:00`,
    contact: { name: customer[0], email: customer[1] },
    source: withEvidence
      ? {
          app: 'gmail',
          url: `https://mail.google.com/mail/u/0/#inbox/${id.slice(0, 16)}`,
          title: `Re: ${customer[0]} order`,
        }
      : { app: 'manual' },
  };
}
