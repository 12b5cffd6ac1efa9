/**
 * Which celebrations to show after the numbers moved: milestones crossed (once per period and
 * threshold, shared/domain's rule) and a tier reached. The first view of a period only records
 * what is already reached, so signing in at 60 % does not set off old fireworks.
 */
import { crossedMilestones } from '../../shared/domain/milestones.ts';
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
      periodStart: record.periodStart,
      fired: [...record.fired, ...crossed],
      tierIndex: Math.max(record.tierIndex, tierIndex),
    },
  };
}
