/** A won deal's product category, changed after the fact (`PATCH /events/:id/category`). */
import { EventCategoryResponse, RecentEventsResponse } from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const setDealCategory = (id: string, category: string | null) =>
  send(
    api.events[':id'].category.$patch({ param: { id }, json: { category } }),
    EventCategoryResponse,
  );

/** The member's recent logs (their own, or a managed rep's). */
export const loadRecentLogs = (memberId: string, limit: number) =>
  get(
    RecentEventsResponse,
    api.members[':id'].events.$get({ param: { id: memberId }, query: { limit: String(limit) } }),
  );
