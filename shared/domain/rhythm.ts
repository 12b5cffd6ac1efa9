import type { LocalDate } from '../api/index.ts';
import { isWorkday, periodContaining, type WorkCalendar } from './calendar.ts';
import { addDays, localDateOf, localMinutesOf, zonedInstant } from './dates.ts';

// The daily rhythm of a rep: plan the day in the morning, review it in the evening and review the
// week on its last workday. Which of these is due at a given instant (on the team's calendar, in
// the time zone the member's day is counted in), and what the morning plan says. The sidebar and
// the background's reminder both read these rules.

/** When the day's review is offered, local time. */
export const DEFAULT_REVIEW_AT = '17:00';

/** A review the sidebar offers: the day's, or the week's on its last workday. */
export type ReviewOffer = { period: 'day' | 'week'; start: LocalDate };

export type RhythmMoment = {
  /** The member's local date. */
  date: LocalDate;
  workday: boolean;
  /** The morning plan is due: a workday, before the review time. */
  plan: boolean;
  /** Reviews offered from the review time on a workday: the day's, then the week's on its last workday. */
  reviews: ReviewOffer[];
};

const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

/** True on the last workday of its week (no later workday before the week ends). */
export function isLastWorkdayOfWeek(date: LocalDate, cal: WorkCalendar): boolean {
  if (!isWorkday(date, cal)) return false;
  const { end } = periodContaining('week', date, cal);
  for (let day = addDays(date, 1); day <= end; day = addDays(day, 1)) {
    if (isWorkday(day, cal)) return false;
  }
  return true;
}

/**
 * What the daily rhythm offers at `now`: nothing on a day off (weekend, holiday); on a workday
 * (make-up days included) the morning plan before `reviewAt` and the day's review from it, plus
 * the week's review on the week's last workday.
 */
export function rhythmAt(
  now: number,
  timeZone: string,
  cal: WorkCalendar,
  reviewAt: string = DEFAULT_REVIEW_AT,
): RhythmMoment {
  const date = localDateOf(now, timeZone);
  const workday = isWorkday(date, cal);
  const evening = localMinutesOf(now, timeZone) >= minutesOf(reviewAt);
  const reviews: ReviewOffer[] = [];
  if (workday && evening) {
    reviews.push({ period: 'day', start: date });
    if (isLastWorkdayOfWeek(date, cal)) {
      reviews.push({ period: 'week', start: periodContaining('week', date, cal).start });
    }
  }
  return { date, workday, plan: workday && !evening, reviews };
}

/** A month ahead is always enough: no calendar has four weeks without a workday. */
const LOOK_AHEAD_DAYS = 31;

/**
 * The first instant after `afterMs` that is `time` (HH:MM) on a workday in `timeZone`, as epoch
 * ms; null when the calendar has no workday in the next month. A DST change moves the instant,
 * never the local time.
 */
export function nextWorkdayAt(
  time: string,
  timeZone: string,
  cal: WorkCalendar,
  afterMs: number,
): number | null {
  const today = localDateOf(afterMs, timeZone);
  for (let i = -1; i <= LOOK_AHEAD_DAYS; i++) {
    const day = addDays(today, i);
    if (!isWorkday(day, cal)) continue;
    const at = zonedInstant(day, time, timeZone).getTime();
    if (at > afterMs) return at;
  }
  return null;
}

/** A contest as the plan reads it (callers pass their own, richer shape through). */
export type PlanContest = {
  id: string;
  rank: number;
  of: number;
  ahead: { name: string; by: number } | null;
  endsAt: string;
  provisional?: boolean;
};

/** What the morning plan is made from: today's figures as the member's sidebar has them. */
export type PlanInput<C extends PlanContest = PlanContest> = {
  /** Count metrics with today's quota (or target) and what is done so far. */
  quotas: readonly { metric: string; done: number; quota: number }[];
  /** The primary metric's progress in the incentive period; null without one. */
  primary: {
    metric: string;
    achieved: number;
    target: number;
    neededPerWorkday: number;
    /** Workdays left, today's unelapsed part included. */
    remainingWorkdays?: number | null;
  } | null;
  /** The member's contests; rounds already over (provisional) are left out of the plan. */
  contests: readonly C[];
  /** Customers due for contact today, most pressing first (when the team tracks customers). */
  due?: readonly { id: string; name: string }[];
};

/** How many contests and due customers the plan names; the rest are counted. */
export const PLAN_CONTESTS_SHOWN = 3;
export const PLAN_DUE_SHOWN = 5;

export type MorningPlan<C extends PlanContest = PlanContest> = {
  /** Each quota for today with what is left of it. */
  quotas: { metric: string; quota: number; done: number; left: number }[];
  /**
   * The primary metric needed today to stay on pace: the period's shortfall spread over its
   * remaining workdays, today first (the whole shortfall on the last day), rounded up to a whole
   * unit. `reached`: the target is already met. Null without a target.
   */
  pace: { metric: string; needed: number; lastDay: boolean; reached: boolean } | null;
  /** Running contests, the one ending first first: the place and the gap to the one ahead. */
  contests: C[];
  moreContests: number;
  due: { id: string; name: string }[];
  moreDue: number;
  /** Nothing to plan: no quota, target, contest or customer due. */
  empty: boolean;
};

/** The morning plan: today's quotas, the pace money, contest places and who is due. */
export function morningPlan<C extends PlanContest>(input: PlanInput<C>): MorningPlan<C> {
  const quotas = input.quotas
    .filter((q) => q.quota > 0)
    .map((q) => ({ ...q, left: Math.max(0, q.quota - q.done) }));
  const p = input.primary;
  const pace =
    p && p.target > 0
      ? {
          metric: p.metric,
          needed: Math.max(0, Math.ceil(p.neededPerWorkday - 1e-9)),
          lastDay:
            p.remainingWorkdays !== undefined &&
            p.remainingWorkdays !== null &&
            p.remainingWorkdays <= 1,
          reached: p.achieved >= p.target,
        }
      : null;
  const running = input.contests
    .filter((c) => !c.provisional)
    .sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt));
  const due = input.due ?? [];
  return {
    quotas,
    pace,
    contests: running.slice(0, PLAN_CONTESTS_SHOWN),
    moreContests: Math.max(0, running.length - PLAN_CONTESTS_SHOWN),
    due: due.slice(0, PLAN_DUE_SHOWN).map(({ id, name }) => ({ id, name })),
    moreDue: Math.max(0, due.length - PLAN_DUE_SHOWN),
    empty: quotas.length === 0 && pace === null && running.length === 0 && due.length === 0,
  };
}
