/**
 * WXT stops a content script when a newer copy of it announces itself with a DOM event on the
 * page (`ContentScriptContext.listenForNewerScripts`): the old copy removes its UI and goes idle.
 * The event's name holds only the extension's id (public for a store extension) and the script's
 * name, so any page can replay it and make the sidebar and log buttons disappear at will
 * (upstream: https://github.com/wxt-dev/wxt/issues/1359, https://github.com/wxt-dev/wxt/pull/1938).
 * A real newer copy only ever follows an extension reload or update, after which this copy's
 * extension context is gone (`browser.runtime.id` is undefined, as WXT's own `isInvalid` checks);
 * so the announcement is obeyed only then. Test: test/e2e/hostile/acting-page.test.ts.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function ignoreReplayedStarts(ctx: ContentScriptContext): void {
  const isNewerCopy = ctx.verifyScriptStartedEvent.bind(ctx);
  ctx.verifyScriptStartedEvent = (event) => isNewerCopy(event) && browser.runtime?.id == null;
}
