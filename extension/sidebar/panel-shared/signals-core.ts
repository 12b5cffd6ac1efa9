/** `@preact/signals-core` inside the panel's bundle: the content script's (see ../panel-host.ts). */
import { panelHost } from '../panel-host.ts';

export const { Signal, action, batch, computed, createModel, effect, signal, untracked } =
  panelHost().signals;
