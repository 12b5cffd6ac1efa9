/**
 * The content script's context on a linkedom page: a copy an extension update left behind stops
 * when the new copy starts; a page replaying the start event stops nothing.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContext, startedEventName } from './context.ts';

const page = () => parseHTML('<html><body></body></html>').document as unknown as Document;

// The page's event class (a browser's global), which its documents dispatch.
beforeEach(() => {
  vi.stubGlobal('CustomEvent', parseHTML('').CustomEvent);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startContext', () => {
  it('announces itself with its start event, so an older copy hears it', () => {
    const doc = page();
    const heard: unknown[] = [];
    doc.addEventListener(startedEventName('gmail'), (e) => heard.push((e as CustomEvent).detail));
    startContext(doc, 'gmail', () => true);
    expect(heard).toEqual([{ contentScriptName: 'gmail', messageId: expect.any(String) }]);
  });

  it('the old copy stops when a new one starts after an update, and only then', () => {
    const doc = page();
    let oldAlive = true;
    const old = startContext(doc, 'gmail', () => oldAlive);
    let ended = 0;
    old.onInvalidated(() => ended++);

    // A page replays the event while the extension lives: nothing stops.
    doc.dispatchEvent(
      new CustomEvent(startedEventName('gmail'), {
        detail: { contentScriptName: 'gmail', messageId: 'replayed' },
      }),
    );
    expect(old.signal.aborted).toBe(false);

    // The extension is updated: the old copy's context is gone, and the new copy starts.
    oldAlive = false;
    const fresh = startContext(doc, 'gmail', () => true);
    expect(old.signal.aborted).toBe(true);
    expect(ended).toBe(1);
    expect(fresh.signal.aborted).toBe(false);

    // The new copy ignores replays too; another script's start is not its own.
    doc.dispatchEvent(
      new CustomEvent(startedEventName('gmail'), {
        detail: { contentScriptName: 'gmail', messageId: 'replayed' },
      }),
    );
    startContext(doc, 'hubspot', () => true);
    expect(fresh.signal.aborted).toBe(false);
  });

  it('a removed listener is not called when the context ends', () => {
    const doc = page();
    let alive = true;
    const context = startContext(doc, 'gmail', () => alive);
    let calls = 0;
    const off = context.onInvalidated(() => calls++);
    off();
    alive = false;
    startContext(doc, 'gmail', () => true);
    expect(context.signal.aborted).toBe(true);
    expect(calls).toBe(0);
  });
});
