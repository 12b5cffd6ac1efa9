/** The contests' reads and writes. */
import {
  ContestBoardResponse,
  ContestListResponse,
  ContestResponse,
  type CreateContestRequest,
  type UpdateContestRequest,
} from '../../../../shared/api/index.ts';
import { api, get, read, send } from '../app/api.ts';

/** Running contests of a team's board with standings (ETag: a 304 when nothing changed). */
export const readContestBoard = (teamId: string | undefined) =>
  read(ContestBoardResponse, api.contests.board.$get({ query: { team: teamId } }));

/** Every contest the manager may edit, cancelled ones included. */
export const loadContests = () =>
  get(ContestListResponse, api.contests.$get({ query: { status: 'all' } })).then((r) => r.contests);

export const createContest = (body: CreateContestRequest) =>
  send(api.contests.$post({ json: body }), ContestResponse);

export const updateContest = (id: string, body: UpdateContestRequest) =>
  send(api.contests[':id'].$patch({ param: { id }, json: body }), ContestResponse);

export const cancelContest = (id: string) =>
  send(api.contests[':id'].$delete({ param: { id } }), ContestResponse);
