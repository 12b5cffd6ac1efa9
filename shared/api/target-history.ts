import { z } from 'zod';
import { Id, LocalDate, MetricId, Period, PeriodKind, Role } from './common.ts';
import { SplitOver, StoredTeamSplit } from './targets.ts';

// What targets carry beyond their value: their history (who changed what, when, why), the
// closed periods a manager has opened again, and how a team target is allocated level by level.

/** One change of a target: `old` is null when it was created, `new` null when it was deleted. */
export const TargetChange = z.object({
  id: Id,
  targetId: Id,
  metric: MetricId,
  period: z.object({ kind: PeriodKind, start: LocalDate }),
  old: z.number().nullable(),
  new: z.number().nullable(),
  reason: z.string().nullable(),
  by: z.object({ id: Id, name: z.string() }),
  at: z.string(),
});
export type TargetChange = z.infer<typeof TargetChange>;
/** `DELETE /targets/:id?reason=…`: why, kept in the history. */
export const DeleteTargetQuery = z.object({ reason: z.string().trim().max(200).optional() });

export const GetTargetChangesResponse = z.object({ changes: z.array(TargetChange) });

/** A manager opens closed periods of a team's subtree again (the adjustment window). */
export const ReopenRequest = z
  .object({
    teamId: Id,
    start: LocalDate,
    end: LocalDate,
    reason: z.string().trim().min(1).max(200),
  })
  .refine((r) => r.start <= r.end, { message: 'start must not be after end', path: ['end'] });
export type ReopenRequest = z.infer<typeof ReopenRequest>;

export const ReopeningView = z.object({
  id: Id,
  teamId: Id,
  start: LocalDate,
  end: LocalDate,
  reason: z.string(),
  openedBy: Id,
  openedAt: z.string(),
  closedBy: Id.nullable(),
  closedAt: z.string().nullable(),
});
export type ReopeningView = z.infer<typeof ReopeningView>;
export const ReopeningResponse = z.object({ reopening: ReopeningView });
export const ReopeningsResponse = z.object({ reopenings: z.array(ReopeningView) });

/** Whether what a level hands on adds up to its target. */
export const AllocationStatus = z.enum(['exact', 'under', 'over']);
export type AllocationStatus = z.infer<typeof AllocationStatus>;

/**
 * One team of an allocation tree: its target for the period (its own, or its share of the
 * nearest level above that allocates to sub-teams), what it hands on (to sub-teams or reps) and
 * the gap (target − allocated; negative when over-allocated).
 */
export type AllocationLevel = {
  teamId: string;
  name: string;
  target: number | null;
  source: 'own' | 'allocated' | null;
  over: SplitOver;
  split: z.infer<typeof StoredTeamSplit> | null;
  allocated: number;
  gap: number;
  status: AllocationStatus | null;
  reps: { memberId: string; value: number }[];
  children: AllocationLevel[];
};
export const AllocationLevel: z.ZodType<AllocationLevel> = z.lazy(() =>
  z.object({
    teamId: Id,
    name: z.string(),
    target: z.number().nullable(),
    source: z.enum(['own', 'allocated']).nullable(),
    over: SplitOver,
    split: StoredTeamSplit.nullable(),
    allocated: z.number(),
    gap: z.number(),
    status: AllocationStatus.nullable(),
    reps: z.array(z.object({ memberId: Id, value: z.number() })),
    children: z.array(AllocationLevel),
  }),
);

export const AllocationQuery = z.object({
  team: Id,
  metric: MetricId,
  kind: PeriodKind,
  start: LocalDate,
});
export const AllocationResponse = z.object({ tree: AllocationLevel });

/**
 * `GET /api/v1/targets/membership`: who shares a team's targets in one period, day by day: the
 * membership stretches on the team's subtree that overlap the period (shared/domain/membership.ts,
 * `MembershipPeriod`: `from` inclusive, `until` exclusive or null), and the names of their
 * members, also of those who have since moved away or left. The target editor splits a draft
 * over them with the rule the server splits saved targets with.
 */
export const TargetMembershipQuery = z.object({ team: Id, kind: PeriodKind, start: LocalDate });
export const MembershipStretch = z.object({
  memberId: Id,
  teamId: Id,
  role: Role,
  from: LocalDate,
  until: LocalDate.nullable(),
});
export const TargetMembershipResponse = z.object({
  period: Period,
  stretches: z.array(MembershipStretch),
  members: z.array(z.object({ id: Id, name: z.string(), active: z.boolean() })),
});
export type TargetMembershipResponse = z.infer<typeof TargetMembershipResponse>;

/**
 * A year (or quarter) target against the month targets set inside it: what the months add up
 * to and the gap; `respread` gives the months without their own target the values that make the
 * whole exact again.
 */
export const YearMismatch = z.object({
  target: z.number(),
  total: z.number(),
  gap: z.number(),
  months: z.array(
    z.object({
      start: LocalDate,
      value: z.number(),
      own: z.boolean(),
      locked: z.boolean(),
      respread: z.number().nullable(),
    }),
  ),
});
export type YearMismatch = z.infer<typeof YearMismatch>;

/** `GET /targets/mismatch`: a year or quarter target of a team or member against its months. */
export const MismatchQuery = z
  .object({
    team: Id.optional(),
    member: Id.optional(),
    metric: MetricId,
    kind: z.enum(['year', 'quarter']),
    start: LocalDate,
  })
  .refine((q) => (q.team === undefined) !== (q.member === undefined), {
    message: 'give either team or member',
  });
export const MismatchResponse = z.object({ mismatch: YearMismatch.nullable() });

/** `POST /targets/respread`: set the open months to their re-spread values (kept in history). */
export const RespreadRequest = z
  .object({
    teamId: Id.optional(),
    memberId: Id.optional(),
    metric: MetricId,
    period: z.object({ kind: z.enum(['year', 'quarter']), start: LocalDate }),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((q) => (q.teamId === undefined) !== (q.memberId === undefined), {
    message: 'give either teamId or memberId',
  });
