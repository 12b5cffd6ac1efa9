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
import { type LazyPart, partLoader } from './part-host.ts';

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
  const loadOnce = partLoader<T>(part, inject, shared);
  // Published after the bundle registered (and so after `inject` resolved), never before.
  const load = (): Promise<T> =>
    loadOnce().then((loaded) => {
      module.value = loaded;
      return loaded;
    });
  return { module, load };
}

/** The panel shares the content script's signals (panel-host.ts says why). */
const SHARED: SharedModules = {
  signals: { Signal, action, batch, computed, createModel, effect, signal, untracked },
};

export function createPanelLoader(inject: () => Promise<MessageReply>): PanelLoader {
  return createPartLoader<PanelModule>('panel', inject, SHARED);
}
