/**
 * Quotas as stored, and which of them apply to a member: their own first, then each team's up
 * their chain (nearest first). A team quota is every rep's own quota, not shared among them.
 */
import { eq } from 'drizzle-orm';
import type { AppliedQuota, LocalDate, OrgSettings, QuotaView } from '../../shared/api/index.ts';
import { metricCatalog } from '../../shared/domain/metrics.ts';
import { type QuotaRule, quotaOn } from '../../shared/domain/quotas.ts';
import { ancestry } from '../../shared/domain/teams.ts';
import type { MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { quotas } from '../db/schema.ts';
import type { TeamRow } from '../teams/queries.ts';

export type QuotaRow = typeof quotas.$inferSelect;

/** Cost: the org's quota rows (a handful per team and metric). */
export function loadQuotas(db: Db, orgId: string): Promise<QuotaRow[]> {
  return db.select().from(quotas).where(eq(quotas.orgId, orgId)).all();
}

export function quotaView(q: QuotaRow): QuotaView {
  return {
    id: q.id,
    scope: q.scope,
    memberId: q.scope === 'member' ? q.subjectId : null,
    teamId: q.scope === 'team' ? q.subjectId : null,
    metric: q.metric,
    per: q.per,
    value: q.value,
    from: q.fromDate,
    updatedAt: q.updatedAt,
  };
}

/**
 * The quota rules for `member` and `metric`, in groups of precedence for
 * `shared/domain/quotas.ts`: the member's own, then (reps only) each team's up the chain.
 */
export function quotaGroups(
  member: Pick<MemberRow, 'id' | 'teamId' | 'role'>,
  metric: string,
  rows: readonly QuotaRow[],
  allTeams: readonly TeamRow[],
): QuotaRule[][] {
  const rule = (q: QuotaRow): QuotaRule => ({
    per: q.per,
    value: q.value,
    from: q.fromDate,
    source: q.scope,
  });
  const of = (scope: 'member' | 'team', subjectId: string) =>
    rows
      .filter((q) => q.metric === metric && q.scope === scope && q.subjectId === subjectId)
      .map(rule);
  const groups = [of('member', member.id)];
  if (member.role === 'rep') {
    for (const team of ancestry(allTeams, member.teamId)) groups.push(of('team', team.id));
  }
  return groups.filter((g) => g.length > 0);
}

/** The quotas in effect for `member` on `day`, one per count metric that has one. */
export function appliedQuotas(
  member: Pick<MemberRow, 'id' | 'teamId' | 'role'>,
  day: LocalDate,
  rows: readonly QuotaRow[],
  allTeams: readonly TeamRow[],
  settings: OrgSettings,
): AppliedQuota[] {
  if (rows.length === 0) return [];
  const out: AppliedQuota[] = [];
  for (const m of metricCatalog(settings)) {
    if (m.kind !== 'count') continue;
    const rule = quotaOn(quotaGroups(member, m.id, rows, allTeams), day);
    if (rule) out.push({ metric: m.id, per: rule.per, value: rule.value, source: rule.source });
  }
  return out;
}
