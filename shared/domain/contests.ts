import type { LocalDate, Period, PrivacyMode } from '../api/index.ts';
import { isWorkday, periodContaining, type WorkCalendar } from './calendar.ts';
import { addDays, earlierDate, laterDate, zonedInstant } from './dates.ts';
import { applyPrivacy, type Ranked, type RankInput } from './leaderboard.ts';

// Contests (docs/architecture.md, "Contests"): time-boxed contests, one-off or recurring, ranked like leaderboards, shown to a rep as "you are 3rd, 2 visits behind Li Lei,
// ends Friday".

export type Recurrence = 'once' | 'daily' | 'weekly' | 'monthly';

/** When a contest runs: one round from `start` to `end`, or recurring rounds within them. */
export type ContestSchedule = {
  start: LocalDate;
  /** Last day, inclusive; for a recurring contest, null runs it on with no end. */
  end: LocalDate | null;
  recurrence: Recurrence;
};

/** One round of a contest; `start` and `end` are inclusive. */
export type ContestRound = Pick<Period, 'start' | 'end'>;

const ROUND_KIND = { daily: 'day', weekly: 'week', monthly: 'month' } as const;

/**
 * The round running on `date`, or null when the contest is not on that day. Recurring rounds
 * follow the team calendar's days, weeks (by its week start) and months, clipped to the schedule,
 * so a weekly contest created on a Wednesday has a short first round and then runs week by week.
 * A one-off contest without an end is a RangeError: it would never be decided.
 */
export function contestRound({
  schedule,
  date,
  cal,
}: {
  schedule: ContestSchedule;
  date: LocalDate;
  cal: WorkCalendar;
}): ContestRound | null {
  if (schedule.recurrence === 'once' && schedule.end === null) {
    throw new RangeError('a one-off contest needs an end date');
  }
  if (schedule.end !== null && schedule.end < schedule.start) {
    throw new RangeError(`the contest ends (${schedule.end}) before it starts (${schedule.start})`);
  }
  if (date < schedule.start || (schedule.end !== null && date > schedule.end)) return null;
  if (schedule.recurrence === 'once') return { start: schedule.start, end: schedule.end ?? date };
  const period = periodContaining(ROUND_KIND[schedule.recurrence], date, cal);
  return {
    start: laterDate(period.start, schedule.start),
    end: schedule.end === null ? period.end : earlierDate(period.end, schedule.end),
  };
}

/**
 * A round's grace, in workdays after its last day: logs may still be backdated into it (late
 * entries, a weekend's calls typed on Monday) until the end of the grace's last workday, and then
 * the round settles: its standings and winners are final. 0 settles it at its own end. The bounds
 * a contest may choose are the contract's (`GraceWorkdays` in shared/api/contests.ts).
 */
/**
 * However the calendar is set (a long holiday, a calendar with hardly any workdays), a grace ends
 * at most this many days after the round, so every round settles.
 */
export const MAX_GRACE_DAYS = 62;

/**
 * The last day of a round's grace: the `graceWorkdays`-th workday of the team calendar after
 * `roundEnd` (holidays skipped, make-up workdays counted), or `roundEnd` itself when 0; never
 * later than {@link MAX_GRACE_DAYS} after it.
 */
export function graceLastDay(
  roundEnd: LocalDate,
  graceWorkdays: number,
  cal: WorkCalendar,
): LocalDate {
  if (!Number.isInteger(graceWorkdays) || graceWorkdays < 0) {
    throw new RangeError(`a grace is a whole number of workdays, not ${graceWorkdays}`);
  }
  let day = roundEnd;
  for (let left = graceWorkdays, i = 0; left > 0 && i < MAX_GRACE_DAYS; i++) {
    day = addDays(day, 1);
    if (isWorkday(day, cal)) left--;
  }
  return day;
}

/** Where a round stands: running, over but provisional (in its grace), or settled. */
export type RoundSettlement = {
  /** The round's last day is behind `today`. */
  over: boolean;
  /** The results are final: `today` is after the grace's last day. */
  settled: boolean;
  /** The instant it settles (midnight after the grace's last day, in the calendar's time zone). */
  settlesAt: Date;
};

/**
 * When `round` settles and whether it has by `today` (the org-local date). Decided by local
 * dates only, so every read on the same local day agrees, whatever the clock within that day.
 */
export function roundSettlement({
  round,
  graceWorkdays,
  cal,
  timeZone,
  today,
}: {
  round: ContestRound;
  graceWorkdays: number;
  cal: WorkCalendar;
  timeZone: string;
  today: LocalDate;
}): RoundSettlement {
  const last = graceLastDay(round.end, graceWorkdays, cal);
  return {
    over: today > round.end,
    settled: today > last,
    settlesAt: zonedInstant(addDays(last, 1), '00:00', timeZone),
  };
}

/** The viewer's place in a contest and who to catch next. */
export type ContestStanding = {
  rank: number;
  of: number;
  /** The nearest competitor ranked strictly above, and by how much the viewer trails; null when first. */
  ahead: { id: string; name: string; value: number | null; by: number } | null;
};

/**
 * The viewer's standing in a ranked contest (from `rankEntries`), or null when they are not
 * in it. `ahead` is the last entry whose value beats the viewer's (ties do not count as ahead).
 */
export function contestStanding<T extends RankInput>({
  ranked,
  viewerId,
}: {
  ranked: readonly Ranked<T>[];
  viewerId: string;
}): ContestStanding | null {
  const viewer = ranked.find((entry) => entry.id === viewerId);
  if (!viewer) return null;
  const better = ranked.filter((entry) => entry.rank < viewer.rank);
  const nearest = better.at(-1);
  return {
    rank: viewer.rank,
    of: ranked.length,
    ahead: nearest
      ? {
          id: nearest.id,
          name: nearest.name,
          value: nearest.value,
          by: (nearest.value ?? 0) - (viewer.value ?? 0),
        }
      : null,
  };
}

/**
 * Team against team, the contest team's direct sub-teams compete: with fewer than this many
 * nobody could win.
 */
export const MIN_COMPETING_TEAMS = 2;

/** What a viewer's standings show: every entry, the `top` board's entries, or their own only. */
export type StandingsVisibility = 'all' | 'top' | 'own';

/**
 * A contest's standings as the viewer may see them, by the leaderboards' own rules
 * ({@link applyPrivacy}): in a members contest the team's privacy mode applies (managers of the
 * contest's team see everyone); team against team, standings are not personal and everyone sees
 * every team (as the leaderboard's ranking of teams). The viewer's standing is theirs whatever
 * the mode, but the competitor ahead (name, value and gap, which gives the value away) is told
 * only when that entry is on the viewer's board: never in `private`, and in `top` only when it is
 * in the top 5 or the viewer's neighbour. `you.ahead` is then null although `you.rank` > 1.
 */
export function visibleStandings<T extends RankInput>({
  ranked,
  viewerId,
  contenders,
  privacy,
  viewerIsManager,
  managed,
}: {
  ranked: readonly Ranked<T>[];
  /** The viewer's entry id: their member id, or team against team their sub-team's id. */
  viewerId: string;
  contenders: 'members' | 'teams';
  privacy: PrivacyMode;
  /** A manager of the contest's team (or above). */
  viewerIsManager: boolean;
  /** The viewer's own reports (a manager of a sub-team): shown in every mode. */
  managed?: ReadonlySet<string>;
}): { entries: Ranked<T>[]; you: ContestStanding | null; visibility: StandingsVisibility } {
  const mode = contenders === 'teams' ? 'open' : privacy;
  const { entries } = applyPrivacy({
    ranked,
    mode,
    viewerId,
    viewerIsManager,
    ...(managed ? { managed } : {}),
  });
  const standing = contestStanding({ ranked, viewerId });
  const shown = new Set(entries.map((entry) => entry.id));
  const you =
    standing?.ahead && !shown.has(standing.ahead.id) ? { ...standing, ahead: null } : standing;
  const visibility: StandingsVisibility =
    viewerIsManager || mode === 'open' ? 'all' : mode === 'top' ? 'top' : 'own';
  return { entries, you, visibility };
}

/**
 * Team-against-team totals: each team's value is the sum of its members' values (members
 * without a value add nothing; a team where nobody has one has null). Rank the result with
 * `rankEntries`.
 */
export function teamTotals(
  members: readonly { teamId: string; value: number | null }[],
  teams: readonly { id: string; name: string }[],
): { id: string; name: string; value: number | null }[] {
  return teams.map((team) => {
    const values = members
      .filter((m) => m.teamId === team.id && m.value !== null)
      .map((m) => m.value ?? 0);
    return { ...team, value: values.length > 0 ? values.reduce((a, b) => a + b, 0) : null };
  });
}
