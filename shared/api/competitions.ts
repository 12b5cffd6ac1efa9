import { z } from 'zod';
import { DisplayName, Id, Instant, LocalDate, MetricId } from './common.ts';

// Competitions: a manager's time-boxed contest on one metric or on combined points, members
// against members or team against team. Rules: shared/domain/competitions.ts.

/** What a competition ranks: a metric's total in the round, or `points` (all metrics combined). */
export const CompetitionMetric = MetricId;

export const CompetitionMode = z.enum(['members', 'teams']);
export type CompetitionMode = z.infer<typeof CompetitionMode>;

export const CompetitionRecurrence = z.enum(['once', 'daily', 'weekly', 'monthly']);

const CompetitionFields = z.object({
  name: DisplayName(80),
  /** The team whose reps compete (`members`) or whose direct sub-teams compete (`teams`). */
  teamId: Id,
  metric: CompetitionMetric,
  mode: CompetitionMode.default('members'),
  recurrence: CompetitionRecurrence.default('once'),
  start: LocalDate,
  /** Last day, inclusive; null only for a recurring competition that runs on. */
  end: LocalDate.nullable(),
  prize: z.string().max(200).default(''),
});

/** The schedule rules the domain also enforces, as clear 400s. */
function scheduleIssues(
  c: { recurrence?: string; start?: string; end?: string | null },
  ctx: z.RefinementCtx,
) {
  if (c.recurrence === 'once' && c.end === null) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'a one-off competition needs an end' });
  }
  if (c.start && c.end && c.end < c.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must not be before start' });
  }
}

export const CreateCompetitionRequest = CompetitionFields.superRefine(scheduleIssues);
export type CreateCompetitionRequest = z.infer<typeof CreateCompetitionRequest>;

/** Edit: any field but the team (a contest does not move between teams); no defaults apply. */
export const UpdateCompetitionRequest = z
  .object({
    name: CompetitionFields.shape.name,
    metric: CompetitionMetric,
    mode: CompetitionMode,
    recurrence: CompetitionRecurrence,
    start: LocalDate,
    end: LocalDate.nullable(),
    prize: z.string().max(200),
  })
  .partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateCompetitionRequest = z.infer<typeof UpdateCompetitionRequest>;

export const CompetitionView = z.object({
  id: Id,
  teamId: Id,
  name: z.string(),
  metric: CompetitionMetric,
  mode: CompetitionMode,
  recurrence: CompetitionRecurrence,
  start: LocalDate,
  end: LocalDate.nullable(),
  prize: z.string(),
  status: z.enum(['active', 'cancelled']),
  createdAt: Instant,
});
export type CompetitionView = z.infer<typeof CompetitionView>;

export const CompetitionListResponse = z.object({ competitions: z.array(CompetitionView) });
export const CompetitionResponse = z.object({ competition: CompetitionView });

export const StandingsQuery = z.object({
  /** Any day of the round to show (org-local); default today. Past days show decided rounds. */
  date: LocalDate.optional(),
});

export const CompetitionEntry = z.object({
  rank: z.number().int().min(1),
  id: Id,
  name: z.string(),
  value: z.number().nullable(),
});
export type CompetitionEntry = z.infer<typeof CompetitionEntry>;

/**
 * The caller's (or, team against team, their team's) place and who to catch next. The place is
 * always told; the competitor ahead only as far as the team's privacy mode shows them.
 */
export const CompetitionYou = z.object({
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
export type CompetitionYou = z.infer<typeof CompetitionYou>;

/**
 * Whose place `you` is: `member` (the caller's own), `team` (team against team: the caller's
 * sub-team's), or `none`: the caller has no place and `you` is null — not a rep of the contest's
 * team, a manager in a members contest, or, team against team, someone who sits directly in the
 * contest's team, in none of the competing sub-teams (their logs count for no team); and on a day
 * the contest does not run.
 */
export const CompetitionTakingPart = z.enum(['member', 'team', 'none']);
export type CompetitionTakingPart = z.infer<typeof CompetitionTakingPart>;

/**
 * Which entries the caller is shown, by the leaderboards' privacy rules: `all` (privacy `open`,
 * a manager of the contest's team, or team against team: team standings are not personal),
 * `top` (the top 5, the caller's neighbours and the caller) or `own` (only the caller's entry;
 * none when they have no place).
 */
export const StandingsVisibility = z.enum(['all', 'top', 'own']);
export type StandingsVisibility = z.infer<typeof StandingsVisibility>;

export const CompetitionRoundView = z.object({
  start: LocalDate,
  end: LocalDate,
  /** The instant the round ends (midnight after its last day, org time): the countdown's goal. */
  endsAt: Instant,
  /** True once the round is over: `winners` are then its honours. */
  decided: z.boolean(),
});

export const CompetitionStandingsResponse = z.object({
  competition: CompetitionView,
  /** Null when the competition does not run on the asked day. */
  round: CompetitionRoundView.nullable(),
  /** The round's standings as the caller may see them (`visibility`). */
  entries: z.array(CompetitionEntry),
  visibility: StandingsVisibility,
  you: CompetitionYou.nullable(),
  takingPart: CompetitionTakingPart,
  /**
   * Ranked first with a positive value in a decided round (ties share the honour). Public
   * whatever the privacy mode: winners are honoured in the members' history and announced.
   */
  winners: z.array(CompetitionEntry),
});
export type CompetitionStandingsResponse = z.infer<typeof CompetitionStandingsResponse>;

/** The caller's running contests, for the sidebar. */
export const RunningCompetitionsResponse = z.object({
  competitions: z.array(
    z.object({
      competition: CompetitionView,
      round: CompetitionRoundView,
      you: CompetitionYou.nullable(),
      takingPart: CompetitionTakingPart,
    }),
  ),
});
export type RunningCompetitionsResponse = z.infer<typeof RunningCompetitionsResponse>;

/** A board's (or TV's) running contests with their standings. */
export const CompetitionBoardResponse = z.object({
  competitions: z.array(
    z.object({
      competition: CompetitionView,
      round: CompetitionRoundView,
      /** As the board's viewer may see them (a TV link sees what its manager sees). */
      entries: z.array(CompetitionEntry),
      visibility: StandingsVisibility,
      takingPart: CompetitionTakingPart,
    }),
  ),
});
export type CompetitionBoardResponse = z.infer<typeof CompetitionBoardResponse>;
