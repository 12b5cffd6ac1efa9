import { describe, expect, it } from 'vitest';
import {
  announcementRulesOf,
  announcementsFor,
  DEFAULT_ANNOUNCEMENT_RULES,
  DEFAULT_TIERS,
  MIN_RECORD_STREAK,
} from './index.ts';

const quiet = {
  rules: { ...DEFAULT_ANNOUNCEMENT_RULES, dealAmountAtLeast: 1_000_000 },
  primaryMetric: 'revenue',
  ladder: DEFAULT_TIERS,
  tierBefore: null,
  tierAfter: null,
  longestStreakBefore: 10,
  currentStreakAfter: 3,
};

describe('announcementsFor', () => {
  it('announces nothing ordinary', () => {
    expect(announcementsFor({ ...quiet, event: { metric: 'revenue', quantity: 999_999 } })).toEqual(
      [],
    );
    expect(announcementsFor({ ...quiet, event: { metric: 'calls', quantity: 5_000_000 } })).toEqual(
      [],
    );
  });

  it('announces a deal above the amount', () => {
    expect(
      announcementsFor({ ...quiet, event: { metric: 'revenue', quantity: 1_000_000 } }),
    ).toEqual([{ kind: 'big_deal', metric: 'revenue', amount: 1_000_000 }]);
    const off = { ...quiet, rules: { ...quiet.rules, dealAmountAtLeast: null } };
    expect(announcementsFor({ ...off, event: { metric: 'revenue', quantity: 9e9 } })).toEqual([]);
  });

  it('announces a won deal by its revenue line, not by its deal count', () => {
    const won = { metric: 'deals', quantity: 1, amount: 1_200_000 };
    expect(announcementsFor({ ...quiet, event: won })).toEqual([
      { kind: 'big_deal', metric: 'revenue', amount: 1_200_000 },
    ]);
    expect(announcementsFor({ ...quiet, event: { ...won, amount: 999_999 } })).toEqual([]);
  });

  it('announces a tier reached, not a fall back after an undo', () => {
    expect(announcementsFor({ ...quiet, tierBefore: null, tierAfter: 'base' })).toEqual([
      { kind: 'tier_reached', tier: 'base' },
    ]);
    expect(announcementsFor({ ...quiet, tierBefore: 'base', tierAfter: 'breakthrough' })).toEqual([
      { kind: 'tier_reached', tier: 'breakthrough' },
    ]);
    expect(announcementsFor({ ...quiet, tierBefore: 'sprint', tierAfter: 'base' })).toEqual([]);
    expect(announcementsFor({ ...quiet, tierBefore: 'sprint', tierAfter: 'sprint' })).toEqual([]);
  });

  it('announces a new streak record once it is long enough', () => {
    expect(announcementsFor({ ...quiet, longestStreakBefore: 11, currentStreakAfter: 12 })).toEqual(
      [{ kind: 'streak_record', days: 12 }],
    );
    expect(announcementsFor({ ...quiet, longestStreakBefore: 12, currentStreakAfter: 12 })).toEqual(
      [],
    );
    expect(
      announcementsFor({
        ...quiet,
        longestStreakBefore: 0,
        currentStreakAfter: MIN_RECORD_STREAK - 1,
      }),
    ).toEqual([]);
  });

  it('respects rules turned off', () => {
    const rules = { dealAmountAtLeast: null, tierReached: false, streakRecord: false };
    expect(
      announcementsFor({
        ...quiet,
        rules,
        tierAfter: 'sprint',
        longestStreakBefore: 5,
        currentStreakAfter: 30,
      }),
    ).toEqual([]);
  });
});

describe('announcementRulesOf', () => {
  it('is the team’s saved rules, else the defaults: every moment but big deals', () => {
    expect(announcementRulesOf({})).toEqual({
      dealAmountAtLeast: null,
      tierReached: true,
      streakRecord: true,
      milestoneReached: true,
      contestWon: true,
    });
    const saved = {
      dealAmountAtLeast: 100_000,
      tierReached: false,
      streakRecord: true,
      milestoneReached: false,
      contestWon: true,
    };
    expect(announcementRulesOf({ announcements: saved })).toBe(saved);
  });

  it('hands out a copy, so nobody can change the defaults', () => {
    const rules = announcementRulesOf({});
    rules.tierReached = false;
    expect(DEFAULT_ANNOUNCEMENT_RULES.tierReached).toBe(true);
    expect(Object.isFrozen(DEFAULT_ANNOUNCEMENT_RULES)).toBe(true);
  });
});
