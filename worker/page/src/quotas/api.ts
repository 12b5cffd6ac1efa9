/** The quota editor's reads and writes (`/api/v1/quotas`). */
import {
  ListMembersResponse,
  ListQuotasResponse,
  type QuotaInput,
  QuotaResponse,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const loadQuotas = (teamId: string) =>
  get(ListQuotasResponse, api.quotas.$get({ query: { team: teamId } })).then((r) => r.quotas);

export const loadMembers = () =>
  get(ListMembersResponse, api.members.$get({ query: {} })).then((r) => r.members);

export const saveQuota = (quota: QuotaInput) =>
  send(api.quotas.$put({ json: quota }), QuotaResponse);

export const removeQuota = (id: string) =>
  send(api.quotas[':id'].$delete({ param: { id } }), QuotaResponse);
