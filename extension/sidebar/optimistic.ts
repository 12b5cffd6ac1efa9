/**
 * The sidebar's numbers update in the same frame as the click: logs made on this page (and undos)
 * are applied to the last published view until the background publishes a view that contains
 * them. Plain arithmetic on the published per-unit points, so no domain code is needed here.
 */
import type { ActivityEvent } from '../../shared/api/events.ts';
import type { RecentLog, SidebarView } from '../platform/view.ts';

export interface LocalChanges {
  /** Logs made here that the published view may not show yet. */
  logs: ActivityEvent[];
  /** Ids undone here. */
  undone: string[];
  /**
   * Log id → the sync-state revision that committed it (from the background's reply). A view of
   * that revision or later counts the log even when it is too old for the view's recent list
   * (a burst of clicks), so it must no longer be added on top.
   */
  acked?: Record<string, number>;
}

function addToCounters(view: SidebarView, metric: string, quantity: number): SidebarView {
  const counter = view.counters.find((c) => c.metric === metric);
  const points = (counter?.pointsPerUnit ?? 0) * quantity;
  return {
    ...view,
    counters: view.counters.map((c) =>
      c.metric === metric ? { ...c, today: c.today + quantity, period: c.period + quantity } : c,
    ),
    points: {
      ...view.points,
      today: view.points.today + points,
      period: view.points.period + points,
    },
    primary:
      view.primary && view.primary.metric === metric
        ? withAchieved(view.primary, view.primary.achieved + quantity)
        : view.primary,
  };
}

function withAchieved(p: NonNullable<SidebarView['primary']>, achieved: number) {
  return {
    ...p,
    achieved,
    percent: p.target > 0 ? (achieved * 100) / p.target : p.percent,
    gap: achieved - p.expectedByNow,
  };
}

function asRecent(event: ActivityEvent): RecentLog {
  return {
    id: event.id,
    metric: event.metric,
    quantity: event.quantity,
    occurredAt: event.occurredAt,
    contactName: event.contact?.name ?? null,
    contactEmail: event.contact?.email ?? null,
    title: event.source?.title ?? null,
    status: 'pending',
    voided: false,
  };
}

/** Local changes the published view already contains can be forgotten. */
export function settledChanges(view: SidebarView, changes: LocalChanges): LocalChanges {
  const known = new Map(view.recent.map((r) => [r.id, r]));
  const acked = changes.acked ?? {};
  const revision = view.revision ?? -1;
  const counted = (id: string) => {
    const at = acked[id];
    return known.has(id) || (at !== undefined && revision >= at);
  };
  const logs = changes.logs.filter((e) => !counted(e.id));
  const stillAcked: Record<string, number> = {};
  for (const e of logs) {
    const at = acked[e.id];
    if (at !== undefined) stillAcked[e.id] = at;
  }
  return {
    logs,
    undone: changes.undone.filter((id) => known.get(id)?.voided !== true),
    acked: stillAcked,
  };
}

export function applyLocalChanges(view: SidebarView, changes: LocalChanges): SidebarView {
  const pending = settledChanges(view, changes);
  let next = view;
  for (const event of pending.logs) {
    next = addToCounters(next, event.metric, event.quantity);
    next = { ...next, recent: [asRecent(event), ...next.recent] };
  }
  for (const id of pending.undone) {
    const log = next.recent.find((r) => r.id === id);
    if (!log || log.voided) continue;
    next = addToCounters(next, log.metric, -log.quantity);
    next = { ...next, recent: next.recent.map((r) => (r.id === id ? { ...r, voided: true } : r)) };
  }
  return next;
}
