/**
 * The review tab's calls: a member's review (`GET /api/v1/reviews`), the rep's reflection
 * (`PUT /api/v1/reviews/reflection`), the manager's team review and its CSV download.
 */
import {
  type ReflectionInput,
  ReflectionResponse,
  ReviewResponse,
  TeamReviewResponse,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export type ReviewKind = 'day' | 'week' | 'month';

export const loadReview = (period: ReviewKind, date: string, member?: string) =>
  get(ReviewResponse, api.reviews.$get({ query: { period, date, ...(member ? { member } : {}) } }));

export const saveReflection = (input: ReflectionInput) =>
  send(api.reviews.reflection.$put({ json: input }), ReflectionResponse);

export const loadTeamReview = (team: string, period: ReviewKind, date: string) =>
  get(TeamReviewResponse, api.reviews.team.$get({ query: { team, period, date } }));

/** The team review as CSV (same origin: the session cookie goes along). */
export const teamReviewCsvPath = (team: string, period: ReviewKind, date: string) =>
  api.reviews['team.csv'].$path({ query: { team, period, date } });
