import { MIN_RECORD_STREAK } from './announcements.ts';

// A member's own moments, told once each in their sidebar: a streak milestone, a personal record
// (a streak longer than any before) and passing a colleague on the team's board. Pure decisions
// over what was last seen and what is now; the caller keeps `seen` (keys of moments already
// told) and the last figures, persisted, so a reload or a second device tells nothing again.
// Tiers and target milestones: shared/domain/milestones.ts and tiers.ts.

/** Streak lengths worth a moment. */
export const STREAK_MILESTONES: readonly number[] = Object.freeze([
  5, 10, 20, 30, 50, 100, 200, 365,
]);

export type Moment =
  | { kind: 'streak'; days: number; key: string }
  | { kind: 'record'; days: number; key: string }
  | { kind: 'passed'; name: string; rank: number; key: string };

/** A colleague on the board the member is ranked on, and their attainment (null: no target). */
export type Colleague = { id: string; name: string; percent: number | null };

/** What was known when moments were last looked for. */
export type MomentsBefore = {
  /** The longest streak then (the record to beat). */
  longest: number;
  /** The member's attainment then (null: no target, or not known). */
  percent: number | null;
};

export type MomentsInput = {
  before: MomentsBefore;
  streak: { current: number } | null;
  percent: number | null;
  /** Colleagues on the board (the member left out). */
  colleagues: readonly Colleague[];
  seen: ReadonlySet<string>;
};

/** The member's place: 1 + colleagues strictly ahead (ties share a place). */
export function rankAmong(percent: number, colleagues: readonly Colleague[]): number {
  return 1 + colleagues.filter((c) => c.percent !== null && c.percent > percent).length;
}

/**
 * The moments between `before` and now, not in `seen`, in the order to tell them:
 * - a personal record once the streak beats the longest before and is at least
 *   {@link MIN_RECORD_STREAK} days (then the same length's milestone is not told as well);
 * - else the highest {@link STREAK_MILESTONES} step the streak has reached;
 * - each colleague the member's attainment went past: at or above the member before, below now.
 */
export function momentsFor(input: MomentsInput): Moment[] {
  const moments: Moment[] = [];
  const days = input.streak?.current ?? 0;
  const isRecord = days > input.before.longest && days >= MIN_RECORD_STREAK;
  const step = [...STREAK_MILESTONES].reverse().find((n) => days >= n);
  // One record per period: the days after the first only extend the same run.
  if (isRecord && !input.seen.has('record')) {
    moments.push({ kind: 'record', days, key: 'record' });
  } else if (step !== undefined && !input.seen.has(`streak:${step}`)) {
    moments.push({ kind: 'streak', days: step, key: `streak:${step}` });
  }
  const before = input.before.percent;
  const now = input.percent;
  if (before !== null && now !== null && now > before) {
    const rank = rankAmong(now, input.colleagues);
    for (const c of input.colleagues) {
      if (c.percent === null || c.percent < before || c.percent >= now) continue;
      // Once per colleague (and period): trading places back and forth is not news each time.
      const key = `passed:${c.id}`;
      if (!input.seen.has(key)) moments.push({ kind: 'passed', name: c.name, rank, key });
    }
  }
  return moments;
}

/**
 * Keys of what is already true now, to mark as seen without telling it (the first look in a
 * period: signing in on a 12-day streak sets off no old fireworks).
 */
export function momentsAlreadyTrue(days: number): string[] {
  return STREAK_MILESTONES.filter((n) => days >= n).map((n) => `streak:${n}`);
}
