/** The personal goal form's read (the member's progress) and write (`PUT /api/v1/me/goals`). */
import {
  type PeriodKind,
  type PersonalGoalInput,
  PersonalGoalResponse,
  ProgressResponse,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const loadProgress = (period: PeriodKind) =>
  get(ProgressResponse, api.me.progress.$get({ query: { period } }));

export const saveGoal = (goal: PersonalGoalInput) =>
  send(api.me.goals.$put({ json: goal }), PersonalGoalResponse);
