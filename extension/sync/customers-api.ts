/**
 * The customer routes the sidebar reads through the background (worker/customers/routes.ts),
 * with the same typed client and response parsing as the sync engine's (api-client.ts).
 */

import {
  CustomerLookupResponse,
  CustomerResponse,
  DueCustomersResponse,
} from '../../shared/api/customers.ts';
import type { CustomerClass } from '../../shared/api/settings.ts';
import { createClient } from '../../worker/client.ts';
import { answer, required, timedFetch } from './api-client.ts';

export function createCustomersApi(baseUrl: string, token: string, fetchFn: typeof fetch = fetch) {
  const client = createClient(baseUrl, {
    headers: { authorization: `Bearer ${token}` },
    fetch: timedFetch(fetchFn),
  }).api.v1.customers;
  return {
    async lookup(query: { url?: string; email?: string; name?: string }) {
      return required(await answer(() => client.lookup.$get({ query }), CustomerLookupResponse));
    },
    async due() {
      return required(await answer(() => client.due.$get({ query: {} }), DueCustomersResponse));
    },
    async setClass(id: string, cls: CustomerClass | null) {
      return required(
        await answer(
          () => client[':id'].$patch({ param: { id }, json: { class: cls } }),
          CustomerResponse,
        ),
      );
    },
  };
}
