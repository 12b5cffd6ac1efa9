import { z } from 'zod';
import { DisplayName, Id, LocalDate, RESERVED_METRIC_IDS, Role, TimeZone } from './common.ts';
import { OrgSettings } from './settings.ts';

const Name = DisplayName(100);
const Email = z.email().max(254);

export const CreateOrgRequest = z.object({
  name: Name,
  timezone: TimeZone,
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
  manager: z.object({ name: Name, email: Email }),
});
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const OrgView = z.object({ id: Id, name: z.string(), settings: OrgSettings });
export type OrgView = z.infer<typeof OrgView>;
/** `GET` and `PATCH /api/v1/org`. */
export const OrgResponse = z.object({ org: OrgView });
export type OrgResponse = z.infer<typeof OrgResponse>;

export const TeamView = z.object({
  id: Id,
  name: z.string(),
  parentId: Id.nullable(),
  depth: z.number().int().min(0).max(3),
});
export type TeamView = z.infer<typeof TeamView>;

export const MemberView = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  teamId: Id,
  timezone: z.string(),
  active: z.boolean(),
});
export type MemberView = z.infer<typeof MemberView>;

export const CreateOrgResponse = z.object({
  org: OrgView,
  team: TeamView,
  member: MemberView,
  token: z.string(),
  inviteCode: z.string(),
});
export type CreateOrgResponse = z.infer<typeof CreateOrgResponse>;

/** Managers change settings with a partial document; it is merged, then validated whole. */
export const UpdateOrgSettingsRequest = OrgSettings.partial()
  .extend({ name: Name.optional() })
  .superRefine((patch, ctx) => {
    // New metric ids only: a team that stored such an id before can still save other settings.
    patch.customMetrics?.forEach((m, i) => {
      if (RESERVED_METRIC_IDS.has(m.id)) {
        ctx.addIssue({ code: 'custom', path: ['customMetrics', i, 'id'], message: 'reserved id' });
      }
    });
    for (const id of Object.keys(patch.points ?? {})) {
      if (RESERVED_METRIC_IDS.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['points', id], message: 'reserved id' });
      }
    }
  });
export type UpdateOrgSettingsRequest = z.infer<typeof UpdateOrgSettingsRequest>;

export const CreateInviteRequest = z.object({
  teamId: Id,
  role: Role.default('rep'),
  /** Lifetime in hours; 7 days by default, at most 30. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
});
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;
export const CreateInviteResponse = z.object({ code: z.string(), expiresAt: z.string() });
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>;

export const JoinRequest = z.object({
  code: z.string().min(4).max(64),
  name: Name,
  email: Email,
  timezone: TimeZone,
});
export type JoinRequest = z.infer<typeof JoinRequest>;
export const JoinResponse = z.object({ member: MemberView, token: z.string() });
export type JoinResponse = z.infer<typeof JoinResponse>;

export const MeResponse = z.object({ member: MemberView, team: TeamView, org: OrgView });
export type MeResponse = z.infer<typeof MeResponse>;

export const CreateTeamRequest = z.object({ name: Name, parentId: Id });
export const UpdateTeamRequest = z
  .object({ name: Name.optional(), parentId: Id.optional() })
  .refine((v) => v.name !== undefined || v.parentId !== undefined, 'nothing to change');
export const UpdateMemberRequest = z
  .object({
    role: Role.optional(),
    teamId: Id.optional(),
    name: Name.optional(),
    timezone: TimeZone.optional(),
    /**
     * Since when the member has been on their team (bringing an existing team into Pacer): moves
     * the start of their only stretch back; refused once they have moved, and into a closed
     * period with team targets unless it is reopened.
     */
    joinedOn: LocalDate.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

export const InviteView = z.object({
  code: z.string(),
  teamId: Id,
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  revoked: z.boolean(),
  /** How many members joined with it (codes are reusable until they expire or are revoked). */
  uses: z.number().int(),
});
export type InviteView = z.infer<typeof InviteView>;
export const ListInvitesResponse = z.object({ invites: z.array(InviteView) });

export const TeamResponse = z.object({ team: TeamView });
export const ListTeamsResponse = z.object({ teams: z.array(TeamView) });

/** `status=removed` lists removed members (managers: to restore one). */
export const MembersQuery = z.object({
  team: Id.optional(),
  status: z.enum(['active', 'removed']).default('active'),
});
export const MemberResponse = z.object({ member: MemberView });
/** `POST /members/:id/restore`: the member again, and a new token for them (shown once). */
export const RestoreMemberResponse = z.object({ member: MemberView, token: z.string() });
export const ListMembersResponse = z.object({ members: z.array(MemberView) });

/** What members may change about themselves. */
export const UpdateMeRequest = z
  .object({ name: Name.optional(), timezone: TimeZone.optional() })
  .refine((v) => v.name !== undefined || v.timezone !== undefined, 'nothing to change');

export const RevokedResponse = z.object({ revoked: z.number().int() });
