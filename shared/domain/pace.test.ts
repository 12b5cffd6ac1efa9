import { describe, expect, it } from 'vitest';
import { OFF_TRACK_BEHIND, paceStatus } from './index.ts';

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
  it('is on track once the target is hit or before anything is expected', () => {
    expect(paceStatus({ achieved: 90, target: 90, expectedByNow: 200 })).toBe('on-track');
    expect(paceStatus({ achieved: 0, target: 90, expectedByNow: 0 })).toBe('on-track');
  });
  it('is null with no target: nothing to pace', () => {
    expect(paceStatus({ achieved: 0, target: 0, expectedByNow: 0 })).toBeNull();
    expect(paceStatus({ achieved: 5, target: 0, expectedByNow: 0 })).toBeNull();
  });
});
