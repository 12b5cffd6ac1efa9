/**
 * Reviews (复盘) as plain functions, for the routes, the CSV export and the weekly chat digest:
 * a member's day, week or month from their rollups, targets and quotas (worker/figures/), judged
 * by the shared rule (shared/domain/review.ts), with their own reflection; and a manager's team
 * review, each rep's bottleneck and reflection. Reads rollups only, never events.
 */
import { and, eq } from 'drizzle-orm';
import type {
  ContestResult,
  LocalDate,
  MemberReview,
  Period,
  ReviewPeriodKind,
  TeamReviewResponse,
  TeamReviewRow,
} from '../../shared/api/index.ts';
import { periodContaining, shiftPeriod } from '../../shared/domain/calendar.ts';
import { addDays, addMonths, daysBetween, earlierDate } from '../../shared/domain/dates.ts';
import { metricCatalog } from '../../shared/domain/metrics.ts';
import { attainmentPercent } from '../../shared/domain/progress.ts';
import {
  bestDay,
  changePercent,
  type FunnelCounts,
  reviewFunnel,
  stageRates,
  sumDays,
  teamMedianRates,
} from '../../shared/domain/review.ts';
import { walkStreak } from '../../shared/domain/streaks.ts';
import { ancestorIds, subtreeIds } from '../../shared/domain/teams.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema.ts';
import {
  dailyPoints,
  FUNNEL_HISTORY_DAYS,
  memberFigures,
  type OrgContext,
  windowFor,
} from '../figures/member-figures.ts';
import { memberRollups, type RollupRow } from '../figures/rollups.ts';
import { loadMembership, loadMembershipFor } from '../members/history.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { loadQuotas } from '../quotas/queries.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import { loadTeams, type TeamRow } from '../teams/queries.ts';
import {
  FUNNEL_METRICS,
  reflectionOf,
  reflectionsOn,
  reviewRollups,
  roundsEndedIn,
  type SettledRound,
} from './queries.ts';

/** The review's period for a member: the one containing `date` (default their today). */
export function reviewPeriod(
  caller: Caller,
  member: Pick<MemberRow, 'timezone'>,
  kind: ReviewPeriodKind,
  now: Date,
  date?: LocalDate,
) {
  const win = windowFor(caller.settings, member.timezone, now, kind, date);
  return { period: win.period, today: win.today };
}

// The streak and the funnel history are read over the review's own span, so a cached look-back
// (the progress read's) is never needed: this stands in for it.
const NO_LOOK_BACK = {
  streak: { current: 0, longest: 0, atRisk: false, freezes: 0 },
  history: { revenue: 0, deals: 0, meetings: 0, visits: 0, leads: 0 },
};

/** Per metric, the values per day of `rows` (one member's). */
function byMetric(rows: readonly RollupRow[]): Map<string, Map<LocalDate, number>> {
  const out = new Map<string, Map<LocalDate, number>>();
  for (const r of rows) {
    const days = out.get(r.metric) ?? new Map<LocalDate, number>();
    out.set(r.metric, days);
    days.set(r.localDate, (days.get(r.localDate) ?? 0) + r.total);
  }
  return out;
}

function countsIn(
  days: Map<string, Map<LocalDate, number>>,
  start: LocalDate,
  end: LocalDate,
): FunnelCounts {
  const of = (metric: string) => sumDays(days.get(metric) ?? new Map(), start, end);
  return {
    revenue: of('revenue'),
    deals: of('deals'),
    meetings: of('meetings'),
    visits: of('visits'),
    leads: of('leads'),
  };
}

/** The first day of the funnel history a review learns the member's usual rates from. */
const historyStart = (period: Period) => addDays(period.start, -FUNNEL_HISTORY_DAYS);

/**
 * What a period's figures and funnel say for one member: `rows` are their rollups from
 * {@link historyStart} to the period's end (at least the funnel metrics and those in `only`).
 */
function judge(
  context: OrgContext,
  member: MemberRow,
  rows: readonly RollupRow[],
  period: Period,
  today: LocalDate,
  only?: ReadonlySet<string>,
) {
  const { settings } = context;
  const figures = memberFigures(
    context,
    member,
    [...rows],
    { today, period, tierPeriod: period, start: period.start, end: period.end },
    only,
    NO_LOOK_BACK,
  );
  const days = byMetric(rows);
  const revenue =
    figures.metrics.find((m) => m.metric === 'revenue') ??
    memberFigures(
      context,
      member,
      [...rows],
      { today, period, tierPeriod: period, start: period.start, end: period.end },
      new Set(['revenue']),
      NO_LOOK_BACK,
    ).primary;
  const counts = countsIn(days, period.start, period.end);
  const funnel = reviewFunnel({
    counts,
    history: countsIn(days, historyStart(period), addDays(period.start, -1)),
    funnel: settings.funnel,
    plan: revenue.expectedByNow,
    target: revenue.target,
    currency: settings.currency,
  });
  return { figures, days, counts, funnel, revenuePlan: revenue.expectedByNow };
}

/** Reps of one team (not its sub-teams), active. Cost: one read per member of the team. */
function teamReps(db: Db, orgId: string, teamId: string) {
  return db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.teamId, teamId), eq(members.active, true)))
    .all()
    .then((rows) => rows.filter((m) => m.role === 'rep'));
}

function contestResultsOf(
  member: MemberRow,
  teams: TeamRow[],
  rounds: SettledRound[],
): ContestResult[] {
  const ownTeams = ancestorIds(teams, member.teamId);
  ownTeams.add(member.teamId);
  const out: ContestResult[] = [];
  for (const round of rounds) {
    const entry = round.ranked.find((e) =>
      round.mode === 'members' ? e.id === member.id : ownTeams.has(e.id),
    );
    const won = round.honoured.has(member.id);
    if (!entry && !won) continue;
    out.push({
      contestId: round.contestId,
      name: round.name,
      roundEnd: round.roundEnd as LocalDate,
      rank: entry?.rank ?? null,
      of: round.ranked.length,
      won,
    });
  }
  return out.sort((a, b) => (a.roundEnd < b.roundEnd ? -1 : a.roundEnd > b.roundEnd ? 1 : 0));
}

/**
 * One member's review of the period of `kind` containing `date` (default their today). Cost:
 * their rollups from 90 days before the period to its end, the primary metric's rollups of the
 * same period a year earlier, the funnel rollups of their team's reps in the period, the org's
 * teams, targets overlapping the period, quotas, their stretches, the contest rounds settled in
 * the period and one reflection row. Independent of how many events were logged.
 */
export async function memberReview(
  db: Db,
  caller: Caller,
  member: MemberRow,
  kind: ReviewPeriodKind,
  now: Date,
  date?: LocalDate,
): Promise<MemberReview> {
  const { settings } = caller;
  const cal = settings.calendar;
  const { period, today } = reviewPeriod(caller, member, kind, now, date);
  const running = period.end >= today;
  // While the period runs, the earlier ones are compared up to the same day of theirs.
  const offset = running ? Math.max(0, daysBetween(period.start, today)) : Number.POSITIVE_INFINITY;
  const cut = (p: Period) =>
    Number.isFinite(offset) ? earlierDate(p.end, addDays(p.start, offset)) : p.end;
  const previous = shiftPeriod(period, -1, cal);
  const lastYear = periodContaining(kind, addMonths(period.start, -12), cal);
  const primary = settings.primaryMetric;
  const from = historyStart(period);

  const [teams, targets, quotas, rows, lastYearRows, reps, rounds, reflection] = await Promise.all([
    loadTeams(db, caller.org.id),
    loadTargetsOverlapping(db, caller.org.id, period.start, period.end),
    loadQuotas(db, caller.org.id),
    memberRollups(db, member.id, earlierDate(from, previous.start), period.end),
    reviewRollups(db, [member.id], [primary], lastYear.start, cut(lastYear)),
    teamReps(db, caller.org.id, member.teamId),
    roundsEndedIn(db, caller.org.id, period.start, period.end),
    reflectionOf(db, member.id, period),
  ]);
  const membership = await loadMembershipFor(db, caller.org.id, member.id, teams, targets);
  const context: OrgContext = { settings, teams, targets, quotas, membership, now };
  const { figures, days, counts, funnel, revenuePlan } = judge(
    context,
    member,
    rows,
    period,
    today,
  );

  // The team median of each rate in the period, over the reps of the member's own team.
  const others = reps.filter((r) => r.id !== member.id).map((r) => r.id);
  const teamRows = others.length
    ? await reviewRollups(db, others, FUNNEL_METRICS, period.start, period.end)
    : [];
  const perRep = new Map<string, RollupRow[]>();
  for (const r of teamRows) perRep.set(r.memberId, [...(perRep.get(r.memberId) ?? []), r]);
  const repRates = others.map((id) =>
    stageRates(countsIn(byMetric(perRep.get(id) ?? []), period.start, period.end)),
  );
  const isRep = member.role === 'rep' && reps.some((r) => r.id === member.id);
  const medians = teamMedianRates(isRep ? [...repRates, funnel.rates] : repRates);

  const main = figures.primary;
  const plan = main.expectedByNow;
  const primaryDays = days.get(primary) ?? new Map<LocalDate, number>();
  const previousAchieved = sumDays(primaryDays, previous.start, cut(previous));
  const lastYearAchieved = lastYearRows.reduce((sum, r) => sum + r.total, 0);
  const inPeriod = new Map([...primaryDays].filter(([d]) => d >= period.start && d <= period.end));
  const streak = walkStreak({
    pointsByDay: dailyPoints(
      rows.filter((r) => r.localDate >= period.start && r.localDate <= period.end),
      settings,
    ),
    from: period.start,
    today: earlierDate(period.end, today),
    goal: settings.dailyPointsGoal,
    cal,
  }).streak;
  const catalog = metricCatalog(settings);
  const activities = figures.metrics
    .filter((m) => catalog.find((c) => c.id === m.metric)?.kind === 'count' && m.target > 0)
    .map((m) => ({
      metric: m.metric,
      achieved: m.achieved,
      quota: m.expectedByNow,
      percent: attainmentPercent(m.achieved, m.expectedByNow),
    }));

  return {
    member: { id: member.id, name: member.name },
    period,
    running,
    primaryMetric: primary,
    currency: settings.currency,
    attainment: {
      metric: primary,
      achieved: main.achieved,
      target: main.target,
      plan,
      percent: attainmentPercent(main.achieved, plan),
      previous: {
        period: previous,
        achieved: previousAchieved,
        change: changePercent(main.achieved, previousAchieved),
      },
      lastYear: {
        period: lastYear,
        achieved: lastYearAchieved,
        change: changePercent(main.achieved, lastYearAchieved),
      },
    },
    activities,
    funnel: {
      counts,
      stages: (['leadToVisit', 'visitToMeeting', 'meetingToDeal'] as const).map((stage) => ({
        stage,
        rate: funnel.rates[stage],
        usual: funnel.usual[stage],
        usualLearned: funnel.usual.fromHistory[stage],
        teamMedian: medians[stage],
      })),
      avgDealSize: {
        value: funnel.rates.avgDealSize,
        usual: funnel.usual.avgDealSize,
        usualLearned: funnel.usual.fromHistory.avgDealSize,
        teamMedian: medians.avgDealSize,
      },
      plan: revenuePlan,
      lookBackDays: FUNNEL_HISTORY_DAYS,
    },
    bottleneck: funnel.bottleneck,
    sentence: funnel.sentence,
    bestDay: bestDay(inPeriod),
    streak: { current: streak.current, longest: streak.longest },
    contests: contestResultsOf(member, teams, rounds),
    reflection,
  };
}

/**
 * The team review: each active rep of `team`'s subtree in the period of `kind` containing
 * `date` (default the caller's today) with their attainment, bottleneck and reflection, and the
 * team's median rates. Cost: the org's members and stretches, targets overlapping the period,
 * quotas, the funnel and primary-metric rollups of the reps from 90 days before the period to its
 * end, and the period's reflections; independent of how many events were logged.
 */
export async function teamReview(
  db: Db,
  caller: Caller,
  team: TeamRow,
  teams: TeamRow[],
  kind: ReviewPeriodKind,
  now: Date,
  date?: LocalDate,
): Promise<TeamReviewResponse> {
  const { settings } = caller;
  const { period } = reviewPeriod(caller, caller.member, kind, now, date);
  const primary = settings.primaryMetric;
  const below = subtreeIds(teams, team.id);
  const [all, targets, quotas, membership, reflections] = await Promise.all([
    loadActiveMembers(db, caller.org.id),
    loadTargetsOverlapping(db, caller.org.id, period.start, period.end),
    loadQuotas(db, caller.org.id),
    loadMembership(db, caller.org.id),
    reflectionsOn(db, caller.org.id, period),
  ]);
  const reps = all
    .filter((m) => m.role === 'rep' && below.has(m.teamId))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const metrics = [...new Set<string>([...FUNNEL_METRICS, primary])];
  const rows = await reviewRollups(
    db,
    reps.map((r) => r.id),
    metrics,
    historyStart(period),
    period.end,
  );
  const byRep = new Map<string, RollupRow[]>();
  for (const r of rows) byRep.set(r.memberId, [...(byRep.get(r.memberId) ?? []), r]);
  const context: OrgContext = { settings, teams, targets, quotas, membership, now };
  const only = new Set([primary, 'revenue']);
  const rates = [];
  const out: TeamReviewRow[] = [];
  for (const rep of reps) {
    const { today } = reviewPeriod(caller, rep, kind, now, period.start);
    const judged = judge(context, rep, byRep.get(rep.id) ?? [], period, today, only);
    rates.push(judged.funnel.rates);
    const main = judged.figures.primary;
    out.push({
      member: { id: rep.id, name: rep.name },
      metric: primary,
      achieved: main.achieved,
      plan: main.expectedByNow,
      percent: attainmentPercent(main.achieved, main.expectedByNow),
      bottleneck: judged.funnel.bottleneck,
      sentence: judged.funnel.sentence,
      reflection: reflections.get(rep.id) ?? null,
    });
  }
  return {
    team: { id: team.id, name: team.name },
    period,
    primaryMetric: primary,
    currency: settings.currency,
    medians: teamMedianRates(rates),
    rows: out,
  };
}
