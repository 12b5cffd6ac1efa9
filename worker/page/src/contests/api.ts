/** The contests' reads and writes. */
import {
  CompetitionBoardResponse,
  CompetitionListResponse,
  CompetitionResponse,
  type CreateCompetitionRequest,
  type UpdateCompetitionRequest,
} from '../../../../shared/api/index.ts';
import { api, get, read, send } from '../app/api.ts';

/** Running contests of a team's board with standings (ETag: a 304 when nothing changed). */
export const readContestBoard = (teamId: string | undefined) =>
  read(CompetitionBoardResponse, api.competitions.board.$get({ query: { team: teamId } }));

/** Every contest the manager may edit, cancelled ones included. */
export const loadContests = () =>
  get(CompetitionListResponse, api.competitions.$get({ query: { status: 'all' } })).then(
    (r) => r.competitions,
  );

export const createContest = (body: CreateCompetitionRequest) =>
  send(api.competitions.$post({ json: body }), CompetitionResponse);

export const updateContest = (id: string, body: UpdateCompetitionRequest) =>
  send(api.competitions[':id'].$patch({ param: { id }, json: body }), CompetitionResponse);

export const cancelContest = (id: string) =>
  send(api.competitions[':id'].$delete({ param: { id } }), CompetitionResponse);
