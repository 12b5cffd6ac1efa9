/**
 * What the sidebar shows, computed from the server's last progress snapshot plus the local
 * journal: each log the snapshot does not reflect yet (pendingDelta) is added, each undone one
 * taken away. Tiers, metric weights and dates come from the same shared/domain code the server
 * uses, so the numbers agree once synced.
 */
import type { LocalDate } from '../../shared/api/common.ts';
import type { MetricProgress, ProgressResponse } from '../../shared/api/progress.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { type MetricDefinition, metricCatalog } from '../../shared/domain/metrics.ts';
import { emptyRecord } from '../../shared/domain/own.ts';
import { type PointsSettings, pointsFor } from '../../shared/domain/points.ts';
import { DEFAULT_TIERS, tierStatus } from '../../shared/domain/tiers.ts';
import type {
  ContestLine,
  PrimaryProgress,
  RecentLog,
  SidebarView,
  TierRung,
} from '../platform/view.ts';
import { SIGNED_OUT_VIEW } from '../platform/view.ts';
import { type JournalEntry, pendingDelta } from './journal.ts';
import type { SyncState } from './state.ts';

const RECENT_SHOWN = 10;

interface Bucket {
  /** The snapshot this bucket starts from, or null when it is stale (a new day or period). */
  base: ProgressResponse | null;
  includes: (date: LocalDate) => boolean;
}

function bucketFor(snapshot: ProgressResponse | undefined, today: LocalDate): Bucket {
  const current = snapshot && snapshot.period.start <= today && today <= snapshot.period.end;
  if (current) {
    const { start, end } = snapshot.period;
    return { base: snapshot, includes: (d) => start <= d && d <= end };
  }
  // Without a current snapshot, count only local logs of today's date (the period is unknown).
  return { base: null, includes: (d) => d === today };
}

/** The local logs a bucket's base does not reflect yet, each with its sign (see pendingDelta). */
function unreflected(
  journal: JournalEntry[],
  bucket: Bucket,
  snapshotSeq: number,
  tz: string,
): { entry: JournalEntry; delta: -1 | 1 }[] {
  const out: { entry: JournalEntry; delta: -1 | 1 }[] = [];
  for (const entry of journal) {
    if (!bucket.includes(localDateOf(entry.event.occurredAt, tz))) continue;
    const delta = bucket.base
      ? pendingDelta(entry, snapshotSeq)
      : entry.status !== 'rejected' && !entry.voided
        ? 1
        : 0;
    if (delta !== 0) out.push({ entry, delta });
  }
  return out;
}

/**
 * Points those logs add (or take back), with the domain's rule: weights per metric, logs without
 * evidence (no source URL) at the team's manual-log share.
 */
function pointsChange(
  changes: { entry: JournalEntry; delta: -1 | 1 }[],
  settings: PointsSettings,
): number {
  // Keyed by metric ids: no prototype, so a metric named `constructor` starts at 0.
  const emptySide = () => ({ all: emptyRecord<number>(), manual: emptyRecord<number>() });
  const sides = { 1: emptySide(), [-1]: emptySide() };
  for (const { entry, delta } of changes) {
    const { metric, quantity, source } = entry.event;
    const side = sides[delta];
    side.all[metric] = (side.all[metric] ?? 0) + quantity;
    if (!source?.url) side.manual[metric] = (side.manual[metric] ?? 0) + quantity;
  }
  const points = (side: (typeof sides)[1]) =>
    pointsFor(side.all, settings, { manualShare: side.manual });
  return points(sides[1]) - points(sides[-1]);
}

function metricOf(snapshot: ProgressResponse | null, metric: string): MetricProgress | undefined {
  return snapshot?.metrics.find((m) => m.metric === metric);
}

function primaryProgress(
  base: MetricProgress | undefined,
  achieved: number,
  metric: string,
  kind: 'count' | 'amount',
): PrimaryProgress | null {
  if (!base) return null;
  const oldShortfall = Math.max(0, base.target - base.achieved);
  const newShortfall = Math.max(0, base.target - achieved);
  // The server's remaining workdays are implied by its own figures; scaling keeps them.
  const needed =
    oldShortfall > 0
      ? (base.neededPerWorkday * newShortfall) / oldShortfall
      : base.neededPerWorkday;
  return {
    metric,
    kind,
    achieved,
    target: base.target,
    percent: base.target > 0 ? (achieved * 100) / base.target : null,
    expectedByNow: base.expectedByNow,
    gap: achieved - base.expectedByNow,
    neededPerWorkday: newShortfall === 0 ? 0 : needed,
  };
}

function recentLog(entry: JournalEntry): RecentLog {
  const e = entry.event;
  return {
    id: e.id,
    metric: e.metric,
    quantity: e.quantity,
    occurredAt: e.occurredAt,
    contactName: e.contact?.name ?? null,
    contactEmail: e.contact?.email ?? null,
    title: e.source?.title ?? null,
    status: entry.status,
    voided: entry.voided,
  };
}

/** This device's logs, plus other devices' newest ones from the server, newest first. */
function recentLogs(state: SyncState): RecentLog[] {
  const here = new Set(state.journal.map((e) => e.event.id));
  const elsewhere = state.serverRecent
    .filter((e) => !here.has(e.id))
    .map(
      (e): RecentLog => ({
        ...recentLog({ event: e, status: 'synced', voided: e.voided }),
      }),
    );
  return [...state.journal.map(recentLog), ...elsewhere]
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    .slice(0, RECENT_SHOWN);
}

export interface ViewContext {
  signedIn: boolean;
  serverUrl: string | null;
  now: number;
  /** Used before the member's own time zone is known. */
  fallbackTimeZone: string;
}

export function buildView(state: SyncState, ctx: ViewContext): SidebarView {
  if (!ctx.signedIn) return SIGNED_OUT_VIEW;
  const settings = state.me?.org.settings;
  const tz = state.me?.member.timezone ?? ctx.fallbackTimeZone;
  const today = localDateOf(ctx.now, tz);
  const snapshotSeq = state.snapshot?.seq ?? -1;
  const day = bucketFor(state.snapshot?.day, today);
  const period = bucketFor(state.snapshot?.period, today);
  const pointsSettings: PointsSettings = settings ?? { customMetrics: [], points: {} };
  const catalog = metricCatalog(pointsSettings);
  const dayChanges = unreflected(state.journal, day, snapshotSeq, tz);
  const periodChanges = unreflected(state.journal, period, snapshotSeq, tz);
  const total = (bucket: Bucket, changes: typeof dayChanges, metric: string) =>
    (metricOf(bucket.base, metric)?.achieved ?? 0) +
    changes.reduce(
      (sum, { entry, delta }) =>
        entry.event.metric === metric ? sum + delta * entry.event.quantity : sum,
      0,
    );

  const primaryId = settings?.primaryMetric ?? state.snapshot?.period.primaryMetric ?? 'revenue';
  const primaryDef = catalog.find((m) => m.id === primaryId);
  const primary = primaryProgress(
    metricOf(period.base, primaryId),
    total(period, periodChanges, primaryId),
    primaryId,
    primaryDef?.kind ?? 'amount',
  );
  const ladder: TierRung[] = (settings?.tiers.ladder ?? DEFAULT_TIERS).map((r) => ({
    id: r.id,
    threshold: r.threshold,
    name: r.name,
  }));
  const tier = primary
    ? tierStatus({
        achieved: primary.achieved,
        target: primary.target,
        ladder: settings?.tiers.ladder ?? DEFAULT_TIERS,
      })
    : null;
  const rung = (id: string | null) => ladder.find((r) => r.id === id) ?? null;

  const dailyGoal = state.snapshot?.day.points.dailyGoal ?? settings?.dailyPointsGoal ?? 20;
  const pointsToday = (day.base?.points.today ?? 0) + pointsChange(dayChanges, pointsSettings);
  const pointsPeriod =
    (period.base?.points.period ?? 0) + pointsChange(periodChanges, pointsSettings);
  const serverStreak = state.snapshot?.day.streak ?? null;

  return {
    signedIn: true,
    memberName: state.me?.member.name ?? null,
    currency: settings?.currency ?? 'USD',
    period: period.base?.period ?? null,
    primary,
    tier: tier
      ? { current: rung(tier.current), next: rung(tier.next), toNext: tier.toNext, ladder }
      : null,
    counters: catalog.map((m) => ({
      metric: m.id,
      label: m.builtin ? null : m.label,
      kind: m.kind,
      today: total(day, dayChanges, m.id),
      period: total(period, periodChanges, m.id),
      pointsPerUnit: m.points,
    })),
    points: { today: pointsToday, period: pointsPeriod, dailyGoal },
    streak: serverStreak
      ? adjustStreak(
          serverStreak,
          day.base ? { qualified: day.base.points.today >= dailyGoal } : null,
          pointsToday >= dailyGoal,
        )
      : null,
    recent: recentLogs(state),
    sync: {
      status: state.unauthorized
        ? 'unauthorized'
        : state.outbox.length === 0
          ? 'synced'
          : state.failures > 0
            ? 'offline'
            : 'pending',
      pending: state.outbox.length,
      lastSyncedAt: state.lastSyncedAt,
      nextAttemptAt:
        state.outbox.length > 0 && state.nextAttemptAt > 0 ? state.nextAttemptAt : null,
      lastError: state.lastError,
    },
    leaderboardUrl: ctx.serverUrl ? `${ctx.serverUrl}/` : null,
    funnelPerWorkday: period.base?.funnel?.perWorkday ?? null,
    contests: contestLines(state, catalog, ctx.now),
    news: (state.news?.items ?? []).map(({ member, at: _at, ...moment }) => ({
      ...moment,
      name: member.name,
    })),
    revision: state.revision ?? 0,
  };
}

/**
 * The member's running contests (those whose round has not ended by `now`), as last fetched.
 * In team contests the place is the member's team's.
 */
function contestLines(
  state: SyncState,
  catalog: readonly MetricDefinition[],
  now: number,
): ContestLine[] {
  return (state.contests?.competitions ?? []).flatMap(({ competition, round, you }) => {
    if (!you || Date.parse(round.endsAt) <= now) return [];
    const metric = catalog.find((m) => m.id === competition.metric);
    return [
      {
        id: competition.id,
        name: competition.name,
        metric: competition.metric,
        label: metric && !metric.builtin ? metric.label : null,
        kind: metric?.kind ?? 'count',
        rank: you.rank,
        of: you.of,
        ahead: you.ahead ? { name: you.ahead.name, by: you.ahead.by } : null,
        endsAt: round.endsAt,
        prize: competition.prize,
      },
    ];
  });
}

/**
 * Today counts toward the streak once it qualifies (shared/domain/streaks.ts): when local logs make today
 * qualify (or an undo un-qualifies it) before the server has seen them, move the streak by one.
 * `seenToday`: whether the server's answer for today counted today (null: the server's streak is
 * from an earlier day). A run is at risk only when there is one to lose.
 */
export function adjustStreak(
  server: NonNullable<SidebarView['streak']>,
  seenToday: { qualified: boolean } | null,
  qualifiesNow: boolean,
): NonNullable<SidebarView['streak']> {
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
