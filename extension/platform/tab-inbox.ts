/**
 * Messages from the background to a tab's content script (keyboard commands, celebrations):
 * the background runs `deliverInTab` in the content script's world (`scripting.executeScript`,
 * the way it runs the lazy parts: background/parts.ts), which hands the message to the function
 * the content script left there. The content script so listens without `runtime.onMessage`:
 * touching `runtime` at page load costs the page about 1 ms (content/browser.ts). A page cannot
 * reach the inbox: it lives in the script world's global, under a symbol.
 */
import { browser } from 'wxt/browser';
import type { TabMessage } from './messages.ts';

const INBOX = 'pacer:tab-inbox';

type Scope = Record<symbol, unknown>;

/** Content script: takes the background's messages into `receive`; returns the close. */
export function openTabInbox(receive: (message: unknown) => void): () => void {
  const key = Symbol.for(INBOX);
  (globalThis as unknown as Scope)[key] = receive;
  return () => {
    // An extension update's new copy of the script, in the same world, may have opened its own.
    if ((globalThis as unknown as Scope)[key] === receive)
      delete (globalThis as unknown as Scope)[key];
  };
}

/** Runs in the tab (serialised by executeScript: it uses nothing from this module's scope but a type). */
export function deliverInTab(inbox: string, message: unknown): boolean {
  const receive = (globalThis as unknown as Scope)[Symbol.for(inbox)];
  if (typeof receive !== 'function') return false;
  receive(message);
  return true;
}

/** Background: hands `message` to the content script in the tab's top frame, if one runs there. */
export async function sendToTab(tabId: number, message: TabMessage): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: deliverInTab,
    args: [INBOX, message],
  });
}
