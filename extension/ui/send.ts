/** Sends a message to the background and returns its typed reply (errors become replies). */
import { browser } from 'wxt/browser';
import type { AccountMessage, MessageReply, PageMessage } from '../messaging/messages.ts';

export async function sendToBackground(
  message: PageMessage | AccountMessage,
): Promise<MessageReply> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as MessageReply | undefined;
    return reply ?? { ok: false, error: 'no answer from the background' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
