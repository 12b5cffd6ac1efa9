import { describe, expect, it } from 'vitest';
import { momentsAlreadyTrue, momentsFor, rankAmong } from './moments.ts';

const colleagues = [
  { id: 'zhao', name: 'Zhao Min', percent: 55 },
  { id: 'li', name: 'Li Lei', percent: 80 },
  { id: 'wu', name: 'Wu Fang', percent: 30 },
  { id: 'new', name: 'New Rep', percent: null },
];
const quiet = {
  before: { longest: 12, percent: 40 },
  streak: { current: 3 },
  percent: 40,
  colleagues,
  seen: new Set<string>(),
};

describe('a member’s own moments', () => {
  it('tells nothing when nothing moved', () => {
    expect(momentsFor(quiet)).toEqual([]);
  });

  it('tells passing a colleague with the new place, once', () => {
    const passed = momentsFor({ ...quiet, percent: 60 });
    expect(passed).toEqual([{ kind: 'passed', name: 'Zhao Min', rank: 2, key: 'passed:zhao' }]);
    expect(momentsFor({ ...quiet, percent: 60, seen: new Set(['passed:zhao']) })).toEqual([]);
  });

  it('tells every colleague passed in one jump, and a level colleague left behind', () => {
    const jump = momentsFor({ ...quiet, before: { longest: 12, percent: 55 }, percent: 90 });
    expect(jump.map((m) => m.key)).toEqual(['passed:zhao', 'passed:li']);
    expect(jump.every((m) => m.kind === 'passed' && m.rank === 1)).toBe(true);
  });

  it('tells no passing after an undo, before a target exists, or for a colleague without one', () => {
    expect(momentsFor({ ...quiet, before: { longest: 12, percent: 60 }, percent: 40 })).toEqual([]);
    expect(momentsFor({ ...quiet, before: { longest: 12, percent: null }, percent: 90 })).toEqual(
      [],
    );
    expect(momentsFor({ ...quiet, percent: 54.9 })).toEqual([]);
  });

  it('tells a streak milestone once, the highest step reached', () => {
    expect(momentsFor({ ...quiet, streak: { current: 10 } })).toEqual([
      { kind: 'streak', days: 10, key: 'streak:10' },
    ]);
    expect(momentsFor({ ...quiet, streak: { current: 11 }, seen: new Set(['streak:10']) })).toEqual(
      [],
    );
  });

  it('tells a personal record instead of the milestone, once per period, from 5 days', () => {
    const record = { ...quiet, before: { longest: 4, percent: 40 }, streak: { current: 5 } };
    expect(momentsFor(record)).toEqual([{ kind: 'record', days: 5, key: 'record' }]);
    expect(momentsFor({ ...record, seen: new Set(['record', 'streak:5']) })).toEqual([]);
    // Beating a 2-day record with 3 days is not news.
    expect(momentsFor({ ...quiet, before: { longest: 2, percent: 40 } })).toEqual([]);
  });

  it('ranks ties together and marks what is already true without telling it', () => {
    expect(rankAmong(55, colleagues)).toBe(2);
    expect(rankAmong(81, colleagues)).toBe(1);
    expect(momentsAlreadyTrue(12)).toEqual(['streak:5', 'streak:10']);
    expect(momentsAlreadyTrue(0)).toEqual([]);
  });
});
