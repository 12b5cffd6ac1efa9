/**
 * The extension API namespace as the content scripts reach it: wxt.config.ts maps WXT's
 * `wxt/browser` here when it builds them. WXT picks `browser` when `browser.runtime.id` is set,
 * and reading `runtime` makes the browser build that whole API in the page's script world at
 * load, about 1 ms on this project's test machine, for a content script that needs it only when
 * the member acts (messages from the background come through platform/tab-inbox.ts instead).
 * The namespace is the build's: Firefox's `browser`, Chromium's `chrome`. Both are properties of
 * the script world's own global, which the page's elements cannot shadow.
 */
// A type only (erased when built), so this module does not import itself under the mapping.
import type { browser as Browser } from 'wxt/browser';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

export const browser = (import.meta.env.FIREFOX ? scope.browser : scope.chrome) as typeof Browser;
