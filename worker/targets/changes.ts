/**
 * Target history: every write of a target is kept as one row (who, when, old → new, why), in the
 * same batch as the write, so no change goes unrecorded.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TargetChange } from '../../shared/api/index.ts';
import type { Db } from '../db/client.ts';
import { members, targetChanges, targets } from '../db/schema.ts';
import { newId } from '../sessions/crypto.ts';
import type { TargetRow } from './queries.ts';

type Written = Pick<
  TargetRow,
  | 'id'
  | 'scope'
  | 'subjectId'
  | 'metric'
  | 'periodKind'
  | 'periodStart'
  | 'value'
  | 'curve'
  | 'split'
  | 'breakdown'
>;

const detail = (t: Written | null) =>
  t === null ? null : JSON.stringify({ curve: t.curve, split: t.split, breakdown: t.breakdown });

/** The statement recording one write: `before` null on create, `after` null on delete. */
export function recordChange(
  db: Db,
  change: {
    orgId: string;
    before: Written | null;
    after: Written | null;
    by: string;
    at: string;
    reason: string | null;
  },
) {
  const t = (change.after ?? change.before) as Written;
  return db.insert(targetChanges).values({
    id: newId(),
    orgId: change.orgId,
    targetId: t.id,
    scope: t.scope,
    subjectId: t.subjectId,
    metric: t.metric,
    periodKind: t.periodKind,
    periodStart: t.periodStart,
    oldValue: change.before?.value ?? null,
    newValue: change.after?.value ?? null,
    oldDetail: detail(change.before),
    newDetail: detail(change.after),
    reason: change.reason,
    changedBy: change.by,
    changedAt: change.at,
  });
}

/**
 * The statements setting one target (an upsert on its key, keeping the id of the row it
 * replaces) and recording the change; `before` is the row as read just before.
 */
export function upsertTarget(
  db: Db,
  write: {
    orgId: string;
    key: Pick<TargetRow, 'scope' | 'subjectId' | 'metric' | 'periodKind' | 'periodStart'>;
    values: Pick<TargetRow, 'value' | 'periodEnd' | 'curve' | 'split' | 'breakdown' | 'updatedAt'>;
    before: TargetRow | null;
    by: string;
    reason: string | null;
  },
) {
  const id = write.before?.id ?? newId();
  return [
    db
      .insert(targets)
      .values({ id, orgId: write.orgId, ...write.key, ...write.values })
      .onConflictDoUpdate({
        target: [
          targets.orgId,
          targets.scope,
          targets.subjectId,
          targets.metric,
          targets.periodKind,
          targets.periodStart,
        ],
        set: write.values,
      })
      .returning(),
    recordChange(db, {
      orgId: write.orgId,
      before: write.before,
      after: { id, ...write.key, ...write.values },
      by: write.by,
      at: write.values.updatedAt,
      reason: write.reason,
    }),
  ] as const;
}

/**
 * The history of one target's key (subject, metric, period), newest first: a target deleted and
 * set again keeps one history. Cost: the subject's changes (index target_changes_subject).
 */
export async function changesOf(db: Db, orgId: string, t: Written): Promise<TargetChange[]> {
  const rows = await db
    .select()
    .from(targetChanges)
    .where(and(eq(targetChanges.orgId, orgId), eq(targetChanges.subjectId, t.subjectId)))
    .all();
  const mine = rows.filter(
    (r) =>
      r.scope === t.scope &&
      r.metric === t.metric &&
      r.periodKind === t.periodKind &&
      r.periodStart === t.periodStart,
  );
  const ids = [...new Set(mine.map((r) => r.changedBy))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 90) {
    const found = await db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(inArray(members.id, ids.slice(i, i + 90)))
      .all();
    for (const m of found) names.set(m.id, m.name);
  }
  mine.sort((a, b) => b.changedAt.localeCompare(a.changedAt) || b.id.localeCompare(a.id));
  return mine.map((r) => ({
    id: r.id,
    targetId: r.targetId,
    metric: r.metric,
    period: { kind: r.periodKind, start: r.periodStart },
    old: r.oldValue,
    new: r.newValue,
    reason: r.reason,
    by: { id: r.changedBy, name: names.get(r.changedBy) ?? '' },
    at: r.changedAt,
  }));
}
