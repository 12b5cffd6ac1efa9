/**
 * The sidebar's numbers update in the same frame as the click: logs made on this page (and undos)
 * are added to the basis of the last published view and its numbers computed again with the
 * function the background uses (shared/domain/overlay.ts), until the background publishes a view
 * that contains them. So the click shows the numbers the background will publish, which are the
 * numbers the server answers once it has the logs.
 */
import type { ActivityEvent } from '../../shared/api/events.ts';
import { overlay } from '../../shared/domain/overlay.ts';
import type { OverlayBasis, RecentLog, SidebarView } from '../platform/view.ts';
import { withFigures } from '../platform/view-figures.ts';

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
  /**
   * Log id → what the page knew of its won deal's customer when it was logged (the customer
   * card's lookup of the thread or record on screen), for its segment (shared/domain/overlay.ts).
   * The background does not know it, so it is applied to its published logs too until they sync.
   */
  customers?: Record<string, { firstDeal: string | null }>;
}

function asRecent(event: ActivityEvent): RecentLog {
  return {
    id: event.id,
    metric: event.metric,
    quantity: event.quantity,
    ...(event.amount ? { amount: event.amount } : {}),
    occurredAt: event.occurredAt,
    contactName: event.contact?.name ?? null,
    contactEmail: event.contact?.email ?? null,
    title: event.source?.title ?? null,
    status: 'pending',
    voided: false,
    evidence: Boolean(event.source?.url),
    ...(event.deal ? { deal: event.deal } : {}),
    ...(event.category ? { category: event.category } : {}),
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
    ...(changes.customers ? { customers: changes.customers } : {}),
  };
}

/** The basis's logs with this page's logs and undos: what the background will count. */
function withPageChanges(
  basis: OverlayBasis,
  recent: readonly RecentLog[],
  pending: LocalChanges,
): OverlayBasis['logs'] {
  const hints = pending.customers ?? {};
  const logs = basis.logs.map((l) => {
    const customer = Object.hasOwn(hints, l.id) ? hints[l.id] : undefined;
    return customer && !l.customer ? { ...l, customer } : l;
  });
  const known = new Set(logs.map((l) => l.id));
  for (const e of pending.logs) {
    if (known.has(e.id)) continue;
    const customer = Object.hasOwn(hints, e.id) ? hints[e.id] : undefined;
    logs.push({
      id: e.id,
      metric: e.metric,
      quantity: e.quantity,
      ...(e.amount ? { amount: e.amount } : {}),
      ...(e.category ? { category: e.category } : {}),
      ...(customer ? { customer } : {}),
      occurredAt: e.occurredAt,
      evidence: Boolean(e.source?.url),
      countsHere: true,
      countedByServer: false,
    });
  }
  for (const id of pending.undone) {
    const index = logs.findIndex((l) => l.id === id);
    const log = logs[index];
    if (log) {
      logs[index] = { ...log, countsHere: false };
      continue;
    }
    // Not among the unsynced logs: a log the server's answer counts (this device's or another's).
    const shown = recent.find((r) => r.id === id);
    if (!shown || shown.voided || shown.status !== 'synced') continue;
    logs.push({
      id,
      metric: shown.metric,
      quantity: shown.quantity,
      ...(shown.amount ? { amount: shown.amount } : {}),
      ...(shown.category ? { category: shown.category } : {}),
      occurredAt: shown.occurredAt,
      evidence: shown.evidence ?? false,
      countsHere: false,
      countedByServer: true,
    });
  }
  return logs;
}

export function applyLocalChanges(
  view: SidebarView,
  changes: LocalChanges,
  now: number = Date.now(),
): SidebarView {
  const pending = settledChanges(view, changes);
  const hinted = (view.basis?.logs ?? []).some(
    (l) => !l.customer && pending.customers !== undefined && Object.hasOwn(pending.customers, l.id),
  );
  if (pending.logs.length === 0 && pending.undone.length === 0 && !hinted) return view;
  const undone = new Set(pending.undone);
  const recent = [...pending.logs.map(asRecent).reverse(), ...view.recent].map((r) =>
    undone.has(r.id) && !r.voided ? { ...r, voided: true } : r,
  );
  const next = { ...view, recent };
  if (!view.basis) return next;
  const basis = { ...view.basis, logs: withPageChanges(view.basis, view.recent, pending) };
  return withFigures(next, basis, overlay({ ...basis, now }));
}
