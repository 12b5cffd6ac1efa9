/**
 * The sidebar's review card asks the background for the member's review (复盘) and sends their
 * reflection: the token stays in the background, and both messages were parsed already
 * (platform/messages.ts). Errors are thrown, and worded for the page by the message listener.
 */
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import { currentApi } from './account.ts';

type ReviewMessage = Extract<PageMessage, { type: 'review' | 'reflect' }>;

export async function answerReview(message: ReviewMessage): Promise<MessageReply> {
  const api = await currentApi();
  if (!api) return { ok: false, error: 'sign in to Pacer first' };
  if (message.type === 'review') {
    const { review } = await api.review(message.period, message.date);
    return { ok: true, review };
  }
  await api.reflect(message.reflection);
  return { ok: true };
}
