/**
 * Loads a lazy part of the content script on first use: the expanded panel (panel-host.ts) on
 * the first open, logging (local-logging.ts) on the first intent to log. The content script
 * carries only what the page shows at load (the pill, toasts, log buttons); each part costs
 * nothing on a page where the member never needs it. The background runs the part's bundle in
 * this page's isolated world (background/parts.ts), and the bundle registers itself through the
 * host this loader put there first (part-host.ts).
 */
import {
  action,
  batch,
  computed,
  createModel,
  effect,
  type ReadonlySignal,
  Signal,
  signal,
  untracked,
} from '@preact/signals-core';
import type { MessageReply } from '../platform/messages.ts';
import type { PanelModule, SharedModules } from './panel-host.ts';
import { type LazyPart, setPartHost } from './part-host.ts';

export interface PartLoader<T> {
  /** The loaded part, or null until it is. */
  module: ReadonlySignal<T | null>;
  /** Loads the part once; a failed load may be tried again. */
  load(): Promise<T>;
}

export type PanelLoader = PartLoader<PanelModule>;

/** `inject` asks the background to run the part's bundle in this page (frame). */
export function createPartLoader<T>(
  part: LazyPart,
  inject: () => Promise<MessageReply>,
  shared: object = {},
): PartLoader<T> {
  const module = signal<T | null>(null);
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> => {
    const loaded = module.peek();
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
      // The background answers after the bundle ran, and it registers as it runs. The part is
      // given out once `inject` is done: it may wait for more than the bundle (run-site.ts).
      if (!arrived.part) throw new Error(`the ${part} did not load`);
      module.value = arrived.part;
      return arrived.part;
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return { module, load };
}

/** The panel shares the content script's signals (panel-host.ts says why). */
const SHARED: SharedModules = {
  signals: { Signal, action, batch, computed, createModel, effect, signal, untracked },
};

export function createPanelLoader(inject: () => Promise<MessageReply>): PanelLoader {
  return createPartLoader<PanelModule>('panel', inject, SHARED);
}
