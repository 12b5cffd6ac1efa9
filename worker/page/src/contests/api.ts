/** The contests' reads and writes (the page's only way to /api/v1/competitions and announcements). */
import {
  AnnouncementsResponse,
  CompetitionBoardResponse,
  CompetitionListResponse,
  CompetitionResponse,
  type CreateCompetitionRequest,
  type UpdateCompetitionRequest,
} from '../../../../shared/api/index.ts';
import { get, getJson, send, withQuery } from '../app/api.ts';

/** Running contests of a team's board with standings (ETag: a 304 when nothing changed). */
export const loadContestBoard = (teamId: string | undefined) =>
  getJson(CompetitionBoardResponse, withQuery('/api/v1/competitions/board', { team: teamId }));

/** Every contest the manager may edit, cancelled ones included. */
export const loadContests = () =>
  get(CompetitionListResponse, '/api/v1/competitions?status=all').then((r) => r.competitions);

export const createContest = (body: CreateCompetitionRequest) =>
  send('POST', '/api/v1/competitions', body, CompetitionResponse);

export const updateContest = (id: string, body: UpdateCompetitionRequest) =>
  send('PATCH', `/api/v1/competitions/${encodeURIComponent(id)}`, body, CompetitionResponse);

export const cancelContest = (id: string) =>
  send('DELETE', `/api/v1/competitions/${encodeURIComponent(id)}`, undefined, CompetitionResponse);

/** Announcements of the team after id `since` (ETag). */
export const loadAnnouncements = (teamId: string, since: number) =>
  getJson(
    AnnouncementsResponse,
    withQuery('/api/v1/announcements', { team: teamId, since: String(since) }),
  );
