/**
 * The sidebar's code (the 'core' part, entrypoints/core.ts), loaded into the page on first use
 * (run-site.ts says when): the store, the panel and logging loaders, toasts, the daily rhythm,
 * keyboard commands and celebrations. It takes over what the content script drew at load (the
 * sidebar's root and pill, the log buttons) without redrawing it. All of it is torn down with
 * the content script's `ctx`.
 */
import { effect } from '@preact/signals-core';
import { metricUnit } from '../../shared/domain/metrics.ts';
import type { Dictionary, Language, Translate } from '../i18n/translate.ts';
import type { TabMessage } from '../platform/messages.ts';
import { readText, savePrefs } from '../platform/page-storage.ts';
import { type Prefs, withDefaults } from '../platform/prefs.ts';
import { sendToBackground } from '../platform/send.ts';
import type { SidebarView } from '../platform/view.ts';
import { startDrag } from '../sidebar/frame.ts';
import type { createLocalLogging } from '../sidebar/local-logging.ts';
import { createPanelLoader, createPartLoader } from '../sidebar/part-loader.ts';
import type { Pill } from '../sidebar/pill.ts';
import { mountSidebar } from '../sidebar/sidebar.ts';
import { createSidebarStore, type LogRequest, type SidebarStore } from '../sidebar/store.ts';
import type { PageRecord, SiteAdapter } from '../sites/adapter.ts';
import { evidenceUrl } from '../sites/dom.ts';
import type { PageContext } from './context.ts';
import { currentText } from './current-text.ts';

/** What the content script hands the sidebar's code: what it read, drew and watches. */
export interface SiteFrame {
  ctx: PageContext;
  adapter: SiteAdapter;
  /** As read at load: the store starts from it (news in later views are new to this page). */
  startup: {
    view: SidebarView;
    prefs: Partial<Prefs>;
    dictionary: Dictionary | null;
    language: Language;
  };
  /** Stored changes since, for the store to apply. */
  latest: { view?: SidebarView; prefs?: Partial<Prefs> };
  /** The sidebar's root (in its shadow root) and the pill in it. */
  root: HTMLElement;
  pill: Pill;
  /** Mounts or removes the sidebar's host in the page. */
  setVisible(visible: boolean): void;
  records: {
    /** The record on screen (whether or not the site is switched off). */
    current(): PageRecord | null;
    /** Calls back on each new record on screen (or none). */
    onChange(callback: (record: PageRecord | null) => void): void;
    /** Redraws the log buttons in `t`'s language, or takes them away (`on` false). */
    draw(on: boolean, t: Translate): void;
    /** Shows what a log earned beside its button. */
    gain(metric: string, text: string): void;
  };
}

/** What the content script passes on once the sidebar's code is here. */
export interface SiteCore {
  publish(view: SidebarView): void;
  setStoredPrefs(prefs: Partial<Prefs>): void;
  /** A log button's click, at the time it was made (`at`). */
  log(metric: string, record: PageRecord, at: number): void;
  /** The pill's click. */
  expand(): void;
  drag(down: PointerEvent): void;
  /** A message from the background to this tab (commands, celebrations). */
  message(raw: unknown): void;
  prepareLogging(): Promise<void>;
  /** The member is about to open the panel: its code is loaded ahead (a failure shows on open). */
  prepareOpen(): void;
}

/** What a log from `record` says of where it was made: its contact, the record, the evidence. */
function fromRecord(
  adapter: SiteAdapter,
  record: PageRecord,
): Pick<LogRequest, 'contact' | 'record' | 'source'> {
  const url = evidenceUrl(record.url);
  return {
    ...(record.contact.name || record.contact.email ? { contact: record.contact } : {}),
    record: record.id,
    source: {
      app: adapter.id,
      ...(url ? { url } : {}),
      ...(record.subject ? { title: record.subject } : {}),
    },
  };
}

/** Opens the panel's "Won deal" form with the record as the log's contact and evidence. */
function startWonDeal(store: SidebarStore, adapter: SiteAdapter, record: PageRecord): void {
  store.dealDraft.value = fromRecord(adapter, record);
  if (store.prefs.value.collapsed) store.toggle(false);
}

function logFromRecord(
  store: SidebarStore,
  adapter: SiteAdapter,
  metric: string,
  record: PageRecord,
  at: number,
  onLogged?: (points: number) => void,
): void {
  store.log(
    { metric, quantity: 1, ...fromRecord(adapter, record) },
    metricUnit(metric, store.language.value),
    onLogged,
    at,
  );
}

export function startCore(frame: SiteFrame): SiteCore {
  const { ctx, adapter, startup } = frame;
  const logging = createPartLoader<typeof createLocalLogging>('logging', () =>
    sendToBackground({ type: 'load-part', part: 'logging' }),
  );
  const store = createSidebarStore(startup.view, withDefaults(startup.prefs), {
    send: sendToBackground,
    savePrefs: (next) => void savePrefs(next),
    browserLanguage: navigator.language,
    text: startup.dictionary ? { [startup.language]: startup.dictionary } : {},
    // The member switched language: that language's text is read then.
    loadText: async (next) => currentText(next, await readText(next)),
    logging: { load: logging.load },
  });
  // The panel logs (its +1 buttons) in the frame of the click: logging's code is loaded beside
  // it, and the panel shows once both are here.
  const panel = createPanelLoader(async () => {
    const [, reply] = await Promise.all([
      store.prepareLogging(),
      sendToBackground({ type: 'load-part', part: 'panel' }),
    ]);
    return reply;
  });
  ctx.onInvalidated(mountSidebar(frame.root, frame.pill, store, adapter.id, panel));

  // Switched off for this site: stay idle (but listening), so switching on needs no reload. Just
  // switched off from the sidebar, it stays mounted while its Undo toast is offered.
  const enabled = () => store.prefs.value.sites[adapter.id] !== false;
  const visible = () => enabled() || store.toasts.value.some((x) => x.restoreSite);
  ctx.onInvalidated(store.toasts.subscribe(() => frame.setVisible(visible())));

  const onRecord = (record: PageRecord | null) => {
    store.record.value = record
      ? {
          id: record.id,
          app: adapter.id,
          url: record.url,
          subject: record.subject,
          contact: record.contact,
        }
      : null;
  };
  onRecord(frame.records.current());
  frame.records.onChange(onRecord);
  // The buttons speak the store's text and follow the site's switch: redrawn when either changes
  // (a new language once its text is read; the sidebar changes its prefs before storage reports
  // the change).
  let drawn = { on: enabled(), t: store.t.peek() };
  ctx.onInvalidated(
    effect(() => {
      const next = { on: enabled(), t: store.t.value };
      if (next.on === drawn.on && next.t === drawn.t) return;
      drawn = next;
      frame.records.draw(next.on, next.t);
    }),
  );

  // Expanded (by the pill, the keyboard command, the daily rhythm, or left open on an earlier
  // page): the panel's code is loaded now; the pill stays until it is there. If it cannot load,
  // the pill stays.
  ctx.onInvalidated(
    effect(() => {
      if (store.prefs.value.collapsed || !enabled()) return;
      panel.load().catch((error: unknown) => {
        store.notify(
          store.t.peek()('error', {
            message: error instanceof Error ? error.message : String(error),
          }),
        );
        store.setPrefs({ collapsed: true });
      });
    }),
  );

  const setStoredPrefs = (next: Partial<Prefs>) => {
    store.prefs.value = withDefaults(next);
    frame.setVisible(visible());
  };
  if (frame.latest.view) store.publish(frame.latest.view);
  if (frame.latest.prefs) setStoredPrefs(frame.latest.prefs);
  // The morning plan and the evening review open the sidebar when the view says they fall due
  // (sidebar/rhythm.ts; the background decides, so the page does no time-zone work).
  ctx.onInvalidated(store.rhythm.start());

  const logCall = () => {
    if (!enabled()) return;
    const record = frame.records.current();
    if (record) logFromRecord(store, adapter, 'calls', record, Date.now());
    else
      store.log(
        { metric: 'calls', quantity: 1, source: { app: adapter.id } },
        metricUnit('calls', store.language.value),
      );
  };

  return {
    publish: (view) => store.publish(view),
    setStoredPrefs,
    log: (metric, record, at) =>
      metric === 'deals'
        ? startWonDeal(store, adapter, record)
        : logFromRecord(store, adapter, metric, record, at, (points) => {
            if (points > 0) frame.records.gain(metric, store.t.value('pointsGained', { points }));
          }),
    expand: () => store.expand(),
    drag: (down) => startDrag(down, store.prefs.value.top, (top) => store.setPrefs({ top })),
    message: (raw) => {
      const message = raw as TabMessage;
      if (message?.type === 'command' && message.command === 'toggle-sidebar') store.toggle(false);
      if (message?.type === 'command' && message.command === 'log-call') logCall();
      if (message?.type === 'moment') store.celebrate(message.text);
      if (message?.type === 'celebrate') {
        const t = store.t.value;
        store.celebrate(
          message.kind === 'tier' && message.tierName
            ? t('tierUp', { tier: message.tierName })
            : t('milestone', { threshold: message.threshold }),
        );
      }
    },
    prepareLogging: () => store.prepareLogging(),
    prepareOpen: () => void panel.load().catch(() => undefined),
  };
}

export type StartCore = typeof startCore;
