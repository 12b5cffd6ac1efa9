/**
 * Which celebrations to show after the numbers moved: milestones crossed (once per period and
 * threshold, shared/domain's rule) and a tier reached. The first view of a period only records
 * what is already reached, so signing in at 60 % does not set off old fireworks.
 */
import type { LeaderboardResponse } from '../../shared/api/progress.ts';
import { crossedMilestones } from '../../shared/domain/milestones.ts';
import { type Moment, momentsAlreadyTrue, momentsFor } from '../../shared/domain/moments.ts';
import type { CelebrationRecord } from '../platform/storage.ts';
import type { SidebarView } from '../platform/view.ts';

export type Celebration =
  | { kind: 'milestone'; threshold: number }
  | { kind: 'tier'; threshold: number; tierName: { en: string; zh: string } };

export function celebrationsFor(
  view: SidebarView,
  record: CelebrationRecord | null,
  firedOnServer: number[],
): { celebrations: Celebration[]; record: CelebrationRecord | null } {
  if (!view.period || !view.primary || !view.tier) return { celebrations: [], record };
  const tierIndex = view.tier.ladder.findIndex((r) => r.id === view.tier?.current?.id);
  const crossed = crossedMilestones({
    percent: view.primary.percent,
    alreadyFired: [
      ...(record?.periodStart === view.period.start ? record.fired : []),
      ...firedOnServer,
    ],
  });
  if (!record || record.periodStart !== view.period.start) {
    return {
      celebrations: [],
      record: { periodStart: view.period.start, fired: [...firedOnServer, ...crossed], tierIndex },
    };
  }
  const celebrations: Celebration[] = [];
  const top = crossed.at(-1);
  if (top !== undefined) celebrations.push({ kind: 'milestone', threshold: top });
  const current = view.tier.current;
  if (current && tierIndex > record.tierIndex) {
    celebrations.push({ kind: 'tier', threshold: current.threshold, tierName: current.name });
  }
  return {
    celebrations,
    record: {
      ...record,
      fired: [...record.fired, ...crossed],
      tierIndex: Math.max(record.tierIndex, tierIndex),
    },
  };
}

/**
 * The member's own moments (shared/domain/moments.ts) since the record was last written: a
 * streak milestone, a personal record, each colleague on the team's board they went past. The
 * record keeps what was told (`seen`) and the figures last looked at, in storage, so neither a
 * reload nor a new sync tells a moment again. The first look in a period only records.
 */
export function ownMoments(
  view: SidebarView,
  board: LeaderboardResponse | null | undefined,
  memberId: string | null,
  record: CelebrationRecord | null,
): { moments: Moment[]; record: CelebrationRecord | null } {
  if (!view.period || !record || record.periodStart !== view.period.start) {
    return { moments: [], record };
  }
  const percent = view.primary?.percent ?? null;
  const days = view.streak?.current ?? 0;
  const longest = Math.max(record.longest ?? 0, view.streak?.longest ?? 0);
  if (record.seen === undefined) {
    return { moments: [], record: { ...record, seen: momentsAlreadyTrue(days), longest, percent } };
  }
  const colleagues =
    board && board.period.start === view.period.start
      ? board.entries
          .filter((e) => e.member.id !== memberId && e.standing === undefined)
          .map((e) => ({ id: e.member.id, name: e.member.name, percent: e.percent }))
      : [];
  const moments = momentsFor({
    before: { longest: record.longest ?? 0, percent: record.percent ?? null },
    streak: view.streak,
    percent,
    colleagues,
    seen: new Set(record.seen),
  });
  // Steps at or below today's streak are told now or outdone by what is: never told later.
  const seen = [
    ...new Set([...record.seen, ...moments.map((m) => m.key), ...momentsAlreadyTrue(days)]),
  ];
  return { moments, record: { ...record, seen, longest, percent } };
}
