/**
 * Runs a lazy part's bundle (the expanded panel, entrypoints/panel.ts; logging,
 * entrypoints/logging.ts) in the content script's isolated world of the tab and frame that asked,
 * on first use (sidebar/part-loader.ts). Injected by the extension rather than imported by the
 * page, so no file need be web-accessible; the host permission it needs is the one the content
 * script already runs under.
 */
import { browser } from 'wxt/browser';
import type { MessageReply } from '../platform/messages.ts';
import type { LazyPart } from '../sidebar/part-host.ts';

export async function injectPart(
  part: LazyPart,
  sender: { tab?: { id?: number }; frameId?: number },
): Promise<MessageReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: 'not from a tab' };
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [`/${part}.js`],
  });
  return { ok: true };
}
