import { z } from 'zod';
import { Id, Instant, LocalDate, MetricId } from './common.ts';

// Competitions (spec §2 "Competitions and announcements"): a manager's time-boxed contest on one
// metric or on combined points, members against members or team against team.

/** What a competition ranks: a metric's total in the round, or `points` (all metrics combined). */
export const CompetitionMetric = MetricId;

export const CompetitionMode = z.enum(['members', 'teams']);
export type CompetitionMode = z.infer<typeof CompetitionMode>;

export const CompetitionRecurrence = z.enum(['once', 'daily', 'weekly', 'monthly']);

const CompetitionFields = z.object({
  name: z.string().trim().min(1).max(80),
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

/** The caller's (or, team against team, their team's) place and who to catch next. */
export const CompetitionYou = z.object({
  rank: z.number().int().min(1),
  of: z.number().int().min(1),
  ahead: z
    .object({ id: Id, name: z.string(), value: z.number().nullable(), by: z.number() })
    .nullable(),
});
export type CompetitionYou = z.infer<typeof CompetitionYou>;

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
  entries: z.array(CompetitionEntry),
  you: CompetitionYou.nullable(),
  /** Ranked first with a positive value in a decided round (ties share the honour). */
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
      entries: z.array(CompetitionEntry),
    }),
  ),
});
export type CompetitionBoardResponse = z.infer<typeof CompetitionBoardResponse>;
