/** The target editor's reads and its one write. */
import {
  GetTargetsResponse,
  ListMembersResponse,
  PutTargetResponse,
  type TargetInput,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

/** Every member the manager manages (the split is over the reps of a team's subtree). */
export const loadMembers = () =>
  get(ListMembersResponse, api.members.$get({ query: {} })).then((r) => r.members);

/** The targets that apply to a team's board for `metric` on `date`. */
export const loadTargets = (teamId: string, metric: string, date: string) =>
  get(GetTargetsResponse, api.targets.$get({ query: { team: teamId, metric, date } })).then(
    (r) => r.targets,
  );

export const saveTarget = (target: TargetInput) =>
  send(api.targets.$put({ json: target }), PutTargetResponse);

/** Every target of a team's subtree for `metric`, any period (the editor's current target). */
export const loadTeamTargets = (teamId: string, metric: string) =>
  get(GetTargetsResponse, api.targets.$get({ query: { team: teamId, metric } })).then(
    (r) => r.targets,
  );
