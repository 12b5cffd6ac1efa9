/**
 * WXT's "content script started" announcement, made harmless.
 *
 * When a content script starts, WXT's context (`ContentScriptContext`) announces it with a DOM
 * event and a window message whose name holds the extension's id and the script's name, and
 * stops any older copy of the script that hears it (the copy an extension update leaves behind).
 * The window message tells every page the extension's id; and since a store extension's id is
 * public anyway, any page can replay the event and make the sidebar and log buttons disappear at
 * will (upstream: https://github.com/wxt-dev/wxt/issues/1359,
 * https://github.com/wxt-dev/wxt/pull/1938; later WXT releases add `noScriptStartedPostMessage`,
 * https://github.com/wxt-dev/wxt/pull/2265). So:
 *
 * - the announcement is never posted to the page: this module, evaluated with the bundle and so
 *   before WXT builds the context, drops it from this content script's own `window.postMessage`
 *   (the isolated world's; the page's is untouched);
 * - an announcement is obeyed only when this copy's extension context is gone
 *   (`browser.runtime.id` undefined, as WXT's own `isInvalid` checks), which is the case after a
 *   real update and never while the extension lives.
 *
 * Test: test/e2e/hostile/acting-page.test.ts.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const STARTED = 'wxt:content-script-started';

function isStartAnnouncement(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.endsWith(STARTED);
}

const post = window.postMessage.bind(window);
window.postMessage = ((message: unknown, ...rest: [string, Transferable[]?]) => {
  if (!isStartAnnouncement(message)) post(message, ...rest);
}) as typeof window.postMessage;

export function ignoreReplayedStarts(ctx: ContentScriptContext): void {
  const isNewerCopy = ctx.verifyScriptStartedEvent.bind(ctx);
  ctx.verifyScriptStartedEvent = (event) => isNewerCopy(event) && browser.runtime?.id == null;
}
