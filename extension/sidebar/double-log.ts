/**
 * The double-log guard. A log from a page record (a thread or CRM record) is keyed by that record
 * and its metric, with or without a contact: a second click within a second is the other half of
 * a double click and never logs; a second log within 2 minutes asks first. Any log for a contact
 * the rep logged the same metric for within 2 minutes (on another record, or from another device)
 * asks first too.
 */
import type { RecentLog } from '../platform/view.ts';

export const DOUBLE_LOG_WINDOW_MS = 2 * 60_000;
/** Two clicks on the same button for the same record closer than this are one intent. */
export const DOUBLE_CLICK_MS = 1_000;

export interface LogIntent {
  metric: string;
  contactEmail: string | null;
  contactName: string | null;
}

function sameContact(log: RecentLog, intent: LogIntent): boolean {
  if (intent.contactEmail && log.contactEmail) {
    return intent.contactEmail.toLowerCase() === log.contactEmail.toLowerCase();
  }
  return intent.contactName !== null && intent.contactName === log.contactName;
}

/** The recent log that makes this one a likely accidental double, if any. */
export function likelyDouble(
  recent: RecentLog[],
  intent: LogIntent,
  now: number,
): RecentLog | null {
  return (
    recent.find(
      (log) =>
        !log.voided &&
        log.status !== 'rejected' &&
        log.metric === intent.metric &&
        sameContact(log, intent) &&
        now - Date.parse(log.occurredAt) < DOUBLE_LOG_WINDOW_MS,
    ) ?? null
  );
}

export type RecordClick =
  | { kind: 'log' }
  /** The second half of a double click: nothing happens. */
  | { kind: 'ignore' }
  /** Logged on this record within the window: ask, saying when (ms epoch). */
  | { kind: 'ask'; loggedAt: number };

/** Per page: the last click and the last log for each record and metric. */
export function recordGuard() {
  const clicks = new Map<string, number>();
  const logs = new Map<string, number>();
  const key = (record: string, metric: string) => `${metric} ${record}`;
  return {
    click(record: string, metric: string, now: number): RecordClick {
      const k = key(record, metric);
      const lastClick = clicks.get(k);
      clicks.set(k, now);
      if (lastClick !== undefined && now - lastClick < DOUBLE_CLICK_MS) return { kind: 'ignore' };
      const loggedAt = logs.get(k);
      return loggedAt !== undefined && now - loggedAt < DOUBLE_LOG_WINDOW_MS
        ? { kind: 'ask', loggedAt }
        : { kind: 'log' };
    },
    logged(record: string, metric: string, now: number): void {
      logs.set(key(record, metric), now);
    },
  };
}
