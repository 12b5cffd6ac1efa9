/** The target editor's reads and writes: targets, their history, allocation and reopening. */
import {
  AllocationResponse,
  GetTargetChangesResponse,
  GetTargetsResponse,
  ListMembersResponse,
  MismatchResponse,
  type PeriodKind,
  PutTargetResponse,
  ReopeningResponse,
  type TargetInput,
  TargetMembershipResponse,
  TargetSegmentsResponse,
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

/** A target's history, newest first. */
export const loadChanges = (id: string) =>
  get(GetTargetChangesResponse, api.targets[':id'].changes.$get({ param: { id } })).then(
    (r) => r.changes,
  );

/** Who shares a team's targets in a period, day by day (the split preview's history). */
export const loadRoster = (team: string, kind: PeriodKind, start: string) =>
  get(TargetMembershipResponse, api.targets.membership.$get({ query: { team, kind, start } })).then(
    (r) => ({ ...r, teamId: team }),
  );

/** A team target's allocation tree for one metric and period. */
export const loadAllocation = (team: string, metric: string, kind: PeriodKind, start: string) =>
  get(
    AllocationResponse,
    api.targets.allocation.$get({ query: { team, metric, kind, start } }),
  ).then((r) => r.tree);

/** A team's year target against the month targets inside it (null without a year target). */
export const loadYearMismatch = (team: string, metric: string, start: string) =>
  get(
    MismatchResponse,
    api.targets.mismatch.$get({ query: { team, metric, kind: 'year', start } }),
  ).then((r) => r.mismatch);

/** Re-spreads the remaining months of a team's year target. */
export const respreadYear = (teamId: string, metric: string, start: string) =>
  send(
    api.targets.respread.$post({ json: { teamId, metric, period: { kind: 'year', start } } }),
    MismatchResponse,
  );

/** Reopens a closed span of a team's subtree for target edits. */
export const reopen = (teamId: string, start: string, end: string, reason: string) =>
  send(api.targets.reopenings.$post({ json: { teamId, start, end, reason } }), ReopeningResponse);
/** Every target of a team's subtree for `metric`, any period (the editor's current target). */
export const loadTeamTargets = (teamId: string, metric: string) =>
  get(GetTargetsResponse, api.targets.$get({ query: { team: teamId, metric } })).then(
    (r) => r.targets,
  );

/** A target broken down by customer segment against what was won per segment. */
export const loadSegments = (id: string) =>
  get(TargetSegmentsResponse, api.targets[':id'].segments.$get({ param: { id } })).then(
    (r) => r.segments,
  );
