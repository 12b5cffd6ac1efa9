import type { OrgSettings } from '../api/index.ts';
import { toMinor } from './money.ts';
import { DEFAULT_TIERS } from './tiers.ts';

// A new organisation's settings: every default, in one place.

/**
 * Complete, valid settings for a new organisation. Funnel defaults are typical for B2B selling:
 * an average deal of 5,000 in the team currency (stored in its minor units), 25 % of meetings close,
 * half of visits lead to a meeting, 40 % of leads get a visit (lead → deal 5 %).
 */
export function defaultOrgSettings({
  timezone,
  currency,
}: {
  timezone: string;
  currency: string;
}): OrgSettings {
  return {
    calendar: {
      timezone,
      weekStart: 1,
      workweeks: [[1, 2, 3, 4, 5]],
      cycleAnchor: '2024-01-01',
      holidays: [],
      extraWorkdays: [],
      fiscalYearStartMonth: 1,
      workingHours: { start: '09:00', end: '18:00' },
    },
    currency,
    primaryMetric: 'revenue',
    points: {},
    dailyPointsGoal: 20,
    manualLogPointsPercent: 100,
    tiers: {
      period: 'month',
      ladder: DEFAULT_TIERS.map((tier) => ({ ...tier, name: { ...tier.name } })),
    },
    customMetrics: [],
    privacy: 'open',
    funnel: {
      avgDealSize: toMinor(5000, currency),
      meetingToDeal: 0.25,
      visitToMeeting: 0.5,
      leadToVisit: 0.4,
    },
    signupOpen: true,
  };
}
