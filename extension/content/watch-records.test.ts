/**
 * watchRecords on a linkedom page: the start-up read, and what the content script's own
 * start-up changes (taken with takeOwnChanges, not left to the observer's callback) lead to.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageRecord, SiteAdapter } from '../sites/adapter.ts';
import { WATCH_DEBOUNCE_MS, watchRecords } from './watch-records.ts';

const OWN = 'data-own';

function setUp(navigation?: EventTarget) {
  const { document, window, MutationObserver } = parseHTML(
    '<html><body><main><h2 id="subject">Renewal</h2></main></body></html>',
  );
  // The page's own observer class (a browser's global), counting the callbacks that get records
  // (a browser calls none when the queue was taken; linkedom calls back with none).
  const callbacks: number[] = [];
  vi.stubGlobal(
    'MutationObserver',
    class extends MutationObserver {
      constructor(callback: MutationCallback) {
        super((records: MutationRecord[], observer: MutationObserver) => {
          if (records.length > 0) callbacks.push(records.length);
          callback(records, observer);
        });
      }
    },
  );
  // linkedom's window has no address; the watcher compares it to notice navigation.
  const location = new URL('https://example.com/r1');
  Object.defineProperty(window, 'location', { value: location, configurable: true });
  // linkedom's window is the global object: a stub, undone after each test.
  if (navigation) vi.stubGlobal('navigation', navigation);
  const doc = document as unknown as Document;
  const reads: number[] = [];
  const adapter: SiteAdapter = {
    id: 'test',
    name: 'Test',
    matches: ['https://example.com/*'],
    readRecord: (page) => {
      reads.push(reads.length);
      const anchor = page.getElementById('subject');
      return anchor
        ? ({ id: 'r1', key: 'r1', subject: 'Renewal', contact: {}, url: '', anchor } as PageRecord)
        : null;
    },
  };
  const controller = new AbortController();
  const watch = watchRecords(
    adapter,
    doc,
    controller.signal,
    () => undefined,
    (node) => (node as Element).hasAttribute?.(OWN) ?? false,
  );
  const own = () => {
    const el = doc.createElement('span');
    el.setAttribute(OWN, '');
    return el;
  };
  return { doc, window, location, reads, callbacks, watch, own, stop: () => controller.abort() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watchRecords', () => {
  it('reads the page once at start; its own nodes, taken at once, cost no callback and no read', async () => {
    const { doc, reads, callbacks, watch, own, stop } = setUp();
    expect(reads).toHaveLength(1);
    doc.body.append(own());
    doc.getElementById('subject')?.after(own());
    watch.takeOwnChanges();
    await vi.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 3);
    expect(reads).toHaveLength(1);
    expect(callbacks).toEqual([]);
    stop();
  });

  it('reads again when the changes taken with its own include the page’s', async () => {
    const { doc, reads, watch, own, stop } = setUp();
    doc.body.append(own());
    doc.body.append(doc.createElement('div'));
    watch.takeOwnChanges();
    await vi.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 3);
    expect(reads).toHaveLength(2);
    stop();
  });

  it('with the Navigation API, a same-page navigation reads again, and nothing polls', async () => {
    const navigation = new EventTarget();
    const { location, reads, stop } = setUp(navigation);
    location.hash = '#next';
    navigation.dispatchEvent(new Event('currententrychange'));
    await vi.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 3);
    expect(reads).toHaveLength(2);
    // An address change the API did not announce is not looked for: no timer runs meanwhile.
    location.pathname = '/r2';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('without it, a hash change, a history move and a pushState (polled) each read again', async () => {
    const { window, location, reads, stop } = setUp();
    window.dispatchEvent(new window.Event('hashchange'));
    await vi.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 3);
    expect(reads).toHaveLength(2);
    window.dispatchEvent(new window.Event('popstate'));
    await vi.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 3);
    expect(reads).toHaveLength(3);
    location.pathname = '/r2';
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads).toHaveLength(4);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
