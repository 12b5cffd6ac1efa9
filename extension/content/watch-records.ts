/**
 * Follows a single-page app: after DOM changes (debounced, so a burst of Gmail re-renders costs
 * one check) and on URL changes, reads the open record and reports it. Everything stops when
 * `signal` aborts.
 *
 * A URL change made with `history.pushState` fires no `popstate` or `hashchange`, and an app may
 * show another record by toggling classes only (Salesforce's console switching subtabs), so URL
 * changes are watched on their own: through the Navigation API's `currententrychange` where the
 * browser has it (Chromium: an event, nothing runs while the page stays put), else by comparing
 * the URL a few times a second (a string comparison). A change schedules a check.
 */
import type { PageRecord, SiteAdapter } from '../sites/adapter.ts';

export const WATCH_DEBOUNCE_MS = 120;
const URL_POLL_MS = 250;
/** The `performance.measure` name around each check (adapter read + buttons update). */
export const CHECK_MEASURE = 'pacer:record-check';

/**
 * A page the adapter did not foresee must not throw into the host page's console on every
 * mutation: it counts as "no record" (the sidebar and manual logging still work).
 */
function readSafely(adapter: SiteAdapter, doc: Document, location: Location): PageRecord | null {
  try {
    return adapter.readRecord(doc, location);
  } catch {
    return null;
  }
}

export interface RecordWatch {
  /**
   * Takes the mutations queued so far, in this task, instead of the observer's callback: called
   * right after the content script's own start-up changes (the buttons, the sidebar's host), it
   * spares the page a callback task that would only find Pacer's nodes.
   */
  takeOwnChanges(): void;
}

/**
 * `isOwn`: Pacer's own nodes (the sidebar's host, the log buttons' host). Adding or removing
 * them changes nothing the adapter reads, so a batch of only those schedules no check: mounting
 * the sidebar and the buttons at load does not read the page a second time.
 */
export function watchRecords(
  adapter: SiteAdapter,
  doc: Document,
  signal: AbortSignal,
  onCheck: (record: PageRecord | null) => void,
  isOwn: (node: Node) => boolean = () => false,
): RecordWatch {
  const view = doc.defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (signal.aborted || !view) return;
    const start = performance.now();
    onCheck(readSafely(adapter, doc, view.location));
    // One entry per batch for the bench (which reads them with a PerformanceObserver); only the
    // latest stays in the timeline, so a long session does not grow it.
    performance.clearMeasures(CHECK_MEASURE);
    performance.measure(CHECK_MEASURE, { start, end: performance.now() });
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, WATCH_DEBOUNCE_MS);
  };
  const onlyOwn = (record: MutationRecord) =>
    [...record.addedNodes, ...record.removedNodes].every(isOwn);
  const onRecords = (records: MutationRecord[]) => {
    if (!records.every(onlyOwn)) schedule();
  };
  const observer = new MutationObserver(onRecords);
  observer.observe(doc.body, { childList: true, subtree: true });
  let href = view?.location.href;
  const compareUrl = () => {
    if (view && view.location.href !== href) {
      href = view.location.href;
      schedule();
    }
  };
  // Every same-page navigation (a link to #…, back and forward, pushState) changes the
  // Navigation API's current entry: one listener where it exists. Elsewhere the hash and
  // history events, and a poll for pushState, which fires no event.
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  if (navigation) navigation.addEventListener('currententrychange', compareUrl, { signal });
  else {
    view?.addEventListener('hashchange', schedule, { signal });
    view?.addEventListener('popstate', schedule, { signal });
  }
  const poll = navigation ? undefined : setInterval(compareUrl, URL_POLL_MS);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  check();
  return { takeOwnChanges: () => onRecords(observer.takeRecords()) };
}
