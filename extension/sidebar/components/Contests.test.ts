import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { contestGap } from './Contests.tsx';

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

  it('says "1 call", not "1 calls"; points too', () => {
    const one = { ...line, metric: 'calls', ahead: { name: 'Zhao Min', by: 1 } };
    expect(contestGap(one, translator('en'), 'en', 'CNY')).toBe('1 call behind Zhao Min');
    const points = { ...line, metric: 'points', ahead: { name: 'Zhao Min', by: 1 } };
    expect(contestGap(points, translator('en'), 'en', 'CNY')).toBe('1 point behind Zhao Min');
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
