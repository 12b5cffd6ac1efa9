import { describe, expect, it } from 'vitest';
import { OFF_TRACK_BEHIND, PACE_JUDGED_FROM, paceStatus } from './index.ts';

describe('paceStatus', () => {
  it('is on track at or above the expected-by-now', () => {
    expect(paceStatus({ achieved: 25, target: 90, expectedByNow: 25 })).toBe('on-track');
    expect(paceStatus({ achieved: 30, target: 90, expectedByNow: 25 })).toBe('on-track');
  });
  it('is at risk less than 10 % behind, off track 10 % behind or more', () => {
    expect(OFF_TRACK_BEHIND).toBe(0.1);
    expect(paceStatus({ achieved: 23, target: 90, expectedByNow: 25 })).toBe('at-risk');
    expect(paceStatus({ achieved: 90, target: 200, expectedByNow: 100 })).toBe('off-track');
    expect(paceStatus({ achieved: 22, target: 90, expectedByNow: 25 })).toBe('off-track');
  });
  it('is on track once the target is hit, however early', () => {
    expect(paceStatus({ achieved: 90, target: 90, expectedByNow: 200 })).toBe('on-track');
    expect(paceStatus({ achieved: 90, target: 90, expectedByNow: 0 })).toBe('on-track');
  });
  it('judges nobody while less than a tenth of the target is expected yet', () => {
    expect(PACE_JUDGED_FROM).toBe(0.1);
    // A month of 21 workdays: after one workday 1/21 is expected, after two 2/21 (9.5 %).
    for (const workdays of [0, 1, 2]) {
      const expectedByNow = (2100 * workdays) / 21;
      expect(paceStatus({ achieved: 0, target: 2100, expectedByNow })).toBeNull();
      expect(paceStatus({ achieved: expectedByNow, target: 2100, expectedByNow })).toBeNull();
    }
    // From the third workday (3/21 = 14 %) the pace line says something.
    expect(paceStatus({ achieved: 0, target: 2100, expectedByNow: 300 })).toBe('off-track');
    expect(paceStatus({ achieved: 300, target: 2100, expectedByNow: 300 })).toBe('on-track');
    // Exactly a tenth is judged (no float slack lost at the edge).
    expect(paceStatus({ achieved: 0, target: 90, expectedByNow: 9 })).toBe('off-track');
  });
  it('is null with no target: nothing to pace', () => {
    expect(paceStatus({ achieved: 0, target: 0, expectedByNow: 0 })).toBeNull();
    expect(paceStatus({ achieved: 5, target: 0, expectedByNow: 0 })).toBeNull();
  });
});
