/**
 * Customer messages from the sidebar: the background holds the token, so it asks the server and
 * answers with the parsed body (`data`). Nothing is queued: these are reads and a class change
 * the sidebar shows the answer of.
 */
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import { stored } from '../platform/storage.ts';
import { createCustomersApi } from '../sync/customers-api.ts';
import { readToken } from './token-vault.ts';

type CustomerMessage = Extract<
  PageMessage,
  { type: 'customer-lookup' | 'customers-due' | 'customer-class' }
>;

export const isCustomerMessage = (m: PageMessage): m is CustomerMessage =>
  m.type === 'customer-lookup' || m.type === 'customers-due' || m.type === 'customer-class';

export async function handleCustomerMessage(message: CustomerMessage): Promise<MessageReply> {
  const [account, token] = await Promise.all([stored.account().getValue(), readToken()]);
  if (!account || !token) return { ok: false, error: 'sign in to Pacer first' };
  const api = createCustomersApi(account.server, token);
  if (message.type === 'customer-lookup') {
    const { type: _type, ...query } = message;
    return { ok: true, data: await api.lookup(query) };
  }
  if (message.type === 'customers-due') return { ok: true, data: await api.due() };
  return { ok: true, data: await api.setClass(message.id, message.class) };
}
