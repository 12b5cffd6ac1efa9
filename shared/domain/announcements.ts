import type { AnnouncementSettings, OrgSettings, Tier } from '../api/index.ts';
import { type Countable, metricLines } from './lines.ts';

// Announcements (docs/architecture.md, "Announcements"): which moments are told to the whole
// team live (board, TV mode, a toast in the sidebars). Pure decisions; delivery is elsewhere.

/** What a team announces; a manager may turn each off. */
export type AnnouncementRules = {
  /** Announce a single log of the primary amount metric at least this big (minor units); null: never. */
  dealAmountAtLeast: number | null;
  tierReached: boolean;
  streakRecord: boolean;
};

/** A streak becomes news from this length on, so a first good day is not a "record". */
export const MIN_RECORD_STREAK = 5;

/** What a team announces until a manager changes it: every moment but big deals (no amount set). */
export const DEFAULT_ANNOUNCEMENT_RULES: Readonly<AnnouncementSettings> = Object.freeze({
  dealAmountAtLeast: null,
  tierReached: true,
  streakRecord: true,
  milestoneReached: true,
  contestWon: true,
});

/** The team's announcement rules: its own when a manager saved them, else the defaults. */
export function announcementRulesOf(
  settings: Pick<OrgSettings, 'announcements'>,
): AnnouncementSettings {
  return settings.announcements ?? { ...DEFAULT_ANNOUNCEMENT_RULES };
}

export type Announcement =
  | { kind: 'big_deal'; metric: string; amount: number }
  | { kind: 'tier_reached'; tier: string }
  | { kind: 'streak_record'; days: number };

/** A member's state before and after something happened (a log was counted). */
export type AnnouncementInput = {
  rules: AnnouncementRules;
  /** The log that just counted, if the change came from one. */
  event?: Countable;
  /** The team's primary metric (the amount a big deal is measured in). */
  primaryMetric: string;
  ladder: readonly Tier[];
  tierBefore: string | null;
  tierAfter: string | null;
  /** The member's longest streak before, and current streak after. */
  longestStreakBefore: number;
  currentStreakAfter: number;
};

/**
 * What to announce: a big single log of the primary metric, a tier reached that is higher than
 * the one before (falling back after an undo is not news), and a streak that beats the member's
 * own record once it is at least {@link MIN_RECORD_STREAK} days.
 */
export function announcementsFor(input: AnnouncementInput): Announcement[] {
  const { rules, event } = input;
  const found: Announcement[] = [];
  const deal = event ? bigDealLine(rules, event, input.primaryMetric) : null;
  if (deal) found.push({ kind: 'big_deal', metric: deal.metric, amount: deal.quantity });
  if (
    rules.tierReached &&
    input.tierAfter !== null &&
    rises(input.ladder, input.tierBefore, input.tierAfter)
  ) {
    found.push({ kind: 'tier_reached', tier: input.tierAfter });
  }
  if (
    rules.streakRecord &&
    input.currentStreakAfter > input.longestStreakBefore &&
    input.currentStreakAfter >= MIN_RECORD_STREAK
  ) {
    found.push({ kind: 'streak_record', days: input.currentStreakAfter });
  }
  return found;
}

/**
 * The line of a single log that makes it a big deal: its count of the primary metric (a won
 * deal's amount counts, shared/domain/lines.ts) at least the team's big-deal amount (rule on).
 */
export function bigDealLine(
  rules: Pick<AnnouncementRules, 'dealAmountAtLeast'>,
  event: Countable,
  primaryMetric: string,
): { metric: string; quantity: number } | null {
  const threshold = rules.dealAmountAtLeast;
  if (threshold === null) return null;
  return (
    metricLines(event).find((l) => l.metric === primaryMetric && l.quantity >= threshold) ?? null
  );
}

/** True when tier `after` stands higher on the ladder than `before` (null = no tier). */
function rises(ladder: readonly Tier[], before: string | null, after: string): boolean {
  const height = (id: string | null) => {
    const tier = ladder.find((t) => t.id === id);
    return tier ? tier.threshold : 0;
  };
  return height(after) > height(before);
}
