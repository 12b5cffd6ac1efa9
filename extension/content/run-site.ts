/**
 * What a site's content script does at load, and all it carries: read the stored view,
 * preferences and text, draw the collapsed sidebar (its root and the pill) in a shadow root and
 * the log buttons beside the open record, and follow the page's records and the stored changes.
 * Everything else, the store and what it drives (toasts, the daily rhythm, commands, logging, the
 * panel), is the sidebar's code (run-site-core.ts), which the background runs in this page on
 * first use: the member pointing at or focusing the pill or a log button, a click or command
 * before that, or a stored change it must act on (the panel left open, a rhythm card due, team
 * news, another language). A page the member only reads never runs it: on a Gmail-sized page
 * that cut the extension's own script time at load by about a third (BENCHMARKS.md).
 * All of it is torn down with `ctx`.
 */
import { resolveLanguage, type Translate, translatorFor } from '../i18n/translate.ts';
import { savePrefs, watchPageStored } from '../platform/page-storage.ts';
import { type Prefs, withDefaults } from '../platform/prefs.ts';
import { sendToBackground } from '../platform/send.ts';
import { openTabInbox } from '../platform/tab-inbox.ts';
import type { SidebarView } from '../platform/view.ts';
import { h } from '../sidebar/dom.ts';
import { paintRoot, startDrag } from '../sidebar/frame.ts';
import { partLoader } from '../sidebar/part-host.ts';
import { createPill } from '../sidebar/pill.ts';
import { cardToOpen } from '../sidebar/rhythm-due.ts';
import { createShadowHost } from '../sidebar/shadow-host.ts';
import sidebarCss from '../sidebar/sidebar.css?inline';
import type { PageRecord, SiteAdapter } from '../sites/adapter.ts';
import type { PageContext } from './context.ts';
import { currentText } from './current-text.ts';
import { BUTTONS_ATTR, LogButtons } from './log-buttons.ts';
import type { SiteCore, SiteFrame, StartCore } from './run-site-core.ts';
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

const newestNews = (view: SidebarView) => Math.max(0, ...(view.news ?? []).map((n) => n.id));

export async function runSite(ctx: PageContext, adapter: SiteAdapter): Promise<void> {
  // Watched from the task that started the read (startup-read.ts): a change that lands before
  // the sidebar exists is held and applied once it does, so none falls between the two.
  const latest: SiteFrame['latest'] = {};
  let onView = (view: SidebarView) => {
    latest.view = view;
  };
  let onPrefs = (prefs: Partial<Prefs>) => {
    latest.prefs = prefs;
  };
  ctx.onInvalidated(
    watchPageStored({ view: (view) => onView(view), prefs: (prefs) => onPrefs(prefs) }),
  );
  const { view, prefs, text, language } = await startupRead;
  const dictionary = await currentText(language, text);
  // A test build's page shows the view at the page's pinned clock (test-clock.ts).
  if (__PACER_TEST_CLOCK__) latest.view = await pinTestClock(sendToBackground);

  const t: Translate = translatorFor(dictionary ?? {}, language);
  const current = () => ({ view: latest.view ?? view, prefs: withDefaults(latest.prefs ?? prefs) });
  const enabled = () => current().prefs.sites[adapter.id] !== false;
  // News already in the first view is old for this page (the store's rule, sidebar/store.ts).
  const newsSeen = newestNews(view);
  /** Whether a stored value asks for what only the sidebar's code does. */
  const needsCore = () => {
    const { view: v, prefs: p } = current();
    if (!enabled()) return false;
    return (
      !p.collapsed ||
      cardToOpen(v.signedIn ? v.rhythm : null, p.rhythm) !== null ||
      (p.teamNews && newestNews(v) > newsSeen) ||
      resolveLanguage(p.language, navigator.language) !== language
    );
  };

  // The sidebar's code, once: what happened before it arrived is passed on in order.
  const loadCore = partLoader<StartCore>('core', () =>
    sendToBackground({ type: 'load-part', part: 'core' }),
  );
  let core: SiteCore | null = null;
  let starting: Promise<SiteCore> | null = null;
  const withCore = (act: (core: SiteCore) => unknown = () => undefined): void => {
    if (core) {
      act(core);
      return;
    }
    starting ??= loadCore().then(
      (start) => {
        core ??= start(frame);
        return core;
      },
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    starting.then(act).catch((error: unknown) => {
      // Tried again on the member's next move.
      console.warn('Pacer: the sidebar could not load', error);
    });
  };

  const root = h('aside', {});
  const pill = createPill({
    onActivate: () => withCore((c) => c.expand()),
    onDragStart: (down) => {
      if (core) core.drag(down);
      else
        startDrag(down, current().prefs.top, (top) => void savePrefs({ ...current().prefs, top }));
    },
    // Pointing at or focusing the pill loads the sidebar's and the panel's code, ahead of the click.
    onIntent: () => withCore((c) => c.prepareOpen()),
  });
  root.append(pill.element);
  /** The sidebar as stored, until its code is here (which paints it from then on). */
  const paint = () => {
    if (core) return;
    const { view: v, prefs: p } = current();
    paintRoot(root, p, false, t, language);
    pill.paint(v, t);
  };
  paint();
  const ui = createShadowHost(ctx, { name: SIDEBAR_TAG, css: sidebarCss, content: root });
  let mounted = false;
  const setVisible = (visible: boolean) => {
    if (visible && !mounted) {
      ui.mount();
      requestAnimationFrame(() => performance.mark('pacer:sidebar-painted'));
    } else if (!visible && mounted) {
      ui.remove();
    }
    mounted = visible;
  };

  // The log buttons, in the language and state the sidebar last drew them in.
  const buttons = new LogButtons();
  let record: PageRecord | null = null;
  let buttonsOn = enabled();
  let buttonsText = t;
  const recordListeners: ((record: PageRecord | null) => void)[] = [];
  const showButtons = () =>
    buttons.show(
      buttonsOn ? record : null,
      {
        buttons: ONE_CLICK_METRICS.map((b) => ({ metric: b.metric, label: buttonsText(b.key) })),
        noContact: buttonsText('noContactHere'),
      },
      (metric, clicked) => {
        // Heard now, logged at this time even if the sidebar's code is still on its way, so
        // the double-log guard sees a double click as one.
        const at = Date.now();
        withCore((c) => c.log(metric, clicked, at));
      },
      // Pointing at or focusing a button loads the sidebar's and logging's code, ahead of the click.
      () => withCore((c) => c.prepareLogging().catch(() => undefined)),
    );
  ctx.onInvalidated(() => buttons.remove());

  const frame: SiteFrame = {
    ctx,
    adapter,
    startup: { view, prefs, dictionary, language },
    latest,
    root,
    pill,
    setVisible,
    records: {
      current: () => record,
      onChange: (listener) => recordListeners.push(listener),
      draw: (on, next) => {
        buttonsOn = on;
        buttonsText = next;
        buttons.remove();
        showButtons();
      },
      gain: (metric, note) => buttons.gain(metric, note),
    },
  };

  // The open record is read (and its buttons placed) before the sidebar is mounted: the adapter's
  // visibility checks then find the page's styles up to date, instead of making the browser
  // compute the new sidebar's styles there and then, inside this script's time.
  const watch = watchRecords(
    adapter,
    document,
    ctx.signal,
    (next) => {
      record = next;
      for (const listener of recordListeners) listener(next);
      showButtons();
    },
    (node) =>
      node instanceof Element &&
      (node.localName === SIDEBAR_TAG || node.hasAttribute(BUTTONS_ATTR)),
  );
  setVisible(enabled());
  watch.takeOwnChanges();

  onView = (next) => {
    if (core) return core.publish(next);
    latest.view = next;
    paint();
    if (needsCore()) withCore();
  };
  onPrefs = (next) => {
    if (core) return core.setStoredPrefs(next);
    latest.prefs = next;
    setVisible(enabled());
    if (buttonsOn !== enabled()) frame.records.draw(enabled(), buttonsText);
    paint();
    if (needsCore()) withCore();
  };
  if (needsCore()) withCore();

  // Keyboard commands and celebrations from the background.
  ctx.onInvalidated(openTabInbox((message) => withCore((c) => c.message(message))));
}
