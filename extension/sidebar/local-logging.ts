/**
 * Logging from the page: a log shown at once (the local overlay, optimistic.ts and
 * shared/domain/overlay.ts), committed by the background, undone, or first asked about when it
 * looks like an accidental double (double-log.ts). Not part of the content script: this code
 * (the overlay and the figures it recomputes, about a quarter of what a page would otherwise
 * evaluate at load) comes in its own bundle (entrypoints/logging.ts) on the member's first
 * intent to log: pointing at a log button or the pill, the panel's first open, a keyboard
 * command (sidebar/store.ts loads it). It reaches the store's signals through `LoggingCore`, so
 * it imports no signals library of its own.
 */
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { ActivityEvent } from '../../shared/api/events.ts';
import { knownDealCustomer } from '../../shared/domain/breakdown.ts';
import { type Language, type Translate, timeAgo } from '../i18n/translate.ts';
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import type { Prefs } from '../platform/prefs.ts';
import type { SidebarView } from '../platform/view.ts';
import { chime } from '../ui/sound.ts';
import { likelyDouble, type RecordClick } from './double-log.ts';
import { applyLocalChanges, type LocalChanges, settledChanges } from './optimistic.ts';
import type { CustomerOnScreen, LogRequest, Toast } from './store.ts';

/** What logging needs of the store (sidebar/store.ts hands it over when this part arrives). */
export interface LoggingCore {
  published: ReadonlySignal<SidebarView>;
  /** What the sidebar shows: the published view with this page's changes. */
  shown: ReadonlySignal<Omit<SidebarView, 'revision' | 'basis'>>;
  changes: Signal<LocalChanges>;
  loggedHere: Signal<ActivityEvent[]>;
  undoneHere: Signal<string[]>;
  customerOnScreen: ReadonlySignal<CustomerOnScreen | null>;
  prefs: ReadonlySignal<Prefs>;
  t: ReadonlySignal<Translate>;
  language: ReadonlySignal<Language>;
  toast(item: Omit<Toast, 'id'>): void;
  send(message: PageMessage): Promise<MessageReply>;
  batch(fn: () => void): void;
  now(): number;
  uuid(): string;
  /** Notes a log made on a page record, for the double-log guard's next click. */
  loggedOnRecord(record: string, metric: string, at: number): void;
}

export function createLocalLogging(core: LoggingCore) {
  const { changes, loggedHere, t } = core;

  function commit(request: LogRequest): string {
    const event: ActivityEvent = {
      id: core.uuid(),
      metric: request.metric,
      quantity: request.quantity,
      ...(request.amount ? { amount: request.amount } : {}),
      ...(request.category ? { category: request.category } : {}),
      occurredAt: new Date(core.now()).toISOString(),
      source: request.source,
      ...(request.contact ? { contact: request.contact } : {}),
      ...(request.deal ? { deal: request.deal } : {}),
    };
    // A won deal with the customer on screen counts in that customer's segment at once.
    // Without a looked-up customer the deal has none yet: the rule naming it is not needed then.
    const onScreen = core.customerOnScreen.value;
    const customer =
      event.amount && onScreen
        ? knownDealCustomer(
            onScreen.identify({
              url: event.source?.url,
              email: event.contact?.email,
              name: event.contact?.name,
            })?.key ?? null,
            onScreen,
          )
        : undefined;
    // Same frame: the counter moves before the background has even received the message.
    core.batch(() => {
      changes.value = {
        ...changes.value,
        logs: [...changes.value.logs, event],
        ...(customer ? { customers: { ...changes.value.customers, [event.id]: customer } } : {}),
      };
      loggedHere.value = [...loggedHere.value, event];
    });
    void core.send({ type: 'log', event }).then((reply) => {
      if (reply.ok && reply.revision !== undefined) {
        const acked = { ...changes.value.acked, [event.id]: reply.revision };
        changes.value = settledChanges(core.published.value, { ...changes.value, acked });
      }
      if (!reply.ok) {
        changes.value = {
          ...changes.value,
          logs: changes.value.logs.filter((e) => e.id !== event.id),
        };
        loggedHere.value = loggedHere.value.filter((e) => e.id !== event.id);
        core.toast({ text: t.value('error', { message: reply.error }) });
      }
    });
    return event.id;
  }

  const ago = (since: number): string => timeAgo(t.value, core.language.value, core.now() - since);

  return {
    /** The view with this page's logs and undos counted (the store's `shown`). */
    apply: applyLocalChanges,
    /** Local changes the published view already contains are forgotten. */
    settle: settledChanges,

    /**
     * Logs at once, or asks first when it looks like an accidental double. `onRecord` is the
     * guard's word on a click on a page record's button (the store asks it at the click).
     */
    log(
      request: LogRequest,
      metricName: string,
      onRecord: RecordClick | null,
      at: number,
      onLogged?: (points: number) => void,
    ): void {
      const contact = request.contact?.name ?? request.contact?.email ?? null;
      const sameContact = likelyDouble(
        core.shown.value.recent,
        {
          metric: request.metric,
          contactEmail: request.contact?.email ?? null,
          contactName: request.contact?.name ?? null,
        },
        at,
      );
      const earlier =
        onRecord?.kind === 'ask'
          ? onRecord.loggedAt
          : sameContact
            ? Date.parse(sameContact.occurredAt)
            : null;
      const doIt = () => {
        // The log's points are what the shared overlay adds to today's total (per-day rounding
        // of the manual share included), so "+N pts" is the number the counter moves by.
        const before = core.shown.value.points.today;
        const id = commit(request);
        const points = core.shown.value.points.today - before;
        if (request.record) core.loggedOnRecord(request.record, request.metric, core.now());
        core.toast({
          text: contact
            ? t.value('loggedFor', { metric: metricName, contact })
            : request.record
              ? t.value('loggedNoContact', { metric: metricName })
              : t.value('logged', { metric: metricName }),
          undoId: id,
          ...(points > 0 ? { points } : {}),
        });
        if (core.prefs.value.sound) chime();
        onLogged?.(points);
      };
      if (earlier !== null) {
        core.toast({
          text: contact
            ? t.value('doubleLogConfirm', { metric: metricName, contact, ago: ago(earlier) })
            : t.value('doubleLogConfirmHere', { metric: metricName, ago: ago(earlier) }),
          confirm: doIt,
        });
        return;
      }
      doIt();
    },

    undo(id: string): void {
      if (changes.value.undone.includes(id)) return;
      changes.value = { ...changes.value, undone: [...changes.value.undone, id] };
      core.undoneHere.value = [...core.undoneHere.value, id];
      void core.send({ type: 'undo', id });
      core.toast({ text: t.value('undone') });
    },
  };
}

export type LocalLogging = ReturnType<typeof createLocalLogging>;
