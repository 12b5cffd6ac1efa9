/**
 * Loads the expanded panel's code on first use (see panel-host.ts): the content script carries
 * only what the page shows at load (the pill, toasts, log buttons), and the panel, the larger part
 * (Preact included), costs nothing on a page where the member never opens it.
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
import { type PanelModule, type SharedModules, setPanelHost } from './panel-host.ts';

const SHARED: SharedModules = {
  signals: { Signal, action, batch, computed, createModel, effect, signal, untracked },
};

export interface PanelLoader {
  /** The loaded panel, or null until it is. */
  module: ReadonlySignal<PanelModule | null>;
  /** Loads the panel once; a failed load may be tried again. */
  load(): Promise<void>;
}

/** `inject` asks the background to run the panel's bundle in this page (frame). */
export function createPanelLoader(inject: () => Promise<MessageReply>): PanelLoader {
  const module = signal<PanelModule | null>(null);
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> => {
    if (module.peek()) return Promise.resolve();
    loading ??= (async () => {
      setPanelHost({
        ...SHARED,
        register: (panel) => {
          module.value = panel;
        },
      });
      const reply = await inject();
      if (!reply.ok) throw new Error(reply.error);
      // The background answers after the bundle ran, and it registers as it runs.
      if (!module.peek()) throw new Error('the panel did not load');
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return { module, load };
}
