/**
 * Runs the expanded panel's bundle (entrypoints/panel.ts) in the content script's isolated world
 * of the tab and frame that asked, on the member's first open (sidebar/panel-host.ts). Injected
 * by the extension rather than imported by the page, so the file need not be web-accessible;
 * the host permission it needs is the one the content script already runs under.
 */
import { browser } from 'wxt/browser';
import type { MessageReply } from '../platform/messages.ts';

const PANEL_FILE = '/panel.js';

export async function injectPanel(sender: {
  tab?: { id?: number };
  frameId?: number;
}): Promise<MessageReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: 'not from a tab' };
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [PANEL_FILE],
  });
  return { ok: true };
}
