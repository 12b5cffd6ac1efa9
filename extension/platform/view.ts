import type { FunnelNeeds, ProgressResponse, SegmentProgress } from '../../shared/api/progress.ts';
import type { WorkCalendar } from '../../shared/domain/calendar.ts';
import type { OverlaySettings, UnsyncedLog } from '../../shared/domain/overlay.ts';
import type { PaceStatus } from '../../shared/domain/pace.ts';
import type { RhythmMoment } from '../../shared/domain/rhythm.ts';

/**
 * What the sidebar and popup display, computed by the background from the synced snapshot plus
 * the local logs (see sync/local-view.ts) and published in storage. Holds no secret: content
 * scripts may read it.
 */
export type MetricKindName = 'count' | 'amount';

export interface Localised {
  en: string;
  zh: string;
}

export interface MetricCounter {
  metric: string;
  /** Custom metrics carry their own labels; built-ins are translated by the UI. */
  label: Localised | null;
  kind: MetricKindName;
  today: number;
  period: number;
  /** Points one unit earns (0 for amount metrics). */
  pointsPerUnit: number;
  /** Today's and the period's targets (an activity quota, or an explicit target); 0: none. */
  todayTarget?: number;
  periodTarget?: number;
  /** The recurring quota in effect today ("5 per workday"), if any. */
  quota?: { per: 'workday' | 'week'; value: number } | null;
}

export interface PrimaryProgress {
  metric: string;
  kind: MetricKindName;
  achieved: number;
  target: number;
  percent: number | null;
  expectedByNow: number;
  gap: number;
  neededPerWorkday: number;
  /** On track / at risk / off track (shared/domain/pace.ts); null without a target. */
  pace?: PaceStatus | null;
  /** Below 1, `neededPerWorkday` is what is needed today. */
  remainingWorkdays?: number | null;
  /** The member's personal stretch goal for the period (a second marker), if set. */
  goal?: number | null;
  /**
   * Its target broken down by customer segment or product category, per part as the server last
   * counted it with the logs it does not count yet (shared/domain/overlay.ts); absent without a
   * breakdown and in older views.
   */
  segments?: SegmentProgress[] | null;
}

export interface TierRung {
  id: string;
  threshold: number;
  name: Localised;
}

export interface TierView {
  current: TierRung | null;
  next: TierRung | null;
  /** In the primary metric's units; null at the top. */
  toNext: number | null;
  ladder: TierRung[];
}

export interface RecentLog {
  id: string;
  metric: string;
  quantity: number;
  /** A won deal's value (shared/domain/lines.ts); absent on other logs. */
  amount?: number;
  occurredAt: string;
  contactName: string | null;
  contactEmail: string | null;
  title: string | null;
  status: 'pending' | 'synced' | 'rejected';
  voided: boolean;
  /** Logged with a source URL (full points); absent in views of older versions. */
  evidence?: boolean;
  /** On a collection: the id of the deal log it pays (shared/domain/collections.ts). */
  deal?: string;
  /** A won deal's product category, if it has one. */
  category?: string;
}

/** A won deal a collection can name (sidebar/components/Collection.tsx, popup). */
export interface WonDealLine {
  id: string;
  /** Its value for revenue (minor units); null: a deal logged without a value. */
  value: number | null;
  contactName: string | null;
  occurredAt: string;
}

/**
 * A contest the member is in, running or just over and not settled yet: their place and who to
 * catch next.
 */
export interface ContestLine {
  id: string;
  name: string;
  /** A metric id, or `points`. */
  metric: string;
  label: Localised | null;
  kind: MetricKindName;
  rank: number;
  of: number;
  /**
   * The nearest competitor ahead and the gap, in the metric's units; null when leading (rank 1)
   * or when the team's privacy mode keeps them from the member (rank > 1).
   */
  ahead: { name: string; by: number } | null;
  /** When the round ends (the countdown's goal). */
  endsAt: string;
  /**
   * The round is over but its standings are provisional until `settlesAt` (late logs still
   * count); absent in views of older versions.
   */
  provisional?: boolean;
  settlesAt?: string;
  prize: string;
}

/** A teammate's announced moment, for a toast. */
export interface NewsItem {
  id: number;
  kind: 'big_deal' | 'tier_reached' | 'milestone' | 'streak_record' | 'contest_won';
  name: string;
  metric?: string;
  amount?: number;
  tier?: string;
  percent?: number;
  days?: number;
  /** contest_won: the contest, and (team against team) the winning sub-team. */
  contest?: string;
  teamName?: string;
}

/**
 * What the view's numbers were computed from (shared/domain/overlay.ts): the server's answers,
 * the settings the rules read, and the local logs they do not reflect yet. The sidebar in a page
 * adds its own new logs to the same basis with the same function (sidebar/optimistic.ts).
 */
export interface OverlayBasis {
  day: ProgressResponse | null;
  period: ProgressResponse | null;
  settings: OverlaySettings;
  timeZone: string;
  logs: (UnsyncedLog & { id: string })[];
}

export type SyncStatus = 'signed-out' | 'unauthorized' | 'synced' | 'pending' | 'offline';

export interface SidebarView {
  signedIn: boolean;
  memberName: string | null;
  currency: string;
  period: { kind: string; start: string; end: string } | null;
  primary: PrimaryProgress | null;
  tier: TierView | null;
  counters: MetricCounter[];
  points: { today: number; period: number; dailyGoal: number };
  streak: { current: number; longest: number; atRisk: boolean; freezes: number } | null;
  recent: RecentLog[];
  sync: {
    status: SyncStatus;
    pending: number;
    lastSyncedAt: number | null;
    nextAttemptAt: number | null;
    lastError: string | null;
  };
  leaderboardUrl: string | null;
  /** Funnel back-calculation (倒推): activity needed per remaining workday, from the server. */
  funnelPerWorkday: { deals: number; meetings: number; visits: number; leads: number } | null;
  /** The conversion rates behind it and their look-back (absent in older views). */
  funnelRates?: FunnelNeeds['conversion'] | null;
  /** Running contests the member competes in (absent in views published by older versions). */
  contests?: ContestLine[];
  /** Teammates' latest announcements, oldest first (absent in older views). */
  news?: NewsItem[];
  /**
   * The team's working calendar for the daily rhythm (morning plan, evening and week review;
   * shared/domain/rhythm.ts), its holidays and make-up days cut to the weeks around now (see
   * sync/local-view.ts). Absent when signed out and in older views.
   */
  calendar?: WorkCalendar;
  /**
   * The member's recent won deals this device knows (its journal and the server's newest logs),
   * newest first, for a collection to name the deal it pays (absent in older views).
   */
  wonDeals?: WonDealLine[];
  /**
   * Which of the daily rhythm's cards are due now (shared/domain/rhythm.ts `rhythmAt` on the
   * calendar above, in the member's time zone), decided by the background and published again
   * when the answer changes (the review's hour, a new day): a content script reads it and does
   * no time-zone work of its own at page load. Null or absent: nothing is due (signed out, no
   * calendar yet, older views; test builds until a page pins the clock, platform/clock.ts).
   */
  rhythm?: RhythmMoment | null;
  /** The org's product categories a won deal may carry (absent in older views). */
  categories?: { id: string; name: string }[];
  /** The sync state's revision this view was built from (see SyncState.revision). */
  revision?: number;
  /** What the numbers were computed from (absent when signed out and in older views). */
  basis?: OverlayBasis;
}

export const SIGNED_OUT_VIEW: SidebarView = {
  signedIn: false,
  memberName: null,
  currency: 'USD',
  period: null,
  primary: null,
  tier: null,
  counters: [],
  points: { today: 0, period: 0, dailyGoal: 20 },
  streak: null,
  recent: [],
  sync: {
    status: 'signed-out',
    pending: 0,
    lastSyncedAt: null,
    nextAttemptAt: null,
    lastError: null,
  },
  leaderboardUrl: null,
  funnelPerWorkday: null,
};
