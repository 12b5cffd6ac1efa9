/**
 * The customer card's and due list's data: asked of the background (which holds the token) and
 * asked again when the member's synced logs change or a class was changed here; the member's own
 * new logs are applied on top with the shared rule (shared/domain/customers.ts), so a visit
 * logged on an overdue customer clears it in the same frame.
 */
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type {
  CustomerDue,
  CustomerLookupResponse,
  CustomerRules,
  CustomerView,
  DueCustomersResponse,
} from '../../../shared/api/customers.ts';
import { customerDue, withLocalFollowUps } from '../../../shared/domain/customers.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { PageMessage } from '../../platform/messages.ts';
import type { SidebarStore } from '../store.ts';

/** Bumped when a class changes here, so the due list asks again. */
export const customerEdits = signal(0);

/** The background's answer to `message`, asked again whenever one of `deps` changes. */
export function useAsked<T>(
  store: SidebarStore,
  message: PageMessage | null,
  deps: unknown[],
): [T | null, (next: T) => void] {
  const [data, setData] = useState<T | null>(null);
  const revision = store.published.value.revision;
  const edits = customerEdits.value;
  // Asked again when the caller's inputs, the synced logs or a class here change.
  useEffect(() => {
    if (!message) {
      setData(null);
      return;
    }
    let live = true;
    void store.ask(message).then((reply) => {
      if (live && reply.ok && reply.data !== undefined) setData(reply.data as T);
    });
    return () => {
      live = false;
    };
  }, [...deps, revision, edits]);
  return [data, setData];
}

/** The member's time zone: the synced basis's, else the team calendar's. */
export function timeZoneOf(store: SidebarStore, rules: CustomerRules): string {
  return store.published.value.basis?.timeZone ?? rules.calendar.timezone;
}

/**
 * The customer's due state today with this page's own logs applied: a log naming any of its
 * identities (`keys`: the one on screen and those merged into it) counts.
 */
export function dueWithLocalLogs(
  store: SidebarStore,
  customer: CustomerView,
  keys: readonly string[],
  rules: CustomerRules,
  now: number,
): CustomerDue {
  const timeZone = timeZoneOf(store, rules);
  const undone = new Set(store.undoneHere.value);
  const logs = store.loggedHere.value.filter((e) => !undone.has(e.id));
  const server =
    customer.due.lastContact && customer.due.lastMetric
      ? { date: customer.due.lastContact, metric: customer.due.lastMetric }
      : null;
  // The server's follow-up days in the last one's cadence period, moved on by this page's logs
  // with the same rule (A: due once its 2 follow-ups of the week are in).
  const { last, followUps } = withLocalFollowUps(
    { last: server, followUps: customer.due.followUps },
    keys,
    logs,
    rules.customers.followUpMetrics,
    timeZone,
    customer.class
      ? { cadence: rules.customers.cadence[customer.class], cal: rules.calendar }
      : null,
  );
  return customerDue({
    class: customer.class,
    last,
    followUps,
    since: customer.since,
    today: localDateOf(now, timeZone),
    settings: rules.customers,
    cal: rules.calendar,
  });
}

export type { CustomerLookupResponse, DueCustomersResponse };
