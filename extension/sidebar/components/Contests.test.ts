import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { contestGap, contestWhen } from './Contests.tsx';

// The sidebar's running-contest line: who is ahead and by how much, only as far as the server
// (the team's privacy mode) tells it.
describe('contestGap', () => {
  const line = {
    metric: 'visits',
    label: null,
    kind: 'count' as const,
    rank: 3,
    ahead: { name: 'Li Lei', by: 2 },
  };

  it('names the one ahead and the gap in the metric’s units', () => {
    expect(contestGap(line, translator('en'), 'en', 'CNY')).toBe('2 visits behind Li Lei');
    expect(contestGap(line, translator('zh_CN'), 'zh_CN', 'CNY')).toMatch(/^落后 Li Lei 2/);
  });

  it('says "Leading" on first place only', () => {
    expect(contestGap({ ...line, rank: 1, ahead: null }, translator('en'), 'en', 'CNY')).toBe(
      'Leading',
    );
  });

  it('says nothing of the one ahead when privacy keeps them from the member', () => {
    expect(contestGap({ ...line, rank: 4, ahead: null }, translator('en'), 'en', 'CNY')).toBeNull();
  });
});

describe('contestWhen', () => {
  const round = { endsAt: '2026-11-27T16:00:00.000Z', settlesAt: '2026-11-30T16:00:00.000Z' };

  it('counts down to the end of a running round', () => {
    expect(contestWhen(round, translator('en'), 'en')).toMatch(/^ends /);
    expect(contestWhen(round, translator('zh_CN'), 'zh_CN')).toMatch(/结束$/);
  });

  it('says a round just over is provisional until it settles, in both languages', () => {
    const over = { ...round, provisional: true };
    expect(contestWhen(over, translator('en'), 'en')).toMatch(/^round over, provisional until /);
    expect(contestWhen(over, translator('zh_CN'), 'zh_CN')).toMatch(
      /^本轮已结束，.* 前为暂定名次$/,
    );
  });
});
