/**
 * Personal goals: a rep's own stretch figure for a period of the primary metric. It is checked
 * against the assigned target (the member's own and team-share targets and quotas, as progress
 * computes them) and shown beside it; boards, CSV and reports keep the assigned target.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Period, PeriodKind } from '../../shared/api/index.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members, personalGoals } from '../db/schema.ts';
import { memberFigures, windowFor } from '../figures/member-figures.ts';
import { loadOrgContext } from '../figures/org-context.ts';

/** The caller's assigned target of `metric` over `period`. Cost: the org context over the period. */
export async function assignedTarget(
  db: Db,
  caller: Caller,
  metric: string,
  kind: PeriodKind,
  start: string,
  now: Date,
): Promise<{ period: Period; target: number }> {
  const win = windowFor(caller.settings, caller.member.timezone, now, kind, start);
  const range = { start: win.period.start, end: win.period.end };
  const context = await loadOrgContext(db, caller, range.start, range.end, now);
  const figures = memberFigures(
    context,
    caller.member,
    [],
    { ...win, ...range },
    new Set([metric]),
    { streak: { current: 0, longest: 0, atRisk: false, freezes: 0 }, history: emptyHistory },
  );
  return { period: win.period, target: figures.primary.target };
}

const emptyHistory = { revenue: 0, deals: 0, meetings: 0, visits: 0, leads: 0 };

/** The caller's goal for one period, if set. Cost: one primary-key read. */
export async function goalOf(
  db: Db,
  caller: Caller,
  metric: string,
  period: Pick<Period, 'kind' | 'start'>,
) {
  const row = await db
    .select({ value: personalGoals.value })
    .from(personalGoals)
    .where(
      and(
        eq(personalGoals.memberId, caller.member.id),
        eq(personalGoals.metric, metric),
        eq(personalGoals.periodKind, period.kind),
        eq(personalGoals.periodStart, period.start),
      ),
    )
    .get();
  return row?.value ?? null;
}

/**
 * Stores (or clears, `value` null) the caller's goal, bumping their change counter so their
 * progress answer (ETag) changes and nobody else's cache does.
 */
export async function saveGoal(
  db: Db,
  caller: Caller,
  metric: string,
  period: Period,
  value: number | null,
  now: Date,
): Promise<void> {
  const key = and(
    eq(personalGoals.memberId, caller.member.id),
    eq(personalGoals.metric, metric),
    eq(personalGoals.periodKind, period.kind),
    eq(personalGoals.periodStart, period.start),
  );
  const bump = db
    .update(members)
    .set({ version: sql`${members.version} + 1` })
    .where(eq(members.id, caller.member.id));
  if (value === null) {
    await db.batch([db.delete(personalGoals).where(key), bump]);
    return;
  }
  const values = { value, updatedAt: now.toISOString() };
  await db.batch([
    db
      .insert(personalGoals)
      .values({
        orgId: caller.org.id,
        memberId: caller.member.id,
        metric,
        periodKind: period.kind,
        periodStart: period.start,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          personalGoals.memberId,
          personalGoals.metric,
          personalGoals.periodKind,
          personalGoals.periodStart,
        ],
        set: values,
      }),
    bump,
  ]);
}
