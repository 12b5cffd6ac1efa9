/**
 * What the sidebar shows, computed from the server's last progress snapshot plus the local
 * journal: the numbers come from shared/domain/overlay.ts (the server's own rules), over the
 * logs the snapshot does not reflect yet; the rest (recent logs, sync state, contests, news)
 * from the sync state. The basis of the numbers is published with the view, so the sidebar in
 * a page can add a new log to it with the same function in the same frame.
 */
import type { WorkCalendar } from '../../shared/domain/calendar.ts';
import { dealValue, isPayable } from '../../shared/domain/collections.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import { type MetricDefinition, metricCatalog } from '../../shared/domain/metrics.ts';
import { overlay } from '../../shared/domain/overlay.ts';
import { type RhythmMoment, rhythmAt } from '../../shared/domain/rhythm.ts';
import type {
  ContestLine,
  OverlayBasis,
  RecentLog,
  SidebarView,
  WonDealLine,
} from '../platform/view.ts';
import { SIGNED_OUT_VIEW } from '../platform/view.ts';
import { withFigures } from '../platform/view-figures.ts';
import { countedBy, type JournalEntry } from './journal.ts';
import type { SyncState } from './state.ts';

const RECENT_SHOWN = 10;

function recentLog(entry: JournalEntry): RecentLog {
  const e = entry.event;
  return {
    id: e.id,
    metric: e.metric,
    quantity: e.quantity,
    ...(e.amount ? { amount: e.amount } : {}),
    occurredAt: e.occurredAt,
    contactName: e.contact?.name ?? null,
    contactEmail: e.contact?.email ?? null,
    title: e.source?.title ?? null,
    status: entry.status,
    voided: entry.voided,
    evidence: Boolean(e.source?.url),
    ...(e.deal ? { deal: e.deal } : {}),
    ...(e.category ? { category: e.category } : {}),
  };
}

const WON_DEALS_SHOWN = 8;

/**
 * The won deals among the logs this device knows (its journal and the server's newest), not
 * undone nor refused, newest first: what a collection can name (shared/domain/collections.ts).
 */
function wonDeals(state: SyncState): WonDealLine[] {
  const here = new Set(state.journal.map((e) => e.event.id));
  const known = [
    ...state.journal.filter((e) => e.status !== 'rejected' && !e.voided).map((e) => e.event),
    ...state.serverRecent.filter((e) => !here.has(e.id) && !e.voided),
  ];
  return known
    .filter((e) => isPayable(e.metric))
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    .slice(0, WON_DEALS_SHOWN)
    .map((e) => ({
      id: e.id,
      value: dealValue(e),
      contactName: e.contact?.name ?? e.contact?.email ?? null,
      occurredAt: e.occurredAt,
    }));
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
  /**
   * The instant the daily rhythm's cards are decided at (background/rhythm-clock.ts: `now` in
   * the build as shipped); null decides nothing. Absent: `now`.
   */
  rhythmNow?: number | null;
}

/**
 * Which of the daily rhythm's cards are due at `now` (shared/domain/rhythm.ts), on the view's
 * calendar in the time zone its numbers are counted in; null without either, or without a clock.
 */
export function viewRhythm(
  view: Pick<SidebarView, 'signedIn' | 'calendar' | 'basis'>,
  now: number | null,
): RhythmMoment | null {
  if (now === null || !view.signedIn || !view.calendar || !view.basis) return null;
  return rhythmAt(now, view.basis.timeZone, view.calendar);
}

/**
 * The journal entries the overlay needs: those the snapshot and this device disagree on, and
 * today's (counted from the journal alone when the snapshot is from another day).
 */
function unsyncedLogs(state: SyncState, tz: string, today: string): OverlayBasis['logs'] {
  const snapshotSeq = state.snapshot?.seq ?? -1;
  return state.journal.flatMap((entry: JournalEntry) => {
    const { countsHere, countedByServer } = countedBy(entry, snapshotSeq);
    const e = entry.event;
    if (countsHere === countedByServer && localDateOf(e.occurredAt, tz) !== today) return [];
    return [
      {
        id: e.id,
        metric: e.metric,
        quantity: e.quantity,
        ...(e.amount ? { amount: e.amount } : {}),
        ...(e.category ? { category: e.category } : {}),
        occurredAt: e.occurredAt,
        evidence: Boolean(e.source?.url),
        countsHere,
        countedByServer,
      },
    ];
  });
}

export function buildView(state: SyncState, ctx: ViewContext): SidebarView {
  if (!ctx.signedIn) return SIGNED_OUT_VIEW;
  const settings = state.me?.org.settings;
  const tz = state.me?.member.timezone ?? ctx.fallbackTimeZone;
  const catalog = metricCatalog(settings ?? { customMetrics: [], points: {} });
  const basis: OverlayBasis = {
    day: state.snapshot?.day ?? null,
    period: state.snapshot?.period ?? null,
    settings: settings ?? {},
    timeZone: tz,
    logs: unsyncedLogs(state, tz, localDateOf(ctx.now, tz)),
  };
  const skeleton: SidebarView = {
    signedIn: true,
    memberName: state.me?.member.name ?? null,
    currency: settings?.currency ?? 'USD',
    period: null,
    primary: null,
    tier: null,
    counters: catalog.map((m) => ({
      metric: m.id,
      label: m.builtin ? null : m.label,
      kind: m.kind,
      today: 0,
      period: 0,
      pointsPerUnit: m.points,
    })),
    points: { today: 0, period: 0, dailyGoal: 20 },
    streak: null,
    recent: recentLogs(state),
    wonDeals: wonDeals(state),
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
    funnelPerWorkday: currentPeriod(state, tz, ctx.now)?.funnel?.perWorkday ?? null,
    funnelRates: currentPeriod(state, tz, ctx.now)?.funnel?.conversion ?? null,
    contests: contestLines(state, catalog, ctx.now),
    news: (state.news?.items ?? []).map(({ member, at: _at, ...moment }) => ({
      ...moment,
      name: member.name,
    })),
    ...(settings ? { calendar: viewCalendar(settings.calendar, localDateOf(ctx.now, tz)) } : {}),
    categories: settings?.productCategories ?? [],
    revision: state.revision ?? 0,
    basis,
  };
  skeleton.rhythm = viewRhythm(skeleton, ctx.rhythmNow === undefined ? ctx.now : ctx.rhythmNow);
  return withFigures(skeleton, basis, overlay({ ...basis, now: ctx.now }));
}

/** Holidays and make-up days further than this from today are left out of the view. */
const CALENDAR_DAYS_BEFORE = 35;
const CALENDAR_DAYS_AFTER = 70;

/**
 * The calendar the sidebar's daily rhythm reads: every rule field, with the dated lists cut to
 * the weeks around today (every content script reads the view at page load, and a team's list of
 * holidays may run for years). The view is republished far more often than that window moves.
 */
function viewCalendar(cal: WorkCalendar, today: string): WorkCalendar {
  const from = addDays(today, -CALENDAR_DAYS_BEFORE);
  const to = addDays(today, CALENDAR_DAYS_AFTER);
  const near = (days: readonly string[]) => days.filter((d) => d >= from && d <= to);
  return {
    weekStart: cal.weekStart,
    workweeks: cal.workweeks,
    cycleAnchor: cal.cycleAnchor,
    fiscalYearStartMonth: cal.fiscalYearStartMonth,
    holidays: near(cal.holidays),
    extraWorkdays: near(cal.extraWorkdays),
    ...(cal.workingHours ? { workingHours: cal.workingHours } : {}),
  };
}

/** The snapshot of the incentive period, when it is the current one. */
function currentPeriod(state: SyncState, tz: string, now: number) {
  const period = state.snapshot?.period;
  const today = localDateOf(now, tz);
  return period && period.period.start <= today && today <= period.period.end ? period : null;
}

/**
 * The member's running contests (those whose round has not ended by `now`) and those just over
 * whose standings are provisional until they settle, as last fetched. In team contests the place
 * is the member's team's. (Rounds stored by older versions have no `settlesAt`: shown until
 * their end.)
 */
function contestLines(
  state: SyncState,
  catalog: readonly MetricDefinition[],
  now: number,
): ContestLine[] {
  return (state.contests?.contests ?? []).flatMap(({ contest, round, you }) => {
    const until = round.provisional === false ? round.endsAt : (round.settlesAt ?? round.endsAt);
    if (!you || Date.parse(until) <= now) return [];
    const over = Date.parse(round.endsAt) <= now;
    const metric = catalog.find((m) => m.id === contest.metric);
    return [
      {
        id: contest.id,
        name: contest.name,
        metric: contest.metric,
        label: metric && !metric.builtin ? metric.label : null,
        kind: metric?.kind ?? 'count',
        rank: you.rank,
        of: you.of,
        ahead: you.ahead ? { name: you.ahead.name, by: you.ahead.by } : null,
        endsAt: round.endsAt,
        ...(over ? { provisional: true, settlesAt: until } : {}),
        prize: contest.prize,
      },
    ];
  });
}
