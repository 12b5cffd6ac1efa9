/**
 * The sidebar's daily-rhythm cards ask the background for the member's review (复盘), send their
 * reflection and read the customers due today (the morning plan): the token stays in the
 * background, and the messages were parsed already (platform/messages.ts). Errors are thrown,
 * and worded for the page by the message listener.
 */
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import { currentApi } from './account.ts';

type ReviewMessage = Extract<PageMessage, { type: 'review' | 'reflect' | 'due-customers' }>;

/** The member's customers due today, most overdue first (none when signed out). */
export async function dueCustomers(): Promise<{ id: string; name: string }[]> {
  const api = await currentApi();
  if (!api) return [];
  const { customers } = await api.dueCustomers();
  return customers.map((c) => ({ id: c.id, name: c.name }));
}

export async function answerReview(message: ReviewMessage): Promise<MessageReply> {
  if (message.type === 'due-customers') return { ok: true, due: await dueCustomers() };
  const api = await currentApi();
  if (!api) return { ok: false, error: 'sign in to Pacer first' };
  if (message.type === 'review') {
    const { review } = await api.review(message.period, message.date);
    return { ok: true, review };
  }
  await api.reflect(message.reflection);
  return { ok: true };
}
