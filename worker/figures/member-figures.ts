/**
 * One member's numbers for a period, from rollups + targets + org settings, computed only with
 * the shared domain rules (progress, tiers, points, streaks). Progress and leaderboards both use it.
 */
import type {
  FunnelNeeds,
  LocalDate,
  MetricProgress,
  OrgSettings,
  Period,
  PeriodKind,
  StreakStatus,
  TierStatus,
} from '../../shared/api/index.ts';
import { elapsedWorkFraction, periodContaining } from '../../shared/domain/calendar.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { type FunnelHistory, funnelNeeds } from '../../shared/domain/funnel.ts';
import type { MembershipPeriod } from '../../shared/domain/membership.ts';
import { metricCatalog } from '../../shared/domain/metrics.ts';
import { pointsByDay, type Quantities } from '../../shared/domain/points.ts';
import { computeProgress } from '../../shared/domain/progress.ts';
import { withQuota } from '../../shared/domain/quotas.ts';
import { walkStreak } from '../../shared/domain/streaks.ts';
import { dailyTargets } from '../../shared/domain/targets.ts';
import { tierStatus } from '../../shared/domain/tiers.ts';
import type { MemberRow } from '../context.ts';
import { type QuotaRow, quotaGroups } from '../quotas/queries.ts';
import { applicableTargets, type TargetRow } from '../targets/queries.ts';
import type { TeamRow } from '../teams/queries.ts';
import type { RollupRow } from './rollups.ts';

/**
 * Streaks look back this many days. It bounds the rollup rows a progress or leaderboard read
 * costs; `longest` is the longest run within the window or the member's stored longest
 * (`members.longest_streak`, raised by progress reads), whichever is longer. A run unbroken over
 * the whole window is walked again over a longer look-back (worker/figures/full-streak.ts).
 */
export const STREAK_WINDOW_DAYS = 120;
/** The member's own conversion history (funnel rates) is learned over this many days. */
export const FUNNEL_HISTORY_DAYS = 90;

/** Everything about the org a member's figures depend on, loaded once per request. */
export interface OrgContext {
  settings: OrgSettings;
  targets: TargetRow[];
  teams: TeamRow[];
  /** Every member's team history: team target shares are split over the reps of each day. */
  membership: MembershipPeriod[];
  /** The org's activity quotas (worker/quotas/queries.ts); none when left out. */
  quotas?: QuotaRow[];
  now: Date;
}

export interface Window {
  today: LocalDate;
  period: Period;
  tierPeriod: Period;
  /** The rollup range to read: the periods and the streak look-back. */
  start: LocalDate;
  end: LocalDate;
}

/**
 * What needs the long look-back (120 days of rollups): the streak and the member's own funnel
 * history. It changes only with their events, the config or the day, so callers may cache it and
 * then read only the periods' rows.
 */
export interface LookBack {
  streak: StreakStatus;
  history: FunnelHistory;
}

export interface MemberFigures {
  metrics: MetricProgress[];
  primary: MetricProgress;
  /**
   * Per metric computed, the expected-by-now at the start of the member's day (shared/domain/
   * progress.ts): what a board's pace status compares with, cacheable per day.
   */
  expectedAtDayStart: Record<string, number>;
  /** Primary-metric attainment in the incentive (tier) period, percent or null. */
  tierPercent: number | null;
  tier: TierStatus;
  streak: StreakStatus;
  points: {
    today: number;
    period: number;
    dailyGoal: number;
    /** Today's quantities logged without evidence, per metric (see ProgressResponse). */
    manualToday: Record<string, number>;
  };
  /** What is still needed to reach the revenue target of the period; null without one. */
  funnel: FunnelNeeds | null;
  lookBack: LookBack;
  /**
   * The streak (computed now, not cached) runs unbroken over the whole look-back: it may have
   * begun earlier, so a longer look-back is needed to count it.
   */
  streakReachesStart: boolean;
}

// YYYY-MM-DD strings sort as dates.
const minDate = (...d: LocalDate[]) => [...d].sort()[0] as LocalDate;
const maxDate = (...d: LocalDate[]) => [...d].sort().at(-1) as LocalDate;

/** The periods and rollup range for a member-local `date` (default: their today). */
export function windowFor(
  settings: OrgSettings,
  timezone: string,
  now: Date,
  kind: PeriodKind,
  date?: LocalDate,
): Window {
  const cal = settings.calendar;
  const today = localDateOf(now, timezone);
  const at = date ?? today;
  const period = periodContaining(kind, at, cal);
  const tierPeriod = periodContaining(settings.tiers.period, at, cal);
  return {
    today,
    period,
    tierPeriod,
    start: minDate(period.start, tierPeriod.start, addDays(today, -STREAK_WINDOW_DAYS)),
    end: maxDate(period.end, tierPeriod.end, today),
  };
}

/** The rollup range when the look-back is known: just the periods and today. */
export function periodsRange(win: Window): { start: LocalDate; end: LocalDate } {
  return {
    start: minDate(win.period.start, win.tierPeriod.start, win.today),
    end: maxDate(win.period.end, win.tierPeriod.end, win.today),
  };
}

interface DayTables {
  totals: Map<string, Map<LocalDate, number>>;
  quantities: Map<LocalDate, Record<string, number>>;
  manual: Map<LocalDate, Record<string, number>>;
}

function tabulate(rows: RollupRow[]): DayTables {
  const totals = new Map<string, Map<LocalDate, number>>();
  const quantities = new Map<LocalDate, Record<string, number>>();
  const manual = new Map<LocalDate, Record<string, number>>();
  for (const r of rows) {
    const byDay = totals.get(r.metric) ?? new Map<LocalDate, number>();
    totals.set(r.metric, byDay);
    byDay.set(r.localDate, r.total);
    quantities.set(r.localDate, { ...quantities.get(r.localDate), [r.metric]: r.total });
    // Logs without evidence earn `manualLogPointsPercent` of full points.
    manual.set(r.localDate, {
      ...manual.get(r.localDate),
      [r.metric]: r.total - r.evidenceTotal,
    });
  }
  return { totals, quantities, manual };
}

function sumIn(byDay: Map<LocalDate, number>, from: LocalDate, to: LocalDate): number {
  let sum = 0;
  for (const [day, value] of byDay) if (day >= from && day <= to) sum += value;
  return sum;
}

/**
 * The figures of one member; `rows` are their rollups over `win.start..win.end`, or only over
 * {@link periodsRange} when `lookBack` is given. `only` limits `metrics` to some metric ids (a
 * leaderboard needs one or two; CPU time is budgeted per request).
 */
export function memberFigures(
  org: OrgContext,
  member: MemberRow,
  rows: RollupRow[],
  win: Window,
  only?: ReadonlySet<string>,
  lookBack?: LookBack,
): MemberFigures {
  const { settings } = org;
  const cal = settings.calendar;
  const tables = tabulate(rows);
  const todayElapsed = elapsedWorkFraction(org.now, cal, member.timezone);
  const figuresOf = (metric: string, period: Pick<Period, 'start' | 'end'>) => {
    const targets = applicableTargets(member, metric, org.targets, {
      teams: org.teams,
      membership: org.membership,
      cal,
    });
    const daily = dailyTargets({ targets, start: period.start, end: period.end, cal });
    const quotas = org.quotas?.length ? quotaGroups(member, metric, org.quotas, org.teams) : [];
    return computeProgress({
      period,
      dailyTargets: quotas.length > 0 ? withQuota(daily, targets, quotas, cal) : daily,
      achievedByDay: tables.totals.get(metric) ?? new Map(),
      today: win.today,
      todayElapsed,
      cal,
    });
  };
  const expectedAtDayStart: Record<string, number> = {};
  const progressOf = (metric: string, period: Pick<Period, 'start' | 'end'>): MetricProgress => {
    const figures = figuresOf(metric, period);
    if (period === win.period) expectedAtDayStart[metric] = figures.expectedAtDayStart;
    return {
      metric,
      achieved: figures.achieved,
      target: figures.target,
      percent: figures.percent,
      expectedByNow: figures.expectedByNow,
      gap: figures.gap,
      forecast: figures.forecast,
      neededPerWorkday: figures.neededPerWorkday,
      remainingWorkdays: figures.remainingWorkdays,
    };
  };
  const metrics = metricCatalog(settings)
    .filter((m) => only === undefined || only.has(m.id))
    .map((m) => progressOf(m.id, win.period));
  const primaryId = settings.primaryMetric;
  const primary = metrics.find((m) => m.metric === primaryId) ?? progressOf(primaryId, win.period);
  const inTierPeriod = progressOf(primaryId, win.tierPeriod);
  const points = pointsByDay(tables.quantities as Map<LocalDate, Quantities>, settings, {
    manualByDay: tables.manual,
  });
  let look = lookBack;
  let streakReachesStart = false;
  if (!look) {
    const from = addDays(win.today, -STREAK_WINDOW_DAYS);
    const walked = streakOver(points, settings, member, from, win.today);
    look = { streak: walked.streak, history: funnelHistory(tables, win.today) };
    streakReachesStart = walked.reachesStart;
  }
  return {
    metrics,
    primary,
    expectedAtDayStart,
    lookBack: look,
    streakReachesStart,
    funnel: funnelFor(org, look.history, figuresOf('revenue', win.period)),
    tierPercent: inTierPeriod.percent,
    tier: tierStatus({
      achieved: inTierPeriod.achieved,
      target: inTierPeriod.target,
      ladder: settings.tiers.ladder,
    }),
    streak: look.streak,
    points: {
      today: points.get(win.today) ?? 0,
      period: sumIn(points, win.period.start, win.period.end),
      dailyGoal: settings.dailyPointsGoal,
      manualToday: tables.manual.get(win.today) ?? {},
    },
  };
}

/** Points per member-local day from rollups (manual logs weighted by the team setting). */
export function dailyPoints(rows: RollupRow[], settings: OrgSettings): Map<LocalDate, number> {
  const tables = tabulate(rows);
  return pointsByDay(tables.quantities as Map<LocalDate, Quantities>, settings, {
    manualByDay: tables.manual,
  });
}

/** The member's streak over the days `from`..`today`, with their remembered longest. */
export function streakOver(
  points: ReadonlyMap<LocalDate, number>,
  settings: OrgSettings,
  member: Pick<MemberRow, 'longestStreak'>,
  from: LocalDate,
  today: LocalDate,
) {
  return walkStreak({
    pointsByDay: points,
    from,
    today,
    goal: settings.dailyPointsGoal,
    cal: settings.calendar,
    longestBefore: member.longestStreak,
  });
}

/** The member's own totals over the last FUNNEL_HISTORY_DAYS (their conversion rates). */
function funnelHistory(tables: DayTables, today: LocalDate): FunnelHistory {
  const from = addDays(today, -FUNNEL_HISTORY_DAYS);
  const total = (metric: string) => sumIn(tables.totals.get(metric) ?? new Map(), from, today);
  return {
    revenue: total('revenue'),
    deals: total('deals'),
    meetings: total('meetings'),
    visits: total('visits'),
    leads: total('leads'),
  };
}

function funnelFor(
  org: OrgContext,
  history: FunnelHistory,
  revenue: ReturnType<typeof computeProgress>,
): FunnelNeeds | null {
  if (!(revenue.target > 0)) return null;
  const plan = funnelNeeds({
    revenueLeft: revenue.target - revenue.achieved,
    remainingWorkdays: revenue.remainingWorkdays,
    funnel: org.settings.funnel,
    history,
  });
  return {
    revenueLeft: plan.revenueLeft,
    deals: plan.deals,
    meetings: plan.meetings,
    visits: plan.visits,
    leads: plan.leads,
    perWorkday: plan.perWorkday,
    conversion: {
      lookBackDays: FUNNEL_HISTORY_DAYS,
      avgDealSize: { value: plan.rates.avgDealSize, learned: plan.rates.fromHistory.avgDealSize },
      leadToVisit: { rate: plan.rates.leadToVisit, learned: plan.rates.fromHistory.leadToVisit },
      visitToMeeting: {
        rate: plan.rates.visitToMeeting,
        learned: plan.rates.fromHistory.visitToMeeting,
      },
      meetingToDeal: {
        rate: plan.rates.meetingToDeal,
        learned: plan.rates.fromHistory.meetingToDeal,
      },
    },
  };
}
