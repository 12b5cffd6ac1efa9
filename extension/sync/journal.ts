/**
 * The journal: the member's recent logs as this device knows them (newest first), with enough
 * sync history to tell whether the server's last progress snapshot already counts each one.
 * That is what lets the sidebar show correct numbers at once, offline, and after sync without
 * counting anything twice.
 */
import type { ActivityEvent } from '../../shared/api/events.ts';

export interface JournalEntry {
  event: ActivityEvent;
  status: 'pending' | 'synced' | 'rejected';
  error?: string;
  voided: boolean;
  /** Sync sequence number at which the server confirmed the event (see SyncState.seq). */
  syncedSeq?: number;
  /** Sync sequence number at which the server confirmed the void. */
  voidSyncedSeq?: number;
}

/** Entries kept once they no longer change any number (the undo list shows the newest). */
export const JOURNAL_KEEP = 50;

export function recordLog(journal: JournalEntry[], event: ActivityEvent): JournalEntry[] {
  if (journal.some((e) => e.event.id === event.id)) return journal;
  return [{ event, status: 'pending', voided: false }, ...journal];
}

function update(
  journal: JournalEntry[],
  ids: ReadonlySet<string>,
  change: (entry: JournalEntry) => JournalEntry,
): JournalEntry[] {
  return journal.map((entry) => (ids.has(entry.event.id) ? change(entry) : entry));
}

export function markSynced(journal: JournalEntry[], ids: string[], seq: number): JournalEntry[] {
  return update(journal, new Set(ids), (e) => ({ ...e, status: 'synced', syncedSeq: seq }));
}

export function markRejected(journal: JournalEntry[], id: string, error: string): JournalEntry[] {
  return update(journal, new Set([id]), (e) => ({ ...e, status: 'rejected', error }));
}

export function markVoided(journal: JournalEntry[], id: string): JournalEntry[] {
  return update(journal, new Set([id]), (e) => ({ ...e, voided: true }));
}

export function markVoidSynced(journal: JournalEntry[], id: string, seq: number): JournalEntry[] {
  return update(journal, new Set([id]), (e) => ({ ...e, voidSyncedSeq: seq }));
}

/**
 * Whether this entry counts here (logged, not undone, not refused) and in a server snapshot taken
 * at `snapshotSeq` (−1: no snapshot): the server confirmed it by then and not a void of it.
 */
export function countedBy(
  entry: JournalEntry,
  snapshotSeq: number,
): { countsHere: boolean; countedByServer: boolean } {
  return {
    countsHere: entry.status !== 'rejected' && !entry.voided,
    countedByServer:
      entry.syncedSeq !== undefined &&
      entry.syncedSeq <= snapshotSeq &&
      !(entry.voidSyncedSeq !== undefined && entry.voidSyncedSeq <= snapshotSeq),
  };
}

/** Forgets old entries, but never one whose effect the snapshot does not show yet. */
export function pruneJournal(
  journal: JournalEntry[],
  snapshotSeq: number,
  keep = JOURNAL_KEEP,
): JournalEntry[] {
  return journal.filter((entry, index) => {
    if (index < keep || entry.status === 'pending') return true;
    const { countsHere, countedByServer } = countedBy(entry, snapshotSeq);
    return countsHere !== countedByServer;
  });
}
