/** Team admin's reads and writes: invites, members (with their logs), org settings, TV links. */
import {
  CreateInviteResponse,
  CreateTvLinkResponse,
  ListInvitesResponse,
  ListMembersResponse,
  ListTvLinksResponse,
  MemberResponse,
  OrgResponse,
  RecentEventsResponse,
  RestoreMemberResponse,
  type Role,
  TvLinkResponse,
  type UpdateOrgSettingsRequest,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const loadInvites = () => get(ListInvitesResponse, api.invites.$get());

export const createInvite = (teamId: string, role: Role) =>
  send(api.invites.$post({ json: { teamId, role } }), CreateInviteResponse);

export const revokeInvite = (code: string) =>
  send(api.invites[':code'].$delete({ param: { code } }));

export const loadMembers = () => get(ListMembersResponse, api.members.$get({ query: {} }));

export const updateMember = (id: string, patch: { role?: Role; teamId?: string }) =>
  send(api.members[':id'].$patch({ param: { id }, json: patch }), MemberResponse);

/** Removed members keep their history but can no longer sign in. */
export const removeMember = (id: string) =>
  send(api.members[':id'].$delete({ param: { id } }), MemberResponse);

/** Removed members, for a manager to restore. */
export const loadRemovedMembers = () =>
  get(ListMembersResponse, api.members.$get({ query: { status: 'removed' } }));

/**
 * Brings a removed member back with their history; their old credentials stay dead and the
 * answer carries a new token, shown once, for the manager to hand over.
 */
export const restoreMember = (id: string) =>
  send(api.members[':id'].restore.$post({ param: { id } }), RestoreMemberResponse);

/** A member's newest logs with their evidence. */
export const loadMemberLogs = (id: string, limit: number) =>
  get(
    RecentEventsResponse,
    api.members[':id'].events.$get({ param: { id }, query: { limit: String(limit) } }),
  );

/** Saves a settings change; the answer is the whole org as stored. */
export const saveOrgSettings = (change: UpdateOrgSettingsRequest) =>
  send(api.org.$patch({ json: change }), OrgResponse).then((r) => r.org);

export const loadTvLinks = () => get(ListTvLinksResponse, api['tv-links'].$get());

/** The link's token is in its `url`, shown once. */
export const createTvLink = (teamId: string) =>
  send(api['tv-links'].$post({ json: { teamId } }), CreateTvLinkResponse);

export const revokeTvLink = (id: string) =>
  send(api['tv-links'][':id'].$delete({ param: { id } }), TvLinkResponse);
