import type { FunnelSettings } from '../api/index.ts';

// Funnel back-calculation (倒推): from the revenue still missing, how many deals, meetings,
// visits and leads are still needed, in total and per remaining workday (worked example in
// docs/architecture.md, "Funnel back-calculation").

/** A member's own totals over a trailing window (e.g. the last 90 days), to learn their rates. */
export type FunnelHistory = {
  revenue: number;
  deals: number;
  meetings: number;
  visits: number;
  leads: number;
};

/**
 * "Enough data" for a member's own history to replace a team default: a conversion rate is
 * learned once the earlier stage has at least `stage` events and the later one at least
 * `converted` (so neither a handful of events nor a zero rate decides the plan); the average
 * deal size once there are at least `deals` deals.
 */
export const FUNNEL_MIN_HISTORY = Object.freeze({ stage: 20, converted: 3, deals: 5 });

export type FunnelRates = FunnelSettings & {
  /** Which of the rates came from the member's own history (else the team default). */
  fromHistory: Record<keyof FunnelSettings, boolean>;
};

/** Input to {@link funnelNeeds}. */
export type FunnelInput = {
  /** Revenue still missing to the target, in minor units; ≤ 0 means nothing is needed. */
  revenueLeft: number;
  remainingWorkdays: number;
  /** The team defaults. */
  funnel: FunnelSettings;
  history?: FunnelHistory;
};

export type FunnelPlan = {
  revenueLeft: number;
  deals: number;
  meetings: number;
  visits: number;
  leads: number;
  perWorkday: { deals: number; meetings: number; visits: number; leads: number };
  rates: FunnelRates;
};

function learnedRate(converted: number, stage: number, fallback: number): [number, boolean] {
  if (stage >= FUNNEL_MIN_HISTORY.stage && converted >= FUNNEL_MIN_HISTORY.converted) {
    return [Math.min(1, converted / stage), true];
  }
  return [fallback, false];
}

/** The rates to plan with: the member's own where their history is enough, else the team's. */
export function funnelRates(funnel: FunnelSettings, history?: FunnelHistory): FunnelRates {
  if (!history) {
    return {
      ...funnel,
      fromHistory: {
        avgDealSize: false,
        meetingToDeal: false,
        visitToMeeting: false,
        leadToVisit: false,
      },
    };
  }
  const ownDealSize = history.deals >= FUNNEL_MIN_HISTORY.deals && history.revenue > 0;
  const [meetingToDeal, m] = learnedRate(history.deals, history.meetings, funnel.meetingToDeal);
  const [visitToMeeting, v] = learnedRate(history.meetings, history.visits, funnel.visitToMeeting);
  const [leadToVisit, l] = learnedRate(history.visits, history.leads, funnel.leadToVisit);
  return {
    avgDealSize: ownDealSize
      ? Math.max(1, Math.round(history.revenue / history.deals))
      : funnel.avgDealSize,
    meetingToDeal,
    visitToMeeting,
    leadToVisit,
    fromHistory: { avgDealSize: ownDealSize, meetingToDeal: m, visitToMeeting: v, leadToVisit: l },
  };
}

/** The whole number of inputs that, at `rate`, yields at least `outputs` (float-noise tolerant). */
function inputsFor(outputs: number, rate: number): number {
  if (!(outputs > 0)) return 0;
  const inputs = Math.ceil(outputs / rate - 1e-9);
  // A stored rate far below anything real (or a huge shortfall) must not give Infinity or NaN.
  return Number.isFinite(inputs)
    ? Math.min(inputs, Number.MAX_SAFE_INTEGER)
    : Number.MAX_SAFE_INTEGER;
}

/**
 * Back-calculates the funnel, rounding up at each stage: deals = ⌈revenueLeft / avgDealSize⌉,
 * meetings = ⌈deals / meetingToDeal⌉, visits = ⌈meetings / visitToMeeting⌉,
 * leads = ⌈visits / leadToVisit⌉ (10 deals at an overall 20 % lead-to-deal rate need 50 leads).
 * Per workday = total / remaining workdays (less than one left → the total: needed today). See {@link funnelRates} for
 * when the member's own history is used.
 */
export function funnelNeeds({
  revenueLeft,
  remainingWorkdays,
  funnel,
  history,
}: FunnelInput): FunnelPlan {
  const rates = funnelRates(funnel, history);
  const left = Number.isFinite(revenueLeft) ? Math.max(0, revenueLeft) : 0;
  const deals = inputsFor(left, rates.avgDealSize);
  const meetings = inputsFor(deals, rates.meetingToDeal);
  const visits = inputsFor(meetings, rates.visitToMeeting);
  const leads = inputsFor(visits, rates.leadToVisit);
  const perDay = (n: number) =>
    Number.isFinite(remainingWorkdays) && remainingWorkdays >= 1
      ? Math.min(n / remainingWorkdays, Number.MAX_SAFE_INTEGER)
      : n;
  return {
    revenueLeft: left,
    deals,
    meetings,
    visits,
    leads,
    perWorkday: {
      deals: perDay(deals),
      meetings: perDay(meetings),
      visits: perDay(visits),
      leads: perDay(leads),
    },
    rates,
  };
}
