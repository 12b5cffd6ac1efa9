/** `@preact/signals` inside the panel's bundle: the content script's (see ../panel-host.ts). */
import { panelHost } from '../panel-host.ts';

export const { batch, computed, effect, signal, useComputed, useSignal } = panelHost().signals;
