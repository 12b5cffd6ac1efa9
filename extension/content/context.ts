/**
 * The content script's context: its lifetime (`signal`, `onInvalidated`), which everything it
 * adds to the page is torn down with. WXT builds one for each content script it starts; this
 * module stands in for WXT's `ContentScriptContext` there (wxt.config.ts maps the import to it).
 *
 * Why not WXT's own: it announces each start to the page with a window message that carries the
 * extension's id, and stops on any replay of its start event, which a page can send; it also
 * brings timers, a location watcher and a logger that Pacer does not use, compiled and run at
 * every page load (BENCHMARKS.md: Extension in the page). This one keeps what Pacer needs of it:
 *
 * - a copy of the script that an extension update leaves in an open page stops when the new copy
 *   starts and fires its start event on the document;
 * - a copy stops only when its own extension context is gone (`browser.runtime.id` undefined, as
 *   after a real update), so a page replaying the event stops nothing; and nothing is posted to
 *   the page's window.
 *
 * The event's name carries no extension id, unlike WXT's: reading the id at load would make the
 * browser build the whole `runtime` API in the page's script world (content/browser.ts). Only
 * the check of a dead context reads `runtime`, when another copy starts. A copy built before this
 * name (with WXT's) does not hear it and keeps watching its page until the page reloads; the new
 * copy's sidebar host and log buttons replace its elements where they meet them
 * (sidebar/shadow-host.ts, log-buttons.ts).
 *
 * Test: context.test.ts, and test/e2e/hostile/acting-page.test.ts (a replay in real Chromium).
 */
import { browser } from 'wxt/browser';

/** What the content script's modules use of their context. */
export interface PageContext {
  readonly signal: AbortSignal;
  /** Calls `cb` when the context ends; returns the un-register. */
  onInvalidated(cb: () => void): () => void;
}

/** The start event's name for a content script. */
export const startedEventName = (scriptName: string) =>
  `pacer:${scriptName}:content-script-started`;

/**
 * Starts a context in `doc`: announces it, and ends it when a newer copy announces itself after
 * this copy's extension context is gone (`alive` false).
 */
export function startContext(doc: Document, scriptName: string, alive: () => boolean): PageContext {
  const controller = new AbortController();
  const { signal } = controller;
  const type = startedEventName(scriptName);
  const messageId = Math.random().toString(36).slice(2);
  doc.dispatchEvent(
    new CustomEvent(type, { detail: { contentScriptName: scriptName, messageId } }),
  );
  doc.addEventListener(
    type,
    (event) => {
      const detail = (event as CustomEvent<{ messageId?: unknown } | null>).detail;
      if (detail?.messageId !== messageId && !alive()) controller.abort();
    },
    { signal },
  );
  return {
    signal,
    onInvalidated: (cb) => {
      signal.addEventListener('abort', cb);
      return () => signal.removeEventListener('abort', cb);
    },
  };
}

/** The class WXT's content script entry constructs (`new ContentScriptContext(name, options)`). */
export class ContentScriptContext implements PageContext {
  readonly #context: PageContext;

  constructor(scriptName: string) {
    this.#context = startContext(document, scriptName, () => browser.runtime?.id !== undefined);
  }

  get signal(): AbortSignal {
    return this.#context.signal;
  }

  onInvalidated(cb: () => void): () => void {
    return this.#context.onInvalidated(cb);
  }
}
