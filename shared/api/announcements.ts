import { z } from 'zod';
import { Id, Instant } from './common.ts';

// Announcements: moments told to the whole team live. Rules: shared/domain/announcements.ts.

export const AnnouncementView = z.object({
  /** Increasing: poll with `since=` the last id seen. */
  id: z.number().int().min(1),
  kind: z.enum(['big_deal', 'tier_reached', 'milestone', 'streak_record', 'contest_won']),
  member: z.object({ id: Id, name: z.string() }),
  /**
   * big_deal: the metric and amount; tier_reached: the tier id; milestone: the percent reached;
   * streak_record: the streak's days; contest_won: the contest's name (and, team against
   * team, the winning sub-team's).
   */
  metric: z.string().optional(),
  amount: z.number().optional(),
  tier: z.string().optional(),
  percent: z.number().optional(),
  days: z.number().int().optional(),
  contest: z.string().optional(),
  teamName: z.string().optional(),
  at: Instant,
});
export type AnnouncementView = z.infer<typeof AnnouncementView>;

export const AnnouncementsQuery = z.object({
  /** Whose announcements: this team's subtree (default the caller's team). */
  team: Id.optional(),
  /** Only announcements after this id (0 = the latest few). */
  since: z.coerce.number().int().min(0).default(0),
});

export const AnnouncementsResponse = z.object({
  announcements: z.array(AnnouncementView),
  /** The newest id: the next poll's `since`. */
  latest: z.number().int().min(0),
});
export type AnnouncementsResponse = z.infer<typeof AnnouncementsResponse>;
