/**
 * The sync engine: logs are committed to the persisted outbox first, then sent in batches.
 * Failures back off exponentially with full jitter; a retry after a lost response is harmless
 * because every event carries its client-made id (the server answers `duplicate`). After the
 * outbox drains, the server's progress is fetched again (reconciliation).
 */
import type { PeriodKind } from '../../shared/api/common.ts';
import type { ActivityEvent } from '../../shared/api/events.ts';
import { ApiError, isRetryable, type PacerApi } from './api-client.ts';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import {
  type JournalEntry,
  markRejected,
  markSynced,
  markVoided,
  markVoidSynced,
  pruneJournal,
  recordLog,
} from './journal.ts';
import {
  acknowledge,
  cancelEvent,
  enqueueEvent,
  enqueueVoid,
  hasQueuedEvent,
  nextBatch,
  type OutboxBatch,
} from './outbox.ts';
import {
  emptyState,
  type ProgressSnapshot,
  type StateDocument,
  StateStore,
  type SyncState,
} from './state.ts';

export interface SyncEngineOptions {
  /** Where the state is persisted (see StateDocument). */
  document: StateDocument;
  /** The API for the signed-in member, or null when signed out. */
  api: () => Promise<PacerApi | null>;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Asks to be woken (alarm) at this epoch ms to retry. */
  wakeAt?: (at: number) => void;
  /** Called after every committed change, e.g. to refresh the sidebars. */
  onChange?: (state: SyncState) => void;
}

/**
 * Undo of a log this device only knows from the server (made on another device): it is in the
 * snapshot, so it joins the journal as synced-and-voided (the view subtracts it at once) and a
 * void is queued.
 */
function undoFromServerList(s: SyncState, id: string): SyncState {
  const known = s.serverRecent.find((e) => e.id === id);
  if (!known || known.voided) return s;
  const { memberId: _m, localDate: _d, voided: _v, evidence: _e, ...event } = known;
  const entry: JournalEntry = {
    event,
    status: 'synced',
    voided: true,
    syncedSeq: s.snapshot?.seq ?? s.seq,
  };
  return { ...s, journal: [entry, ...s.journal], outbox: enqueueVoid(s.outbox, id) };
}

export type FlushOutcome = 'idle' | 'synced' | 'waiting' | 'retrying' | 'signed-out';

/** How many of the newest server-side logs to keep for the undo list. */
/** Announcements kept for the sidebars' toasts (each page toasts the ones it has not shown). */
const NEWS_KEPT = 5;
const RECENT_FROM_SERVER = 10;

/** Once this old, the member profile (name, org settings) is fetched again. */
const PROFILE_MAX_AGE_MS = 60 * 60_000;

export class SyncEngine {
  readonly #state: StateStore;
  readonly #opts: Required<Omit<SyncEngineOptions, 'document'>>;
  /** Ids of events in the request being sent right now (memory only: a restart resends). */
  #inFlight = new Set<string>();
  #running: Promise<FlushOutcome> | null = null;
  #again = false;
  #profileFetchedAt = 0;

  constructor(options: SyncEngineOptions) {
    this.#state = new StateStore(options.document);
    this.#opts = {
      api: options.api,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      wakeAt: options.wakeAt ?? (() => {}),
      onChange: options.onChange ?? (() => {}),
    };
  }

  state(): Promise<SyncState> {
    return this.#state.read();
  }

  async #commit(change: (s: SyncState) => SyncState): Promise<SyncState> {
    const next = await this.#state.update((s) => ({
      ...change(s),
      revision: (s.revision ?? 0) + 1,
    }));
    this.#opts.onChange(next);
    return next;
  }

  /** Commits the log locally. Resolves once it is durable; sending happens on flush. */
  log(event: ActivityEvent): Promise<SyncState> {
    return this.#commit((s) => ({
      ...s,
      outbox: enqueueEvent(s.outbox, event),
      journal: recordLog(s.journal, event),
    }));
  }

  /** Undo: a log still waiting is simply dropped; a sent one gets a void queued after it. */
  undo(id: string): Promise<SyncState> {
    return this.#commit((s) => {
      const entry = s.journal.find((e) => e.event.id === id);
      if (!entry) return undoFromServerList(s, id);
      if (entry.voided) return s;
      const journal = markVoided(s.journal, id);
      if (hasQueuedEvent(s.outbox, id) && !this.#inFlight.has(id)) {
        return { ...s, journal, outbox: cancelEvent(s.outbox, id) };
      }
      if (entry.status === 'rejected') return { ...s, journal };
      return { ...s, journal, outbox: enqueueVoid(s.outbox, id) };
    });
  }

  /** After signing in again as the same member: send what is waiting, at once. */
  resume(): Promise<SyncState> {
    return this.#commit((s) => ({
      ...s,
      unauthorized: false,
      failures: 0,
      nextAttemptAt: 0,
      lastError: null,
    }));
  }

  /** Forgets everything (sign-out, or another member signing in). */
  reset(): Promise<SyncState> {
    this.#profileFetchedAt = 0;
    return this.#commit(emptyState);
  }

  /**
   * Sends what is queued, then reconciles. One run at a time; a call during a run makes the run
   * go round once more. `force` ignores the backoff wait (the browser just came online).
   */
  flush(options: { force?: boolean } = {}): Promise<FlushOutcome> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      let outcome: FlushOutcome;
      do {
        this.#again = false;
        outcome = await this.#run(options.force ?? false);
        // Asked again meanwhile (a new log, "sync now"): go round, unless the server is
        // unreachable or refused us, where the backoff or a new sign-in decides.
      } while (this.#again && (outcome === 'synced' || outcome === 'idle'));
      return outcome;
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #run(force: boolean): Promise<FlushOutcome> {
    const api = await this.#opts.api();
    if (!api) return 'signed-out';
    let state = await this.#state.read();
    if (state.unauthorized) return 'signed-out';
    if (!force && state.outbox.length > 0 && this.#opts.now() < state.nextAttemptAt) {
      this.#opts.wakeAt(state.nextAttemptAt);
      return 'waiting';
    }
    let sentAny = false;
    for (let batch = nextBatch(state.outbox); batch; batch = nextBatch(state.outbox)) {
      const result = await this.#send(api, batch);
      if (result !== 'sent') return result;
      sentAny = true;
      state = await this.#state.read();
    }
    await this.#reconcile(api, state);
    return sentAny || state.snapshot ? 'synced' : 'idle';
  }

  async #send(api: PacerApi, batch: OutboxBatch): Promise<'sent' | 'retrying' | 'signed-out'> {
    const ids = batch.kind === 'events' ? batch.events.map((e) => e.id) : [batch.id];
    for (const id of ids) this.#inFlight.add(id);
    try {
      if (batch.kind === 'events') {
        const { results } = await api.postEvents(batch.events);
        await this.#commit((s) => this.#applyEventResults(s, batch, results));
      } else {
        await api.voidEvent(batch.id);
        await this.#commit((s) =>
          this.#succeeded(s, batch, (j, seq) => markVoidSynced(j, batch.id, seq)),
        );
      }
      return 'sent';
    } catch (error) {
      return this.#failed(batch, error);
    } finally {
      for (const id of ids) this.#inFlight.delete(id);
    }
  }

  #succeeded(
    s: SyncState,
    batch: OutboxBatch,
    markJournal: (journal: SyncState['journal'], seq: number) => SyncState['journal'],
  ): SyncState {
    const seq = s.seq + 1;
    return {
      ...s,
      seq,
      outbox: acknowledge(s.outbox, batch),
      journal: markJournal(s.journal, seq),
      failures: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastSyncedAt: this.#opts.now(),
    };
  }

  #applyEventResults(
    s: SyncState,
    batch: OutboxBatch & { kind: 'events' },
    results: { id: string; status: string; error?: { message: string } | undefined }[],
  ): SyncState {
    return this.#succeeded(s, batch, (journal, seq) => {
      let next = markSynced(
        journal,
        results.filter((r) => r.status !== 'rejected').map((r) => r.id),
        seq,
      );
      for (const r of results) {
        if (r.status === 'rejected')
          next = markRejected(next, r.id, r.error?.message ?? 'rejected');
      }
      return next;
    });
  }

  async #failed(batch: OutboxBatch, error: unknown): Promise<'sent' | 'retrying' | 'signed-out'> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ApiError && error.status === 401) {
      await this.#commit((s) => ({ ...s, unauthorized: true, lastError: message }));
      return 'signed-out';
    }
    if (isRetryable(error)) {
      const s = await this.#commit((s) => {
        const failures = s.failures + 1;
        const delay = backoffDelay(failures, this.#opts.random, this.#opts.backoff);
        return { ...s, failures, nextAttemptAt: this.#opts.now() + delay, lastError: message };
      });
      this.#opts.wakeAt(s.nextAttemptAt);
      return 'retrying';
    }
    // A final refusal (4xx) of the whole request: retrying cannot help, so the logs are marked
    // rejected where the member can see them instead of blocking the queue for ever.
    await this.#commit((s) =>
      this.#succeeded(s, batch, (journal) =>
        batch.kind === 'events'
          ? batch.events.reduce((j, e) => markRejected(j, e.id, message), journal)
          : journal,
      ),
    );
    return 'sent';
  }

  /**
   * Teammates' announcements since the last poll (a 304 when none). The first poll only learns
   * the newest id; the member's own moments are not news to them. Failures keep what was known.
   */
  async #news(api: PacerApi, state: SyncState, memberId: string): Promise<SyncState['news']> {
    const known = state.news;
    try {
      const answer = await api.announcements(known?.since ?? 0, known?.etag);
      if (!answer) return known;
      const fresh = known ? answer.announcements.filter((a) => a.member.id !== memberId) : [];
      return {
        since: Math.max(known?.since ?? 0, answer.latest),
        ...(answer.etag ? { etag: answer.etag } : {}),
        items: [...(known?.items ?? []), ...fresh].slice(-NEWS_KEPT),
      };
    } catch {
      return known;
    }
  }

  /** Fetches the member's progress again so local numbers converge on the server's. */
  async #reconcile(api: PacerApi, state: SyncState): Promise<void> {
    try {
      let me = state.me;
      if (!me || this.#opts.now() - this.#profileFetchedAt > PROFILE_MAX_AGE_MS) {
        me = await api.me();
        this.#profileFetchedAt = this.#opts.now();
      }
      const incentivePeriod: PeriodKind = me.org.settings.tiers.period;
      const seq = state.seq;
      const previous = state.snapshot;
      const samePeriod = previous?.period.period.kind === incentivePeriod;
      // With the last change tokens, an unchanged server answers 304 and reads almost nothing.
      const [freshDay, freshPeriod] = await Promise.all([
        api.progress('day', previous?.day.etag),
        api.progress(incentivePeriod, samePeriod ? previous?.period.etag : undefined),
      ]);
      // 304 means the server holds exactly what that snapshot shows, as of now.
      const day = freshDay ?? previous?.day;
      const period = freshPeriod ?? (samePeriod ? previous?.period : undefined);
      if (!day || !period) return;
      const snapshot: ProgressSnapshot = { day, period, seq, fetchedAt: this.#opts.now() };
      // Other devices' logs, for the undo list: only worth a request when something changed.
      const changed = freshDay !== null || freshPeriod !== null;
      const serverRecent = changed
        ? await api.recentEvents(RECENT_FROM_SERVER).then(
            (r) => r.events,
            // Only the undo list depends on it: the progress snapshot is kept regardless.
            () => state.serverRecent,
          )
        : state.serverRecent;
      // Contests move with colleagues' logs too; a 304 (or a failure) keeps the last answer.
      const contests = await api.runningContests(state.contests?.etag).then(
        (fresh) => fresh ?? state.contests,
        () => state.contests,
      );
      const news = await this.#news(api, state, me.member.id);
      // The team's board, for "you passed …" (background/celebrations.ts); kept on failure.
      const sameBoard = state.board?.period.kind === incentivePeriod;
      const board = await api
        .board(incentivePeriod, sameBoard ? state.board?.etag : undefined)
        .then(
          (fresh) => fresh ?? (sameBoard ? state.board : undefined),
          () => state.board,
        );
      // Runs inside the single flush, so no acknowledgement can land between reading `seq`
      // and the server answering: the snapshot counts exactly the logs acked up to `seq`.
      await this.#commit((s) => ({
        ...s,
        me,
        snapshot,
        serverRecent,
        ...(contests ? { contests } : {}),
        ...(news ? { news } : {}),
        ...(board ? { board } : {}),
        journal: pruneJournal(s.journal, seq),
      }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        await this.#commit((s) => ({ ...s, unauthorized: true, lastError: error.message }));
      }
      // Otherwise keep the last snapshot: the local overlay still shows the right numbers.
    }
  }
}
