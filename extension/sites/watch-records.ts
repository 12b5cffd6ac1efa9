/**
 * Follows a single-page app: after DOM changes (debounced, so a burst of Gmail re-renders costs
 * one check) and on URL changes, reads the open record and reports it. Everything stops when
 * `signal` aborts.
 */
import type { PageRecord, SiteAdapter } from './types.ts';

export const WATCH_DEBOUNCE_MS = 120;

export function watchRecords(
  adapter: SiteAdapter,
  doc: Document,
  signal: AbortSignal,
  onCheck: (record: PageRecord | null) => void,
): void {
  const view = doc.defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (!signal.aborted && view) onCheck(adapter.readRecord(doc, view.location));
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, WATCH_DEBOUNCE_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true });
  view?.addEventListener('hashchange', schedule, { signal });
  view?.addEventListener('popstate', schedule, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  check();
}
