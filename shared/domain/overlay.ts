import type {
  LocalDate,
  OrgSettings,
  Period,
  ProgressResponse,
  SegmentProgress,
  StreakStatus,
  TierStatus,
} from '../api/index.ts';
import { categoryKey, customerSegment } from './breakdown.ts';
import { localDateOf } from './dates.ts';
import { metricLines } from './lines.ts';
import { metricCatalog } from './metrics.ts';
import { emptyRecord, ownValue } from './own.ts';
import { type PaceStatus, paceStatus } from './pace.ts';
import { isQualifyingDay, pointsFor, type Quantities } from './points.ts';
import { attainmentPercent } from './progress.ts';
import { DEFAULT_TIERS, tierStatus } from './tiers.ts';

// What a member's sidebar shows before the server has seen their latest logs: the server's last
// progress answers plus the logs it does not count yet, with the server's own rules
// (worker/figures/member-figures.ts): per-metric totals per day, points per day with the
// manual-log share for logs without evidence, tiers on the incentive period, the streak step.
// The background (extension/sync/local-view.ts) and the sidebar in the page
// (extension/sidebar/optimistic.ts) both call `overlay`, so a click shows the same numbers the
// background publishes, and those are the numbers the server answers once it has the logs.

/** A log whose effect the server's answer and this device disagree on. */
export type UnsyncedLog = {
  metric: string;
  quantity: number;
  /** A won deal's value: the one log counts for two metrics (shared/domain/lines.ts). */
  amount?: number | null;
  /** ISO instant; its local date (member's time zone) is the day it counts on. */
  occurredAt: string;
  /** Has a source URL: earns full points (otherwise `manualLogPointsPercent`). */
  evidence: boolean;
  /** It counts here (logged, not undone, not refused). */
  countsHere: boolean;
  /** The server's answer already counts it. */
  countedByServer: boolean;
  /** A won deal's product category (settings `productCategories`), if it has one. */
  category?: string;
  /**
   * What this device knows of the won deal's customer: the day of its first won deal before this
   * one (null: none). Absent: no customer is known, so it counts as the server counts a deal
   * with no customer (`unknown` in a breakdown by customer segment).
   */
  customer?: { firstDeal: LocalDate | null };
};

/** The org settings the overlay reads; before the member's profile is known, the defaults. */
export type OverlaySettings = Partial<
  Pick<
    OrgSettings,
    | 'customMetrics'
    | 'points'
    | 'manualLogPointsPercent'
    | 'dailyPointsGoal'
    | 'primaryMetric'
    | 'tiers'
    | 'productCategories'
  >
>;

export type OverlayInput = {
  /** The server's progress for the member's day (`period=day`), if any. */
  day: ProgressResponse | null;
  /** The server's progress for the incentive period, if any. */
  period: ProgressResponse | null;
  settings: OverlaySettings;
  logs: readonly UnsyncedLog[];
  /** The member's time zone and the instant to show the figures for. */
  timeZone: string;
  now: number;
};

export type OverlayFigures = {
  /** The incentive period the figures are for; null while no current answer is known. */
  period: Period | null;
  /**
   * Per metric of the catalog, in its order: today's and the period's totals, and their targets
   * (an activity quota where no explicit target covers the day; 0 when there is none).
   */
  counters: {
    metric: string;
    today: number;
    period: number;
    todayTarget: number;
    periodTarget: number;
  }[];
  primary: {
    metric: string;
    achieved: number;
    target: number;
    percent: number | null;
    expectedByNow: number;
    gap: number;
    neededPerWorkday: number;
    /** Workdays left (the server's); below 1, `neededPerWorkday` is what is needed today. */
    remainingWorkdays: number | null;
    /** Pace status of the running period (shared/domain/pace.ts); null without a target. */
    pace: PaceStatus | null;
  } | null;
  tier: TierStatus | null;
  points: { today: number; period: number; dailyGoal: number };
  streak: StreakStatus | null;
  /**
   * The primary metric's progress per segment of its broken-down target (shared/domain/
   * breakdown.ts): the server's rows with the logs it does not count yet; null without a
   * breakdown in the server's answer for the current period.
   */
  segments: SegmentProgress[] | null;
};

/** One server answer and the dates it covers; `base` is null when it is not for today. */
type Bucket = { base: ProgressResponse | null; includes: (date: LocalDate) => boolean };

function bucketFor(answer: ProgressResponse | null, today: LocalDate): Bucket {
  if (answer && answer.period.start <= today && today <= answer.period.end) {
    const { start, end } = answer.period;
    return { base: answer, includes: (d) => start <= d && d <= end };
  }
  // An answer for another day or period (or none): only today's local logs count.
  return { base: null, includes: (d) => d === today };
}

/** +1, −1 or 0: how a log changes a bucket's numbers. */
function deltaOf(log: UnsyncedLog, bucket: Bucket): number {
  if (!bucket.base) return log.countsHere ? 1 : 0;
  return (log.countsHere ? 1 : 0) - (log.countedByServer ? 1 : 0);
}

type Dated = { log: UnsyncedLog; date: LocalDate };

function add(into: Record<string, number>, metric: string, quantity: number): void {
  into[metric] = (ownValue(into, metric) ?? 0) + quantity;
}

/** Quantities and their part without evidence, per metric, of logs with this sign. */
function tally(logs: readonly Dated[], bucket: Bucket, sign: 1 | -1) {
  // Keyed by metric ids: no prototype, so a metric named `constructor` starts at 0.
  const all = emptyRecord<number>();
  const manual = emptyRecord<number>();
  for (const { log } of logs) {
    if (deltaOf(log, bucket) !== sign) continue;
    add(all, log.metric, log.quantity);
    if (!log.evidence) add(manual, log.metric, log.quantity);
  }
  return { all, manual };
}

/**
 * How many points a day's logs add (or take back). Points are per day and per metric, with the
 * manual share rounded down (shared/domain/points.ts), so a day's change is its points with
 * the logs minus its points without. For the day of `known` (the server's totals for it) that
 * is exact; for another day the server's totals are not known here and the logs count alone.
 */
function dayPointsChange(
  logs: readonly Dated[],
  bucket: Bucket,
  settings: OverlaySettings,
  known: { all: Quantities; manual: Quantities } | null,
): number {
  const added = tally(logs, bucket, 1);
  const taken = tally(logs, bucket, -1);
  const pointsSettings = { customMetrics: [], points: {}, ...settings };
  if (!known) {
    return (
      pointsFor(added.all, pointsSettings, { manualShare: added.manual }) -
      pointsFor(taken.all, pointsSettings, { manualShare: taken.manual })
    );
  }
  const after = (base: Quantities, plus: Record<string, number>, minus: Record<string, number>) => {
    const out = emptyRecord<number>();
    for (const metric of new Set([
      ...Object.keys(base),
      ...Object.keys(plus),
      ...Object.keys(minus),
    ]))
      out[metric] =
        (ownValue(base, metric) ?? 0) +
        (ownValue(plus, metric) ?? 0) -
        (ownValue(minus, metric) ?? 0);
    return out;
  };
  return (
    pointsFor(after(known.all, added.all, taken.all), pointsSettings, {
      manualShare: after(known.manual, added.manual, taken.manual),
    }) - pointsFor(known.all, pointsSettings, { manualShare: known.manual })
  );
}

/** Points the logs in `bucket` add, day by day; `today` uses the server's totals for today. */
function pointsChange(
  logs: readonly Dated[],
  bucket: Bucket,
  settings: OverlaySettings,
  today: LocalDate,
  todayKnown: { all: Quantities; manual: Quantities } | null,
): number {
  const byDay = new Map<LocalDate, Dated[]>();
  for (const dated of logs) {
    if (!bucket.includes(dated.date)) continue;
    byDay.set(dated.date, [...(byDay.get(dated.date) ?? []), dated]);
  }
  let change = 0;
  for (const [date, dayLogs] of byDay)
    change += dayPointsChange(dayLogs, bucket, settings, date === today ? todayKnown : null);
  return change;
}

function total(answer: ProgressResponse | null, metric: string): number {
  return answer?.metrics.find((m) => m.metric === metric)?.achieved ?? 0;
}

function targetOf(answer: ProgressResponse | null, metric: string): number {
  return answer?.metrics.find((m) => m.metric === metric)?.target ?? 0;
}

function quantityChange(logs: readonly Dated[], bucket: Bucket, metric: string): number {
  let sum = 0;
  for (const { log, date } of logs)
    if (log.metric === metric && bucket.includes(date)) sum += deltaOf(log, bucket) * log.quantity;
  return sum;
}

/**
 * The primary metric's progress with `achieved` in place of the server's, by the formulas of
 * shared/domain/progress.ts: the target, expected-by-now and remaining workdays do not move with
 * a log (the remaining workdays are implied by the server's shortfall ÷ needed per workday).
 */
function primaryWith(base: ProgressResponse['metrics'][number], achieved: number) {
  const oldShortfall = Math.max(0, base.target - base.achieved);
  const shortfall = Math.max(0, base.target - achieved);
  const neededPerWorkday =
    shortfall === 0
      ? 0
      : oldShortfall > 0 && base.neededPerWorkday > 0
        ? shortfall / (oldShortfall / base.neededPerWorkday)
        : shortfall;
  return {
    metric: base.metric,
    achieved,
    target: base.target,
    percent: attainmentPercent(achieved, base.target),
    expectedByNow: base.expectedByNow,
    gap: achieved - base.expectedByNow,
    neededPerWorkday: achieved === base.achieved ? base.neededPerWorkday : neededPerWorkday,
    pace: paceStatus({ achieved, target: base.target, expectedByNow: base.expectedByNow }),
    remainingWorkdays: base.remainingWorkdays ?? null,
  };
}

/**
 * Today counts toward the streak once it qualifies (shared/domain/streaks.ts): when local logs
 * make today qualify (or an undo un-qualifies it) before the server has seen them, the streak
 * moves by one. `seenToday`: whether the server's answer for today counted today (null: the
 * server's streak is from an earlier day). A run is at risk only when there is one to lose.
 */
export function streakStep(
  server: StreakStatus,
  seenToday: { qualified: boolean } | null,
  qualifiesNow: boolean,
): StreakStatus {
  if (seenToday && seenToday.qualified === qualifiesNow) return server;
  const before = Math.max(0, server.current - (seenToday?.qualified ? 1 : 0));
  if (qualifiesNow) {
    const current = before + 1;
    return { ...server, current, atRisk: false, longest: Math.max(server.longest, current) };
  }
  // Not (or no longer) qualifying, and the server has not said whether today is a workday:
  // assume it is, as most days are.
  return { ...server, current: before, atRisk: before > 0 };
}

/**
 * The segment keys a log's value counts under in a breakdown, as the server files a won deal
 * (worker/segment-targets/queries.ts): by customer, new when its customer's first won deal
 * (this one, if none came before) is in the period, `unknown` without a known customer; by
 * category, its category's key or `uncategorised`.
 */
function segmentKeysOf(
  log: UnsyncedLog,
  date: LocalDate,
  periodStart: LocalDate,
  by: { customer: boolean; category: boolean },
): string[] {
  const keys: string[] = [];
  if (by.customer) {
    const first = log.customer ? log.customer.firstDeal : undefined;
    keys.push(
      first === undefined
        ? 'unknown'
        : customerSegment(first !== null && first < date ? first : date, periodStart),
    );
  }
  if (by.category) keys.push(log.category ? categoryKey(log.category) : 'uncategorised');
  return keys;
}

/**
 * The server's segment rows for the primary metric with the logs it does not count yet moved
 * into theirs; a category won here that the server has no row for gets one (no target), before
 * `uncategorised`. Rows without a target never go below 0, as the server's do.
 */
function segmentsWith(
  rows: readonly SegmentProgress[],
  logs: readonly Dated[],
  bucket: Bucket,
  metric: string,
  periodStart: LocalDate,
  settings: OverlaySettings,
): SegmentProgress[] {
  const out = rows.map((r) => ({ ...r }));
  const by = {
    customer: out.some((r) => r.segment === 'new' || r.segment === 'existing'),
    category: out.some((r) => r.segment.startsWith('category:')),
  };
  for (const { log, date } of logs) {
    if (log.metric !== metric || !bucket.includes(date)) continue;
    const change = deltaOf(log, bucket) * log.quantity;
    if (change === 0) continue;
    for (const key of segmentKeysOf(log, date, periodStart, by)) {
      let row = out.find((r) => r.segment === key);
      if (!row) {
        const name = settings.productCategories?.find((c) => categoryKey(c.id) === key)?.name;
        row = {
          segment: key,
          ...(name ? { label: name } : {}),
          achieved: 0,
          target: null,
          percent: null,
        };
        const at = out.findIndex((r) => r.segment === 'uncategorised');
        out.splice(at < 0 ? out.length : at, 0, row);
      }
      row.achieved += change;
      if (row.target === null) row.achieved = Math.max(0, row.achieved);
      else row.percent = attainmentPercent(row.achieved, row.target);
    }
  }
  return out;
}

/** The member's figures: the server's answers plus the logs they do not reflect yet. */
export function overlay(input: OverlayInput): OverlayFigures {
  const { settings } = input;
  const today = localDateOf(input.now, input.timeZone);
  const day = bucketFor(input.day, today);
  const period = bucketFor(input.period, today);
  // Each log as its metric lines, so a won deal counts its deal and its revenue as the server does.
  const logs: Dated[] = input.logs.flatMap((log) => {
    const date = localDateOf(log.occurredAt, input.timeZone);
    return metricLines(log).map((line) => ({ log: { ...log, ...line }, date }));
  });
  const catalog = metricCatalog({ customMetrics: [], points: {}, ...settings });

  const counters = catalog.map((m) => ({
    metric: m.id,
    today: total(day.base, m.id) + quantityChange(logs, day, m.id),
    period: total(period.base, m.id) + quantityChange(logs, period, m.id),
    todayTarget: targetOf(day.base, m.id),
    periodTarget: targetOf(period.base, m.id),
  }));

  const primaryId = settings.primaryMetric ?? input.period?.primaryMetric ?? 'revenue';
  const primaryBase = period.base?.metrics.find((m) => m.metric === primaryId);
  const primary = primaryBase
    ? primaryWith(
        primaryBase,
        total(period.base, primaryId) + quantityChange(logs, period, primaryId),
      )
    : null;
  const tier = primary
    ? tierStatus({
        achieved: primary.achieved,
        target: primary.target,
        ladder: settings.tiers?.ladder ?? DEFAULT_TIERS,
      })
    : null;

  // The server's totals for today (the manual part only from servers that report it).
  const todayKnown = day.base
    ? {
        all: Object.assign(
          emptyRecord<number>(),
          Object.fromEntries(day.base.metrics.map((m) => [m.metric, m.achieved])),
        ),
        manual: day.base.points.manualToday ?? {},
      }
    : null;
  const dailyGoal = input.day?.points.dailyGoal ?? settings.dailyPointsGoal ?? 20;
  const pointsToday =
    (day.base?.points.today ?? 0) + pointsChange(logs, day, settings, today, todayKnown);
  const pointsPeriod =
    (period.base?.points.period ?? 0) +
    pointsChange(logs, period, settings, today, period.base && day.base ? todayKnown : null);

  const serverRows = primary
    ? period.base?.metrics.find((m) => m.metric === primary.metric)?.breakdown
    : undefined;
  const segments =
    serverRows && period.base
      ? segmentsWith(serverRows, logs, period, primaryId, period.base.period.start, settings)
      : null;

  const serverStreak = input.day?.streak ?? null;
  return {
    segments,
    period: period.base?.period ?? null,
    counters,
    primary,
    tier,
    points: { today: pointsToday, period: pointsPeriod, dailyGoal },
    streak: serverStreak
      ? streakStep(
          serverStreak,
          day.base
            ? { qualified: isQualifyingDay(day.base.points.today, { dailyPointsGoal: dailyGoal }) }
            : null,
          isQualifyingDay(pointsToday, { dailyPointsGoal: dailyGoal }),
        )
      : null,
  };
}
