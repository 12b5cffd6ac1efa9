import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { SIGNED_OUT_VIEW, type SidebarView } from '../platform/view.ts';
import { planLines, planOf } from './plan-text.ts';

const view: SidebarView = {
  ...SIGNED_OUT_VIEW,
  signedIn: true,
  currency: 'CNY',
  counters: [
    {
      metric: 'calls',
      label: null,
      kind: 'count',
      today: 4,
      period: 40,
      pointsPerUnit: 1,
      todayTarget: 10,
    },
    {
      metric: 'visits',
      label: null,
      kind: 'count',
      today: 5,
      period: 9,
      pointsPerUnit: 3,
      todayTarget: 5,
    },
    {
      metric: 'revenue',
      label: null,
      kind: 'amount',
      today: 0,
      period: 400_000,
      pointsPerUnit: 0,
      todayTarget: 50_000,
    },
  ],
  primary: {
    metric: 'revenue',
    kind: 'amount',
    achieved: 400_000,
    target: 1_000_000,
    percent: 40,
    expectedByNow: 450_000,
    gap: -50_000,
    neededPerWorkday: 600_000 / 12,
    remainingWorkdays: 12,
  },
  contests: [
    {
      id: 'c1',
      name: 'December sprint',
      metric: 'calls',
      label: null,
      kind: 'count',
      rank: 2,
      of: 8,
      ahead: { name: 'Wang Fang', by: 3 },
      endsAt: '2026-12-18T10:00:00Z',
      prize: '',
    },
  ],
};

describe('the morning plan in words', () => {
  it('says the pace money, each quota left and the contest gap, in English and Chinese', () => {
    const plan = planOf(view, [{ id: 'k1', name: 'Acme Ltd' }]);
    expect(planLines(plan, view, translator('en'), 'en')).toEqual([
      { key: 'pace', text: 'CN¥500 today to stay on pace', done: false },
      { key: 'quota-calls', text: 'Calls: 6 to go (4 / 10)', done: false },
      { key: 'quota-visits', text: 'Visits: done (5 / 5)', done: true },
      { key: 'contest-c1', text: 'December sprint: #2 of 8 — 3 calls behind Wang Fang' },
      { key: 'due', text: 'Due today: Acme Ltd' },
    ]);
    expect(planLines(plan, view, translator('zh_CN'), 'zh_CN').map((l) => l.text)).toEqual([
      '今天完成 ¥500 才能跟上进度',
      '电话：还差 6（4 / 10）',
      '拜访：已完成（5 / 5）',
      'December sprint：第 2 / 8 名 — 落后 Wang Fang 3 电话',
      '今天该联系：Acme Ltd',
    ]);
  });

  it('says when there is nothing to plan', () => {
    const bare = { ...view, counters: [], primary: null, contests: [] };
    expect(planLines(planOf(bare), bare, translator('en'), 'en')).toEqual([
      { key: 'empty', text: 'No quota, target or contest for today yet' },
    ]);
  });
});
