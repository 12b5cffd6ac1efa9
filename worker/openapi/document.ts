/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (`z.toJSONSchema`), so the description cannot drift from what the worker accepts.
 */
import { z } from 'zod';
import * as api from '../../shared/api/index.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A response body: JSON with its schema, a CSV file, or nothing (204). */
type Body = z.ZodType | 'text/csv' | null;

interface Operation {
  method: Method;
  path: string;
  summary: string;
  /**
   * Who may call it: `public` needs nothing; `member` / `manager` a bearer token or the page's
   * session cookie; `bearer` a bearer token alone; `session` the cookie alone; `tv` a TV link's
   * token in `x-pacer-tv`.
   */
  auth: 'public' | 'member' | 'manager' | 'bearer' | 'session' | 'tv';
  body?: z.ZodType;
  query?: z.ZodObject;
  responses: Record<number, Body>;
}

const OrgResponse = z.object({ org: api.OrgView });
const InviteResponse = z.object({ invite: api.InviteView });
const TargetResponse = z.object({ target: api.TargetView });

/** Every route of /api/v1. Adding a route means adding it here (the tests check the list). */
export const operations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/orgs',
    summary: 'Create an organisation, its root team and first manager (while sign-up is open)',
    auth: 'public',
    body: api.CreateOrgRequest,
    responses: { 201: api.CreateOrgResponse },
  },
  {
    method: 'get',
    path: '/api/v1/org',
    summary: "The caller's organisation and its settings",
    auth: 'member',
    responses: { 200: OrgResponse },
  },
  {
    method: 'patch',
    path: '/api/v1/org',
    summary: 'Change organisation settings (managers of the top team)',
    auth: 'manager',
    body: api.UpdateOrgSettingsRequest,
    responses: { 200: OrgResponse },
  },
  {
    method: 'post',
    path: '/api/v1/invites',
    summary: 'Create an invite code for a team you manage',
    auth: 'manager',
    body: api.CreateInviteRequest,
    responses: { 201: api.CreateInviteResponse },
  },
  {
    method: 'get',
    path: '/api/v1/invites',
    summary: 'Invites of the teams you manage',
    auth: 'manager',
    responses: { 200: api.ListInvitesResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/invites/{code}',
    summary: 'Revoke an invite code',
    auth: 'manager',
    responses: { 200: InviteResponse },
  },
  {
    method: 'post',
    path: '/api/v1/join',
    summary:
      'Join with an invite code; returns the member and their token (a removed member with the same email is reactivated)',
    auth: 'public',
    body: api.JoinRequest,
    responses: { 201: api.JoinResponse },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'Your profile, team and organisation settings',
    auth: 'member',
    responses: { 200: api.MeResponse },
  },
  {
    method: 'patch',
    path: '/api/v1/me',
    summary: 'Change your name or time zone',
    auth: 'member',
    body: api.UpdateMeRequest,
    responses: { 200: api.MemberResponse },
  },
  {
    method: 'get',
    path: '/api/v1/me/events',
    summary: 'Your recent logs, newest first, with undo state',
    auth: 'member',
    query: api.RecentEventsQuery,
    responses: { 200: api.RecentEventsResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/me/token',
    summary: 'Sign out: revoke the token of this request',
    auth: 'member',
    responses: { 200: api.RevokedResponse },
  },
  {
    method: 'get',
    path: '/api/v1/teams',
    summary: 'Teams you manage (reps: their own team)',
    auth: 'member',
    responses: { 200: api.ListTeamsResponse },
  },
  {
    method: 'post',
    path: '/api/v1/teams',
    summary: 'Create a sub-team (the tree is at most 4 levels deep)',
    auth: 'manager',
    body: api.CreateTeamRequest,
    responses: { 201: api.TeamResponse },
  },
  {
    method: 'patch',
    path: '/api/v1/teams/{id}',
    summary: 'Rename or move a team inside your subtree',
    auth: 'manager',
    body: api.UpdateTeamRequest,
    responses: { 200: api.TeamResponse },
  },
  {
    method: 'get',
    path: '/api/v1/members',
    summary:
      'Active members of the teams you manage (reps: themselves); status=removed lists removed ones',
    auth: 'member',
    query: api.MembersQuery,
    responses: { 200: api.ListMembersResponse },
  },
  {
    method: 'patch',
    path: '/api/v1/members/{id}',
    summary: "Change a member's role, team, name or time zone",
    auth: 'manager',
    body: api.UpdateMemberRequest,
    responses: { 200: api.MemberResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/members/{id}',
    summary:
      'Remove a member (history is kept; tokens, page sessions and their TV links are revoked)',
    auth: 'manager',
    responses: { 200: api.MemberResponse },
  },
  {
    method: 'post',
    path: '/api/v1/members/{id}/restore',
    summary:
      'Restore a removed member of a team you manage, with their history; answers a new token (shown once)',
    auth: 'manager',
    responses: { 200: api.RestoreMemberResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/members/{id}/tokens',
    summary: "Revoke all of a member's tokens and page sessions (yourself, or a member you manage)",
    auth: 'member',
    responses: { 200: api.RevokedResponse },
  },
  {
    method: 'post',
    path: '/api/v1/events',
    summary: 'Log 1–500 events; each is answered created, duplicate or rejected',
    auth: 'member',
    body: api.PostEventsRequest,
    responses: { 200: api.PostEventsResponse },
  },
  {
    method: 'post',
    path: '/api/v1/events/{id}/void',
    summary: 'Undo one of your events (idempotent)',
    auth: 'member',
    responses: { 200: api.VoidEventResponse },
  },
  {
    method: 'get',
    path: '/api/v1/me/progress',
    summary: 'Your progress per metric, tier, streak, points, milestones and funnel needs (ETag)',
    auth: 'member',
    query: api.ProgressQuery,
    responses: { 200: api.ProgressResponse },
  },
  {
    method: 'get',
    path: '/api/v1/targets',
    summary: 'Targets of your subtree (managers) or that apply to you (reps)',
    auth: 'member',
    query: api.TargetsQuery,
    responses: { 200: api.GetTargetsResponse },
  },
  {
    method: 'put',
    path: '/api/v1/targets',
    summary: 'Set a member or team target (upsert per subject, metric and period)',
    auth: 'manager',
    body: api.TargetInput,
    responses: { 200: api.PutTargetResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/targets/{id}',
    summary: 'Delete a target',
    auth: 'manager',
    query: api.DeleteTargetQuery,
    responses: { 200: TargetResponse },
  },
  {
    method: 'get',
    path: '/api/v1/targets/{id}/changes',
    summary: "A target's history: who changed it, when, old → new and why (newest first)",
    auth: 'member',
    responses: { 200: api.GetTargetChangesResponse },
  },
  {
    method: 'get',
    path: '/api/v1/targets/reopenings',
    summary:
      'Closed periods reopened for target edits on teams you manage, and when they closed again',
    auth: 'manager',
    responses: { 200: api.ReopeningsResponse },
  },
  {
    method: 'post',
    path: '/api/v1/targets/reopenings',
    summary: "Reopen a closed span for target edits on a team's subtree (kept with who and why)",
    auth: 'manager',
    body: api.ReopenRequest,
    responses: { 201: api.ReopeningResponse },
  },
  {
    method: 'post',
    path: '/api/v1/targets/reopenings/{id}/close',
    summary: 'Close a reopened span again',
    auth: 'manager',
    responses: { 200: api.ReopeningResponse },
  },
  {
    method: 'get',
    path: '/api/v1/targets/allocation',
    summary: "A team target's allocation tree: each level's target, allocated and gap",
    auth: 'manager',
    query: api.AllocationQuery,
    responses: { 200: api.AllocationResponse },
  },
  {
    method: 'get',
    path: '/api/v1/targets/mismatch',
    summary: 'A year or quarter target against the month targets inside it, with the re-spread',
    auth: 'manager',
    query: api.MismatchQuery,
    responses: { 200: api.MismatchResponse },
  },
  {
    method: 'post',
    path: '/api/v1/targets/respread',
    summary: 'Re-spread the remaining months of a year or quarter target so the whole stays exact',
    auth: 'manager',
    body: api.RespreadRequest,
    responses: { 200: api.MismatchResponse },
  },
  {
    method: 'get',
    path: '/api/v1/leaderboard',
    summary: 'Ranking of a team, respecting its privacy mode (ETag)',
    auth: 'member',
    query: api.LeaderboardQuery,
    responses: { 200: api.LeaderboardResponse },
  },
  {
    method: 'get',
    path: '/api/v1/members/{id}/events',
    summary: "A member's recent logs with their evidence (self, or managers of their team)",
    auth: 'member',
    query: api.RecentEventsQuery,
    responses: { 200: api.RecentEventsResponse },
  },
  {
    method: 'get',
    path: '/api/v1/members/{id}/honours',
    summary: 'Contest rounds a member won, kept once decided (self, or managers of their team)',
    auth: 'member',
    responses: { 200: api.HonoursResponse },
  },
  {
    method: 'get',
    path: '/api/v1/contests',
    summary: "Contests of the caller's teams (managed or competed in)",
    auth: 'member',
    query: z.object({ status: z.enum(['active', 'cancelled', 'all']).optional() }),
    responses: { 200: api.ContestListResponse },
  },
  {
    method: 'post',
    path: '/api/v1/contests',
    summary: 'Create a competition for a team you manage',
    auth: 'manager',
    body: api.CreateContestRequest,
    responses: { 201: api.ContestResponse },
  },
  {
    method: 'get',
    path: '/api/v1/contests/running',
    summary:
      "The caller's running contests with their place (or none: `takingPart`) and the one ahead as far as the team's privacy mode shows them (ETag)",
    auth: 'member',
    responses: { 200: api.RunningContestsResponse },
  },
  {
    method: 'get',
    path: '/api/v1/contests/board',
    summary:
      "A board's (or TV link's: its manager's view) running contests with standings under the team's privacy mode (ETag)",
    auth: 'member',
    query: z.object({ team: api.Id.optional() }),
    responses: { 200: api.ContestBoardResponse },
  },
  {
    method: 'get',
    path: '/api/v1/announcements',
    summary: "Announced moments in a team's subtree after id `since` (ETag; boards, TV, sidebars)",
    auth: 'member',
    query: api.AnnouncementsQuery,
    responses: { 200: api.AnnouncementsResponse },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}',
    summary: 'One competition',
    auth: 'member',
    responses: { 200: api.ContestResponse },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}/standings',
    summary:
      "Standings of the round on a day (default today) under the team's privacy mode; winners, public, once decided (ETag)",
    auth: 'member',
    query: api.StandingsQuery,
    responses: { 200: api.ContestStandingsResponse },
  },
  {
    method: 'patch',
    path: '/api/v1/contests/{id}',
    summary: 'Edit a competition of a team you manage',
    auth: 'manager',
    body: api.UpdateContestRequest,
    responses: { 200: api.ContestResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/contests/{id}',
    summary: 'Cancel a competition of a team you manage',
    auth: 'manager',
    responses: { 200: api.ContestResponse },
  },
  {
    method: 'post',
    path: '/api/v1/session',
    summary: 'Leaderboard page sign-in: trade a bearer token for the session cookie',
    auth: 'member',
    responses: { 201: api.StartSessionResponse },
  },
  {
    method: 'get',
    path: '/api/v1/session',
    summary: "The page session's CSRF secret (send it as x-csrf-token on cookie writes)",
    auth: 'session',
    responses: { 200: api.SessionInfoResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/session',
    summary: 'Sign the page out (ends the session)',
    auth: 'member',
    responses: { 204: null },
  },
  {
    method: 'post',
    path: '/api/v1/session/codes',
    summary:
      'A 60-second single-use link to /signin; the page asks the member to confirm it (bearer token only)',
    auth: 'bearer',
    responses: { 201: api.SigninCodeResponse },
  },
  {
    method: 'post',
    path: '/api/v1/session/signin',
    summary:
      "The page spends a sign-in link's code (same origin only; replacing an open session needs its x-csrf-token)",
    auth: 'public',
    body: api.SigninRequest,
    responses: { 201: api.StartSessionResponse },
  },
  {
    method: 'post',
    path: '/api/v1/tv-links',
    summary: 'Create a read-only TV link for a team you manage (the token is shown once)',
    auth: 'manager',
    body: api.CreateTvLinkRequest,
    responses: { 201: api.CreateTvLinkResponse },
  },
  {
    method: 'get',
    path: '/api/v1/tv-links',
    summary: 'TV links of the teams you manage, newest first',
    auth: 'manager',
    responses: { 200: api.ListTvLinksResponse },
  },
  {
    method: 'delete',
    path: '/api/v1/tv-links/{id}',
    summary: 'Revoke a TV link',
    auth: 'manager',
    responses: { 200: api.TvLinkResponse },
  },
  {
    method: 'get',
    path: '/api/v1/tv/info',
    summary: 'Which team and organisation a TV link shows',
    auth: 'tv',
    responses: { 200: api.TvInfoResponse },
  },
  {
    method: 'get',
    path: '/api/v1/page/trends',
    summary: "Visible members' daily totals of one metric (sparklines, ETag)",
    auth: 'member',
    query: api.TrendsQuery,
    responses: { 200: api.TrendsResponse },
  },
  {
    method: 'get',
    path: '/api/v1/page/activity',
    summary: "A team's totals per metric for one day (TV activity board, ETag)",
    auth: 'member',
    query: api.ActivityQuery,
    responses: { 200: api.ActivityResponse },
  },
  {
    method: 'get',
    path: '/api/v1/export/leaderboard.csv',
    summary: 'The leaderboard as CSV (the same board as GET /api/v1/leaderboard)',
    auth: 'manager',
    query: api.LeaderboardQuery,
    responses: { 200: 'text/csv' },
  },
  {
    method: 'get',
    path: '/api/v1/export/events.csv',
    summary: "Every event of a team's subtree between two dates (at most a year), as CSV",
    auth: 'manager',
    query: api.EventsExportQuery,
    responses: { 200: 'text/csv' },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    auth: 'public',
    responses: { 200: z.object({ openapi: z.string() }).loose() },
  },
];

const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 429] as const;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const pathParams = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

function queryParams(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: schemaOf(field as z.ZodType, 'input'),
  }));
}

function responseObject(body: Body) {
  if (body === null) return { description: 'No content' };
  if (body === 'text/csv') {
    return { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } };
  }
  return {
    description: 'OK',
    content: { 'application/json': { schema: schemaOf(body, 'output') } },
  };
}

const SECURITY: Record<Operation['auth'], Record<string, string[]>[]> = {
  public: [],
  member: [{ bearer: [] }, { session: [] }],
  manager: [{ bearer: [] }, { session: [] }],
  bearer: [{ bearer: [] }],
  session: [{ session: [] }],
  tv: [{ tv: [] }],
};

/** `get /api/v1/export/leaderboard.csv` → `getExportLeaderboardCsv`. */
const operationId = (op: Operation) =>
  op.method +
  op.path
    .replace(/\/api\/v1|[{}]/g, '')
    .replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, ch: string) => ch.toUpperCase());

function operationObject(op: Operation) {
  const responses: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(op.responses)) {
    responses[status] = responseObject(body);
  }
  for (const status of ERROR_STATUSES) {
    responses[status] = { $ref: '#/components/responses/Error' };
  }
  return {
    summary: op.summary,
    operationId: operationId(op),
    tags: [op.path.split('/')[3] ?? 'api'],
    security: SECURITY[op.auth],
    'x-pacer-role': op.auth,
    parameters: [...pathParams(op.path), ...queryParams(op.query)],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pacer sync API',
      version: '1',
      description:
        'Activity events, targets, progress and leaderboards. Errors are {"error":{"code","message","details"?}}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        // The leaderboard page's cookie; writes with it also need the x-csrf-token header.
        session: { type: 'apiKey', in: 'cookie', name: '__Host-pacer' },
        tv: { type: 'apiKey', in: 'header', name: 'x-pacer-tv' },
      },
      responses: {
        Error: {
          description: 'Error',
          content: { 'application/json': { schema: schemaOf(api.ErrorBody, 'output') } },
        },
      },
    },
  };
}
