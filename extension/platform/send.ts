/** Sends a message to the background and returns its typed reply (errors become replies). */
import { browser } from 'wxt/browser';
import type { AccountMessage, MessageReply, PageMessage } from './messages.ts';

/**
 * Page messages are idempotent in the background (a log or undo is keyed by its id), so one that
 * got no answer, because the browser stopped the service worker while it was handling it, is
 * sent again: the restarted worker commits it, or finds it already committed. Without this, logs
 * clicked at that moment were dropped (found by test/e2e/faults/).
 */
const RESEND_DELAYS_MS = [100, 300, 900, 2_000];
const IDEMPOTENT: ReadonlySet<string> = new Set<PageMessage['type']>(['log', 'undo', 'sync-now']);

type Attempt = { reply: MessageReply; delivered: boolean };

async function sendOnce(message: PageMessage | AccountMessage): Promise<Attempt> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as MessageReply | undefined;
    if (reply) return { reply, delivered: true };
    return { reply: { ok: false, error: 'no answer from the background' }, delivered: false };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { reply: { ok: false, error: text }, delivered: false };
  }
}

export async function sendToBackground(
  message: PageMessage | AccountMessage,
): Promise<MessageReply> {
  let attempt = await sendOnce(message);
  if (!IDEMPOTENT.has(message.type)) return attempt.reply;
  for (const delay of RESEND_DELAYS_MS) {
    if (attempt.delivered) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    attempt = await sendOnce(message);
  }
  return attempt.reply;
}
