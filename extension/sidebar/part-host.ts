/**
 * Where a lazy part's bundle finds its content script: an object on the isolated world's global
 * (never the page's window), put there by `loadPart` before the background runs the bundle.
 */
import type { MessageReply } from '../platform/messages.ts';

/** The content script's parts loaded on first use (background/parts.ts runs their bundles). */
export const LAZY_PARTS = ['core', 'panel', 'logging'] as const;
export type LazyPart = (typeof LAZY_PARTS)[number];

/** What every part's host offers: the part hands itself back by calling `register`. */
export interface PartHost<T> {
  register(part: T): void;
}

const hostGlobal = (part: LazyPart) => `__pacer_${part}_host`;

/** The content script's side. */
export function setPartHost(part: LazyPart, host: object): void {
  (globalThis as Record<string, unknown>)[hostGlobal(part)] = host;
}

/** The part's side (its bundle, as it runs). */
export function partHost<H extends PartHost<unknown>>(part: LazyPart): H {
  const host = (globalThis as Record<string, unknown>)[hostGlobal(part)] as H | undefined;
  if (!host) throw new Error(`Pacer: the ${part} ran before its content script`);
  return host;
}

/**
 * Runs a part's bundle once (`inject` asks the background to run it in this page's frame) and
 * resolves with what the bundle registered; a failed load may be tried again. `shared` goes to
 * the bundle with its host (what it must use of the content script's, not bring its own).
 * Promises only, no signals: the content script loads the sidebar's code (the 'core') with it.
 */
export function partLoader<T>(
  part: LazyPart,
  inject: () => Promise<MessageReply>,
  shared: object = {},
): () => Promise<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  return () => {
    if (loaded) return Promise.resolve(loaded);
    loading ??= (async () => {
      const arrived: { part?: T } = {};
      setPartHost(part, {
        ...shared,
        register: (registered: T) => {
          arrived.part = registered;
        },
      });
      const reply = await inject();
      if (!reply.ok) throw new Error(reply.error);
      if (!arrived.part) throw new Error(`the ${part} did not load`);
      loaded = arrived.part;
      return arrived.part;
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
