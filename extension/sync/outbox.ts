/**
 * The outbox: operations waiting for the server, oldest first. Pure functions over a plain array,
 * so the engine can apply them inside one atomic read-modify-write of the persisted state.
 * Order matters: an event is always sent before a void of the same event.
 */
import type { ActivityEvent } from '../../shared/api/events.ts';

export type OutboxOp = { kind: 'event'; event: ActivityEvent } | { kind: 'void'; id: string };

/** What to send next: up to `max` consecutive events as one request, or a single void. */
export type OutboxBatch =
  | { kind: 'events'; events: ActivityEvent[] }
  | { kind: 'void'; id: string };

/** The API takes up to 500 events per request; 100 keeps each request small and quick to retry. */
export const MAX_BATCH = 100;

export function enqueueEvent(outbox: OutboxOp[], event: ActivityEvent): OutboxOp[] {
  // A resent log with an id already queued is the same log: keep the first.
  if (outbox.some((op) => op.kind === 'event' && op.event.id === event.id)) return outbox;
  return [...outbox, { kind: 'event', event }];
}

export function enqueueVoid(outbox: OutboxOp[], id: string): OutboxOp[] {
  if (outbox.some((op) => op.kind === 'void' && op.id === id)) return outbox;
  return [...outbox, { kind: 'void', id }];
}

export function hasQueuedEvent(outbox: OutboxOp[], id: string): boolean {
  return outbox.some((op) => op.kind === 'event' && op.event.id === id);
}

/** Drops a queued event that was never sent (undo before sync costs the server nothing). */
export function cancelEvent(outbox: OutboxOp[], id: string): OutboxOp[] {
  return outbox.filter((op) => !(op.kind === 'event' && op.event.id === id));
}

export function nextBatch(outbox: OutboxOp[], max = MAX_BATCH): OutboxBatch | null {
  const head = outbox[0];
  if (!head) return null;
  if (head.kind === 'void') return { kind: 'void', id: head.id };
  const events: ActivityEvent[] = [];
  for (const op of outbox) {
    if (op.kind !== 'event' || events.length >= max) break;
    events.push(op.event);
  }
  return { kind: 'events', events };
}

/** Removes the operations a batch carried, once the server has answered for them. */
export function acknowledge(outbox: OutboxOp[], batch: OutboxBatch): OutboxOp[] {
  if (batch.kind === 'void') {
    return outbox.filter((op) => !(op.kind === 'void' && op.id === batch.id));
  }
  const sent = new Set(batch.events.map((e) => e.id));
  return outbox.filter((op) => !(op.kind === 'event' && sent.has(op.event.id)));
}
