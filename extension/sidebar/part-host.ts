/**
 * Where a lazy part's bundle finds its content script: an object on the isolated world's global
 * (never the page's window), put there by part-loader.ts before the background runs the bundle.
 */

/** The content script's parts loaded on first use (background/parts.ts runs their bundles). */
export const LAZY_PARTS = ['panel', 'logging'] as const;
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
