/**
 * Writes announcements. Each has a key unique in its org, so whoever records a moment first
 * announces it and every retry or other device adds nothing. A write that added something bumps
 * the org's change counter, so polling boards and sidebars see it on their next poll.
 */
import type { OrgSettings } from '../../shared/api/index.ts';
import { announcementRulesOf, announcementsFor } from '../../shared/domain/announcements.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { announcements } from '../db/schema.ts';
import { bumpVersion } from '../orgs/version.ts';

export type Moment = {
  key: string;
  kind: (typeof announcements.$inferInsert)['kind'];
  payload: Record<string, string | number>;
};

/**
 * What a member's current progress announces: the tier they stand on in the tier period (keyed
 * by period and tier, so reaching it is told once and falling back is not news), milestones this
 * read recorded first, and a current streak longer than the member's remembered record.
 */
export function progressMoments(
  settings: OrgSettings,
  member: Pick<MemberRow, 'id' | 'longestStreak'>,
  now: {
    tierPeriodStart: string;
    tier: string | null;
    justReached: ReadonlySet<number>;
    currentStreak: number;
  },
): Moment[] {
  const rules = announcementRulesOf(settings);
  const found = announcementsFor({
    rules,
    primaryMetric: settings.primaryMetric,
    ladder: settings.tiers.ladder,
    tierBefore: null,
    tierAfter: now.tier,
    longestStreakBefore: member.longestStreak,
    currentStreakAfter: now.currentStreak,
  });
  const moments: Moment[] = found.flatMap((a): Moment[] => {
    if (a.kind === 'tier_reached') {
      const key = `tier:${member.id}:${now.tierPeriodStart}:${a.tier}`;
      return [{ key, kind: 'tier_reached', payload: { tier: a.tier } }];
    }
    if (a.kind === 'streak_record') {
      const key = `streak:${member.id}:${a.days}`;
      return [{ key, kind: 'streak_record', payload: { days: a.days } }];
    }
    return [];
  });
  if (rules.milestoneReached) {
    for (const percent of now.justReached) {
      moments.push({
        key: `milestone:${member.id}:${now.tierPeriodStart}:${percent}`,
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
  // Boards poll announcements by `orgs.version`.
  await bumpVersion(db, member.orgId, 'board').run();
}
