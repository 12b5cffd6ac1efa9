import { z } from 'zod';
import { Id, LocalDate, MetricId, PeriodKind } from './common.ts';
import { MAX_AMOUNT, MAX_EVENT_QUANTITY } from './limits.ts';

/** How often an activity quota recurs: on every workday, or once per week of the team calendar. */
export const QuotaPer = z.enum(['workday', 'week']);
export type QuotaPer = z.infer<typeof QuotaPer>;

/**
 * A recurring activity quota ("5 visits per workday") for a count metric, set once for a member
 * or a team (then it is each rep's quota, not shared among them) and in effect from `from` until
 * a later quota for the same subject and metric replaces it.
 */
export const QuotaInput = z
  .object({
    scope: z.enum(['member', 'team']),
    memberId: Id.optional(),
    teamId: Id.optional(),
    metric: MetricId,
    per: QuotaPer,
    value: z.number().int().min(0).max(MAX_EVENT_QUANTITY),
    /** First day it applies; the caller's today when left out. */
    from: LocalDate.optional(),
  })
  .refine((q) => (q.scope === 'member' ? q.memberId !== undefined : q.teamId !== undefined), {
    message: 'member quotas need memberId, team quotas need teamId',
  });
export type QuotaInput = z.infer<typeof QuotaInput>;

export const QuotaView = z.object({
  id: Id,
  scope: z.enum(['member', 'team']),
  memberId: Id.nullable(),
  teamId: Id.nullable(),
  metric: MetricId,
  per: QuotaPer,
  value: z.number().int(),
  from: LocalDate,
  updatedAt: z.string(),
});
export type QuotaView = z.infer<typeof QuotaView>;

export const QuotasQuery = z.object({ team: Id.optional(), member: Id.optional() });
export const QuotaResponse = z.object({ quota: QuotaView });
export const ListQuotasResponse = z.object({ quotas: z.array(QuotaView) });

/** A quota as it applies to one member (progress answers carry it per count metric). */
export const AppliedQuota = z.object({
  metric: MetricId,
  per: QuotaPer,
  value: z.number().int(),
  source: z.enum(['member', 'team']),
});
export type AppliedQuota = z.infer<typeof AppliedQuota>;

/**
 * A rep's personal stretch goal for one period of the primary metric (员工规划并设定个人目标):
 * at or above the assigned target; `value: null` clears it.
 */
export const PersonalGoalInput = z.object({
  period: z.object({ kind: PeriodKind, start: LocalDate }),
  value: z.number().int().min(0).max(MAX_AMOUNT).nullable(),
});
export type PersonalGoalInput = z.infer<typeof PersonalGoalInput>;

export const PersonalGoalResponse = z.object({
  goal: z
    .object({
      metric: MetricId,
      period: z.object({ kind: PeriodKind, start: LocalDate, end: LocalDate }),
      value: z.number().int(),
      /** The assigned target it is measured against (reports keep using this one). */
      assigned: z.number(),
    })
    .nullable(),
});
