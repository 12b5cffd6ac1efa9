import { z } from 'zod';
import { DisplayName, Id, Instant, LocalDate, MetricId } from './common.ts';

// Contests: a manager's time-boxed contest on one metric or on combined points, members
// against members or team against team. Rules: shared/domain/contests.ts.

/** What a contest ranks: a metric's total in the round, or `points` (all metrics combined). */
export const ContestMetric = MetricId;

export const ContestMode = z.enum(['members', 'teams']);
export type ContestMode = z.infer<typeof ContestMode>;

export const ContestRecurrence = z.enum(['once', 'daily', 'weekly', 'monthly']);

/**
 * Workdays of the team calendar after a round's last day during which its standings stay
 * provisional (late logs still count); at the end of the last one the round settles for good.
 */
export const DEFAULT_GRACE_WORKDAYS = 1;
export const MAX_GRACE_WORKDAYS = 10;
export const GraceWorkdays = z.number().int().min(0).max(MAX_GRACE_WORKDAYS);

const ContestFields = z.object({
  name: DisplayName(80),
  /** The team whose reps compete (`members`) or whose direct sub-teams compete (`teams`). */
  teamId: Id,
  metric: ContestMetric,
  mode: ContestMode.default('members'),
  recurrence: ContestRecurrence.default('once'),
  start: LocalDate,
  /** Last day, inclusive; null only for a recurring contest that runs on. */
  end: LocalDate.nullable(),
  prize: z.string().max(200).default(''),
  graceWorkdays: GraceWorkdays.default(DEFAULT_GRACE_WORKDAYS),
});

/** The schedule rules the domain also enforces, as clear 400s. */
function scheduleIssues(
  c: { recurrence?: string; start?: string; end?: string | null },
  ctx: z.RefinementCtx,
) {
  if (c.recurrence === 'once' && c.end === null) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'a one-off contest needs an end' });
  }
  if (c.start && c.end && c.end < c.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must not be before start' });
  }
}

export const CreateContestRequest = ContestFields.superRefine(scheduleIssues);
export type CreateContestRequest = z.infer<typeof CreateContestRequest>;

/** Edit: any field but the team (a contest does not move between teams); no defaults apply. */
export const UpdateContestRequest = z
  .object({
    name: ContestFields.shape.name,
    metric: ContestMetric,
    mode: ContestMode,
    recurrence: ContestRecurrence,
    start: LocalDate,
    end: LocalDate.nullable(),
    prize: z.string().max(200),
    graceWorkdays: GraceWorkdays,
  })
  .partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateContestRequest = z.infer<typeof UpdateContestRequest>;

export const ContestView = z.object({
  id: Id,
  teamId: Id,
  name: z.string(),
  metric: ContestMetric,
  mode: ContestMode,
  recurrence: ContestRecurrence,
  start: LocalDate,
  end: LocalDate.nullable(),
  prize: z.string(),
  graceWorkdays: GraceWorkdays,
  status: z.enum(['active', 'cancelled']),
  createdAt: Instant,
});
export type ContestView = z.infer<typeof ContestView>;

export const ContestListResponse = z.object({ contests: z.array(ContestView) });
export const ContestResponse = z.object({ contest: ContestView });

export const StandingsQuery = z.object({
  /** Any day of the round to show (org-local); default today. Past days show ended rounds. */
  date: LocalDate.optional(),
});

export const ContestEntry = z.object({
  rank: z.number().int().min(1),
  id: Id,
  name: z.string(),
  value: z.number().nullable(),
});
export type ContestEntry = z.infer<typeof ContestEntry>;

/**
 * The caller's (or, team against team, their team's) place and who to catch next. The place is
 * always told; the competitor ahead only as far as the team's privacy mode shows them.
 */
export const ContestYou = z.object({
  rank: z.number().int().min(1),
  of: z.number().int().min(1),
  /**
   * The nearest competitor ranked strictly above, their value and the gap. Null when the caller
   * ranks first (rank 1), and also (rank > 1) when privacy hides that competitor from the caller:
   * always in `private` (the gap would give their value away), in `top` when they are neither in
   * the top 5 nor the caller's neighbour. Team standings are not personal: never hidden.
   */
  ahead: z
    .object({ id: Id, name: z.string(), value: z.number().nullable(), by: z.number() })
    .nullable(),
});
export type ContestYou = z.infer<typeof ContestYou>;

/**
 * Whose place `you` is: `member` (the caller's own), `team` (team against team: the caller's
 * sub-team's), or `none`: the caller has no place and `you` is null — not a rep of the contest's
 * team, a manager in a members contest, or, team against team, someone who sits directly in the
 * contest's team, in none of the competing sub-teams (their logs count for no team); and on a day
 * the contest does not run.
 */
export const ContestTakingPart = z.enum(['member', 'team', 'none']);
export type ContestTakingPart = z.infer<typeof ContestTakingPart>;

/**
 * Which entries the caller is shown, by the leaderboards' privacy rules: `all` (privacy `open`,
 * a manager of the contest's team, or team against team: team standings are not personal),
 * `top` (the top 5, the caller's neighbours and the caller) or `own` (only the caller's entry;
 * none when they have no place).
 */
export const StandingsVisibility = z.enum(['all', 'top', 'own']);
export type StandingsVisibility = z.infer<typeof StandingsVisibility>;

export const ContestRoundView = z.object({
  start: LocalDate,
  end: LocalDate,
  /** The instant the round ends (midnight after its last day, org time): the countdown's goal. */
  endsAt: Instant,
  /** True once the round is over (its last day is past). */
  decided: z.boolean(),
  /**
   * The instant the round settles: midnight after the last workday of its grace
   * (`graceWorkdays`), in the team calendar's time zone.
   */
  settlesAt: Instant,
  /**
   * True until the round settles: the standings may still change (logs can be backdated into
   * it). Once false, standings and `winners` are the ones recorded at settlement and never change.
   */
  provisional: z.boolean(),
});

export const ContestStandingsResponse = z.object({
  contest: ContestView,
  /** Null when the contest does not run on the asked day. */
  round: ContestRoundView.nullable(),
  /** The round's standings as the caller may see them (`visibility`). */
  entries: z.array(ContestEntry),
  visibility: StandingsVisibility,
  you: ContestYou.nullable(),
  takingPart: ContestTakingPart,
  /**
   * Ranked first with a positive value in a settled round (ties share the honour); empty while
   * the round is provisional. Public
   * whatever the privacy mode: winners are honoured in the members' history and announced.
   */
  winners: z.array(ContestEntry),
});
export type ContestStandingsResponse = z.infer<typeof ContestStandingsResponse>;

/** The caller's running contests and those in their grace (provisional), for the sidebar. */
export const RunningContestsResponse = z.object({
  contests: z.array(
    z.object({
      contest: ContestView,
      round: ContestRoundView,
      you: ContestYou.nullable(),
      takingPart: ContestTakingPart,
    }),
  ),
});
export type RunningContestsResponse = z.infer<typeof RunningContestsResponse>;

/**
 * A board's (or TV's) running contests with their standings, and the rounds just over that have
 * not settled yet (`round.provisional`, `round.decided`).
 */
export const ContestBoardResponse = z.object({
  contests: z.array(
    z.object({
      contest: ContestView,
      round: ContestRoundView,
      /** As the board's viewer may see them (a TV link sees what its manager sees). */
      entries: z.array(ContestEntry),
      visibility: StandingsVisibility,
      takingPart: ContestTakingPart,
    }),
  ),
});
export type ContestBoardResponse = z.infer<typeof ContestBoardResponse>;
