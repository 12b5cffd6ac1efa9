/** The double-log guard: the same kind of log for the same contact within 2 minutes asks first. */
import type { RecentLog } from '../platform/view.ts';

export const DOUBLE_LOG_WINDOW_MS = 2 * 60_000;

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
