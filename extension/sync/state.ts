/**
 * Everything the sync engine knows, persisted as ONE document so that each change (a log, an
 * acknowledgement, a snapshot) is a single atomic write: after a service-worker or browser
 * restart the engine continues from exactly the last committed state.
 */

import type { AnnouncementView } from '../../shared/api/announcements.ts';
import type { RunningContestsResponse } from '../../shared/api/contests.ts';
import type { EventView } from '../../shared/api/events.ts';
import type { MeResponse } from '../../shared/api/orgs.ts';
import type { LeaderboardResponse, ProgressResponse } from '../../shared/api/progress.ts';
import type { Tagged } from './api-client.ts';
import type { JournalEntry } from './journal.ts';
import type { OutboxOp } from './outbox.ts';

export interface ProgressSnapshot {
  /** Progress for today (day counters, today's points). */
  day: Tagged<ProgressResponse>;
  /** Progress for the incentive period (primary bar, tier, period counters). */
  period: Tagged<ProgressResponse>;
  /** `SyncState.seq` when the request started: acks up to it are included. */
  seq: number;
  fetchedAt: number;
}

export interface SyncState {
  outbox: OutboxOp[];
  journal: JournalEntry[];
  /** Increases with every server acknowledgement; orders acks against snapshots. */
  seq: number;
  /** Consecutive failed attempts; 0 when the last attempt worked. */
  failures: number;
  /** Epoch ms before which no retry is made (backoff). */
  nextAttemptAt: number;
  lastError: string | null;
  lastSyncedAt: number | null;
  /** The server refused the token: stop sending until the user signs in again. */
  unauthorized: boolean;
  me: MeResponse | null;
  snapshot: ProgressSnapshot | null;
  /** The newest logs on the server (any device), as of the snapshot. */
  serverRecent: EventView[];
  /**
   * Counts local commits (absent in state stored by older versions). A page that made a log
   * learns the revision that committed it, and knows any view of that revision or later counts it.
   */
  revision?: number;
  /** The member's running contests as last fetched (absent in older stored state). */
  contests?: Tagged<RunningContestsResponse>;
  /**
   * Teammates' announcements: the newest id seen (the next poll's `since`) and the last few
   * that arrived after the first poll (the first only sets the baseline: no old news).
   */
  news?: { since: number; etag?: string; items: AnnouncementView[] };
  /** The member's team board by attainment for the incentive period (absent in older state). */
  board?: Tagged<LeaderboardResponse>;
}

export function emptyState(): SyncState {
  return {
    outbox: [],
    journal: [],
    seq: 0,
    failures: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastSyncedAt: null,
    unauthorized: false,
    me: null,
    snapshot: null,
    serverRecent: [],
  };
}

/**
 * Where the state document is kept: the background's storage item (`stored.syncState()` in
 * platform/storage.ts: chrome.storage.local survives service-worker and browser restarts), or
 * memory in the unit tests. State written by older versions lacks the fields added since.
 */
export interface StateDocument {
  getValue(): Promise<Partial<SyncState>>;
  setValue(value: SyncState): Promise<void>;
}

/**
 * Read-modify-write on the persisted state, one at a time. Event handlers in a service worker
 * interleave at every `await`; the queue makes each update see the previous one's result.
 */
export class StateStore {
  readonly #document: StateDocument;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(document: StateDocument) {
    this.#document = document;
  }

  read(): Promise<SyncState> {
    return this.#serial(() => this.#load());
  }

  update(change: (state: SyncState) => SyncState): Promise<SyncState> {
    return this.#serial(async () => {
      const next = change(await this.#load());
      await this.#document.setValue(next);
      return next;
    });
  }

  async #load(): Promise<SyncState> {
    return { ...emptyState(), ...(await this.#document.getValue()) };
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
