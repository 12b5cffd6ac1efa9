/**
 * What a site's content script does: mount the sidebar (shadow root), keep it in step with the
 * published view and preferences, put log buttons beside the open record, and answer keyboard
 * commands and celebrations from the background. All of it is torn down with `ctx`.
 */
import { effect, signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { metricUnit } from '../../shared/domain/metrics.ts';
import type { Dictionary, Language, PublishedText } from '../i18n/translate.ts';
import type { TabMessage } from '../platform/messages.ts';
import { readText, savePrefs, watchPageStored } from '../platform/page-storage.ts';
import { type Prefs, withDefaults } from '../platform/prefs.ts';
import { sendToBackground } from '../platform/send.ts';
import type { SidebarView } from '../platform/view.ts';
import type { createLocalLogging } from '../sidebar/local-logging.ts';
import { createPanelLoader, createPartLoader } from '../sidebar/part-loader.ts';
import { createShadowHost } from '../sidebar/shadow-host.ts';
import sidebarCss from '../sidebar/sidebar.css?inline';
import { mountSidebar } from '../sidebar/sidebar.ts';
import { createSidebarStore, type SidebarStore } from '../sidebar/store.ts';
import type { PageRecord, SiteAdapter } from '../sites/adapter.ts';
import { evidenceUrl } from '../sites/dom.ts';
import { BUTTONS_ATTR, LogButtons } from './log-buttons.ts';
import { ignoreReplayedStarts } from './replayed-start.ts';
import { startupRead } from './startup-read.ts';
import { pinTestClock } from './test-clock.ts';
import { watchRecords } from './watch-records.ts';

/** The sidebar's host element in the page. */
const SIDEBAR_TAG = 'pacer-sidebar';

const ONE_CLICK_METRICS = [
  { metric: 'calls', key: 'logCall' },
  { metric: 'visits', key: 'logVisit' },
  { metric: 'meetings', key: 'logMeeting' },
  // Not logged at once: opens the panel's "Won deal" form for the amount (WonDeal.tsx).
  { metric: 'deals', key: 'logWonDeal' },
] as const;

/** Opens the panel's "Won deal" form with the record as the log's contact and evidence. */
function startWonDeal(store: SidebarStore, adapter: SiteAdapter, record: PageRecord): void {
  const url = evidenceUrl(record.url);
  store.dealDraft.value = {
    ...(record.contact.name || record.contact.email ? { contact: record.contact } : {}),
    record: record.id,
    source: {
      app: adapter.id,
      ...(url ? { url } : {}),
      ...(record.subject ? { title: record.subject } : {}),
    },
  };
  if (store.prefs.value.collapsed) store.toggle(false);
}

function logFromRecord(
  store: SidebarStore,
  adapter: SiteAdapter,
  metric: string,
  record: PageRecord,
  onLogged?: (points: number) => void,
): void {
  const url = evidenceUrl(record.url);
  store.log(
    {
      metric,
      quantity: 1,
      ...(record.contact.name || record.contact.email ? { contact: record.contact } : {}),
      record: record.id,
      source: {
        app: adapter.id,
        ...(url ? { url } : {}),
        ...(record.subject ? { title: record.subject } : {}),
      },
    },
    metricUnit(metric, store.language.value),
    onLogged,
  );
}

function wireRecords(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  store: SidebarStore,
  enabled: () => boolean,
) {
  const buttons = new LogButtons();
  let current: PageRecord | null = null;
  const text = () => ({
    buttons: ONE_CLICK_METRICS.map((b) => ({ metric: b.metric, label: store.t.value(b.key) })),
    noContact: store.t.value('noContactHere'),
  });
  const show = () =>
    buttons.show(
      enabled() ? current : null,
      text(),
      (metric, record) =>
        metric === 'deals'
          ? startWonDeal(store, adapter, record)
          : logFromRecord(store, adapter, metric, record, (points) => {
              if (points > 0) buttons.gain(metric, store.t.value('pointsGained', { points }));
            }),
      // Pointing at or focusing a button loads logging's code, ahead of the click.
      () => void store.prepareLogging().catch(() => undefined),
    );
  const watch = watchRecords(
    adapter,
    document,
    ctx.signal,
    (record) => {
      current = record;
      store.record.value = record
        ? {
            id: record.id,
            app: adapter.id,
            url: record.url,
            subject: record.subject,
            contact: record.contact,
          }
        : null;
      show();
    },
    (node) =>
      node instanceof Element &&
      (node.localName === SIDEBAR_TAG || node.hasAttribute(BUTTONS_ATTR)),
  );
  ctx.onInvalidated(() => buttons.remove());
  return {
    takeOwnChanges: watch.takeOwnChanges,
    current: () => (enabled() ? current : null),
    /** Rebuilds the buttons (new language, site switched on or off). */
    refresh: () => {
      buttons.remove();
      show();
    },
  };
}

function onTabMessage(store: SidebarStore, logCall: () => void) {
  return (raw: unknown) => {
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
  };
}

/**
 * The UI text in a language as the background published it for this version; asked for when there
 * is none yet (the first page after an install or update can load before the background wrote it).
 */
async function currentText(
  language: Language,
  text: PublishedText | null,
): Promise<Dictionary | null> {
  if (text?.version === browser.runtime.getManifest().version) return text.dictionary;
  const reply = await sendToBackground({ type: 'text', language });
  return reply.ok ? (reply.data as PublishedText).dictionary : null;
}

export async function runSite(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  ignoreReplayedStarts(ctx);
  // Watched from the task that started the read (startup-read.ts): a change that lands before
  // the sidebar exists is held and applied once it does, so none falls between the two.
  const held: { view?: SidebarView; prefs?: Partial<Prefs> } = {};
  let onView = (view: SidebarView) => {
    held.view = view;
  };
  let onPrefs = (prefs: Partial<Prefs>) => {
    held.prefs = prefs;
  };
  ctx.onInvalidated(
    watchPageStored({ view: (view) => onView(view), prefs: (prefs) => onPrefs(prefs) }),
  );
  const { view, prefs, text, language } = await startupRead;
  const dictionary = await currentText(language, text);

  // As shipped, the view's daily rhythm is current; a test build's waits for the page's clock.
  const rhythmReady = signal(!__PACER_TEST_CLOCK__);
  const logging = createPartLoader<typeof createLocalLogging>('logging', () =>
    sendToBackground({ type: 'load-part', part: 'logging' }),
  );
  const store = createSidebarStore(view, withDefaults(prefs), {
    send: sendToBackground,
    savePrefs: (next) => void savePrefs(next),
    browserLanguage: navigator.language,
    text: dictionary ? { [language]: dictionary } : {},
    // The member switched language: that language's text is read then.
    loadText: async (next) => currentText(next, await readText(next)),
    rhythmReady,
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
  let unmount: (() => void) | null = null;
  const ui = createShadowHost(ctx, {
    name: SIDEBAR_TAG,
    css: sidebarCss,
    onMount: (container) => {
      unmount = mountSidebar(container, store, adapter.id, panel);
    },
    onRemove: () => {
      unmount?.();
      unmount = null;
    },
  });
  // Switched off for this site: stay idle (but listening), so switching on needs no reload. Just
  // switched off from the sidebar, it stays mounted while its Undo toast is offered.
  const enabled = () => store.prefs.value.sites[adapter.id] !== false;
  const visible = () => enabled() || store.toasts.value.some((x) => x.restoreSite);
  let mounted = false;
  const applyEnabled = () => {
    if (visible() && !mounted) {
      ui.mount();
      requestAnimationFrame(() => performance.mark('pacer:sidebar-painted'));
    } else if (!visible() && mounted) {
      ui.remove();
    }
    mounted = visible();
  };
  // The open record is read (and its buttons placed) before the sidebar is mounted: the adapter's
  // visibility checks then find the page's styles up to date, instead of making the browser
  // compute the new sidebar's styles there and then, inside this script's time.
  const records = wireRecords(ctx, adapter, store, enabled);
  // Whether the log buttons were last drawn for an enabled site (the store's own prefs may
  // already say otherwise: the sidebar changes them before storage reports the change).
  let buttonsOn = enabled();
  applyEnabled();
  records.takeOwnChanges();
  ctx.onInvalidated(store.toasts.subscribe(() => applyEnabled()));
  // Expanded (by the pill, the keyboard command, or left open on an earlier page): the panel's
  // code is loaded now; the pill stays until it is there. If it cannot load, the pill stays.
  const stopPanel = effect(() => {
    if (store.prefs.value.collapsed || !enabled()) return;
    panel.load().catch((error: unknown) => {
      store.notify(
        store.t.peek()('error', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      store.setPrefs({ collapsed: true });
    });
  });
  ctx.onInvalidated(stopPanel);

  onView = (next) => store.publish(next);
  // The buttons speak the store's text: rebuilt when it changes (a new language, once its text
  // is read).
  let buttonsText = store.t.peek();
  ctx.onInvalidated(
    store.t.subscribe((t) => {
      if (t === buttonsText) return;
      buttonsText = t;
      records.refresh();
    }),
  );
  onPrefs = (next) => {
    store.prefs.value = withDefaults(next);
    applyEnabled();
    if (buttonsOn !== enabled()) {
      buttonsOn = enabled();
      records.refresh();
    }
  };
  if (held.view) onView(held.view);
  if (held.prefs) onPrefs(held.prefs);
  // The morning plan and the evening review open the sidebar when the view says they fall due
  // (sidebar/rhythm.ts; the background decides, so the page does no time-zone work).
  ctx.onInvalidated(store.rhythm.start());
  if (__PACER_TEST_CLOCK__) {
    void pinTestClock(sendToBackground).then((pinned) => {
      store.publish(pinned);
      rhythmReady.value = true;
    });
  }

  const logCall = () => {
    if (!enabled()) return;
    const record = records.current();
    if (record) logFromRecord(store, adapter, 'calls', record);
    else
      store.log(
        { metric: 'calls', quantity: 1, source: { app: adapter.id } },
        metricUnit('calls', store.language.value),
      );
  };
  const listener = onTabMessage(store, logCall);
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
