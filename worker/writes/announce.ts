/**
 * Writes announcements. Each has a key unique in its org, so whoever records a moment first
 * announces it and every retry or other device adds nothing. A write that added something bumps
 * the org's change counter, so polling boards and sidebars see it on their next poll.
 */
import { eq, sql } from 'drizzle-orm';
import type { OrgSettings } from '../../shared/api/index.ts';
import {
  type AnnouncementRules,
  announcementsFor,
  DEFAULT_ANNOUNCEMENT_RULES,
} from '../../shared/domain/announcements.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { announcements, orgs } from '../db/schema.ts';

export type Moment = {
  key: string;
  kind: (typeof announcements.$inferInsert)['kind'];
  payload: Record<string, string | number>;
};

export const rulesOf = (settings: OrgSettings): AnnouncementRules & { milestoneReached: boolean } =>
  settings.announcements ?? { ...DEFAULT_ANNOUNCEMENT_RULES, milestoneReached: true };

/**
 * What a member's current progress announces: the tier they stand on in the tier period (keyed
 * by period and tier, so reaching it is told once and falling back is not news) and milestones
 * this read recorded first.
 */
export function progressMoments(
  settings: OrgSettings,
  memberId: string,
  tierPeriodStart: string,
  tier: string | null,
  justReached: ReadonlySet<number>,
): Moment[] {
  const rules = rulesOf(settings);
  const moments: Moment[] = announcementsFor({
    rules,
    primaryMetric: settings.primaryMetric,
    ladder: settings.tiers.ladder,
    tierBefore: null,
    tierAfter: tier,
    longestStreakBefore: 0,
    currentStreakAfter: 0,
  }).flatMap((a) =>
    a.kind === 'tier_reached'
      ? [
          {
            key: `tier:${memberId}:${tierPeriodStart}:${a.tier}`,
            kind: 'tier_reached',
            payload: { tier: a.tier },
          },
        ]
      : [],
  );
  if (rules.milestoneReached) {
    for (const percent of justReached) {
      moments.push({
        key: `milestone:${memberId}:${tierPeriodStart}:${percent}`,
        kind: 'milestone',
        payload: { percent },
      });
    }
  }
  return moments;
}

/** Records the moments of `member` not announced before. Cost: one insert (+ one counter bump). */
export async function announce(
  db: Db,
  member: MemberRow,
  moments: Moment[],
  now: Date,
): Promise<void> {
  if (moments.length === 0) return;
  const inserted = await db
    .insert(announcements)
    .values(
      moments.map((m) => ({
        orgId: member.orgId,
        key: m.key,
        kind: m.kind,
        memberId: member.id,
        teamId: member.teamId,
        memberName: member.name,
        payload: JSON.stringify(m.payload),
        createdAt: now.toISOString(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: announcements.id });
  if (inserted.length === 0) return;
  await db
    .update(orgs)
    .set({ version: sql`${orgs.version} + 1` })
    .where(eq(orgs.id, member.orgId))
    .run();
}
