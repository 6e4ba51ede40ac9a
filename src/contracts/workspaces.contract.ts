import { z } from 'zod';
import { Email, Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';

import { ROLES, WORKSPACE_KINDS } from '../core/access/roles.js';

export { ROLES, WORKSPACE_KINDS };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const WorkspaceKind = z.enum(WORKSPACE_KINDS);
export type WorkspaceKind = z.infer<typeof WorkspaceKind>;

export const WHY_MODES = ['off', 'warn', 'require'] as const;
/** Whether the commit-msg hook asks AI-assisted commits for a `Why:` trailer, warns, or refuses the commit. */
export const WhyMode = z.enum(WHY_MODES);

export const Workspace = z
  .object({
    id: Id,
    name: z.string(),
    slug: z.string(),
    kind: WorkspaceKind,
    whyMode: WhyMode,
    /** Percent: a checkpoint whose forecast chance of holding is under this is shown at risk. */
    atRiskBelow: z.number().int(),
    createdAt: Instant,
    /** The roles of the caller in this workspace. */
    myRoles: z.array(Role),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const Member = z
  .object({
    userId: Id,
    displayName: z.string(),
    email: z.string(),
    timeZone: z.string(),
    roles: z.array(Role),
    joinedAt: Instant,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const Invitation = z
  .object({
    id: Id,
    workspaceId: Id,
    role: Role,
    email: z.string().nullable(),
    createdBy: Id,
    createdAt: Instant,
    expiresAt: Instant,
    acceptedAt: Instant.nullable(),
    acceptedBy: Id.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const CreatedInvitation = z
  .object({
    invitation: Invitation,
    /** The link to share; it carries the secret and is shown this once. */
    url: z.string(),
    token: z.string(),
  })
  .meta({ id: 'CreatedInvitation' });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationPreview = z
  .object({
    workspace: z.object({ name: z.string(), kind: WorkspaceKind }),
    role: Role,
    invitedBy: z.string(),
    expiresAt: Instant,
    email: z.string().nullable(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Use lowercase letters, digits and single dashes, e.g. "spring-cohort".',
  );

export const CreateWorkspaceBody = z.strictObject({
  name: z.string().trim().min(1, 'A workspace needs a name.').max(80),
  slug: Slug.optional(),
  kind: WorkspaceKind.default('solo'),
});

export const UpdateWorkspaceBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    slug: Slug.optional(),
    whyMode: WhyMode.optional(),
    atRiskBelow: z
      .number()
      .int('atRiskBelow is a whole percent, e.g. 70')
      .min(1, 'atRiskBelow is a percent from 1 to 99')
      .max(99, 'atRiskBelow is a percent from 1 to 99')
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change.');

export const WorkspaceParams = z.object({ workspaceId: Id });
export const MemberParams = z.object({ workspaceId: Id, userId: Id });
export const InvitationParams = z.object({ workspaceId: Id, invitationId: Id });
export const InvitationTokenParams = z.object({ token: z.string().min(1).max(200) });

export const SetRolesBody = z.strictObject({
  roles: z
    .array(Role)
    .min(1, 'A member needs at least one role; remove the member instead.')
    .refine((roles) => new Set(roles).size === roles.length, 'List each role once.'),
});

export const CreateInvitationBody = z.strictObject({
  role: Role,
  email: Email.optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const listWorkspaces = endpoint({
  operationId: 'listWorkspaces',
  method: 'GET',
  path: '/api/v1/workspaces',
  summary: 'The workspaces you belong to.',
  tag: 'workspaces',
  auth: 'required',
  response: z.object({ workspaces: z.array(Workspace) }),
  status: 200,
});

export const createWorkspace = endpoint({
  operationId: 'createWorkspace',
  method: 'POST',
  path: '/api/v1/workspaces',
  summary: 'Create a workspace; you become its organizer (and builder, for a solo space).',
  tag: 'workspaces',
  auth: 'required',
  body: CreateWorkspaceBody,
  response: Workspace,
  status: 201,
});

export const getWorkspace = endpoint({
  operationId: 'getWorkspace',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId',
  summary: 'One workspace you belong to.',
  tag: 'workspaces',
  auth: 'required',
  params: WorkspaceParams,
  response: Workspace,
  status: 200,
});

export const updateWorkspace = endpoint({
  operationId: 'updateWorkspace',
  method: 'PATCH',
  path: '/api/v1/workspaces/:workspaceId',
  summary: 'Rename a workspace (organizers).',
  tag: 'workspaces',
  auth: 'required',
  params: WorkspaceParams,
  body: UpdateWorkspaceBody,
  response: Workspace,
  status: 200,
});

export const listMembers = endpoint({
  operationId: 'listMembers',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId/members',
  summary: 'Members of a workspace and their roles.',
  tag: 'workspaces',
  auth: 'required',
  params: WorkspaceParams,
  response: z.object({ members: z.array(Member) }),
  status: 200,
});

export const setMemberRoles = endpoint({
  operationId: 'setMemberRoles',
  method: 'PUT',
  path: '/api/v1/workspaces/:workspaceId/members/:userId/roles',
  summary: "Set a member's roles (organizers only; nobody can raise their own).",
  tag: 'workspaces',
  auth: 'required',
  params: MemberParams,
  body: SetRolesBody,
  response: Member,
  status: 200,
});

export const removeMember = endpoint({
  operationId: 'removeMember',
  method: 'DELETE',
  path: '/api/v1/workspaces/:workspaceId/members/:userId',
  summary: 'Remove a member (organizers), or leave (yourself).',
  tag: 'workspaces',
  auth: 'required',
  params: MemberParams,
  response: z.null(),
  status: 204,
});

export const listInvitations = endpoint({
  operationId: 'listInvitations',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId/invitations',
  summary: 'Invitations of a workspace (organizers).',
  tag: 'invitations',
  auth: 'required',
  params: WorkspaceParams,
  response: z.object({ invitations: z.array(Invitation) }),
  status: 200,
});

export const createInvitation = endpoint({
  operationId: 'createInvitation',
  method: 'POST',
  path: '/api/v1/workspaces/:workspaceId/invitations',
  summary: 'Create an invitation link with a role and an expiry (organizers).',
  tag: 'invitations',
  auth: 'required',
  params: WorkspaceParams,
  body: CreateInvitationBody,
  response: CreatedInvitation,
  status: 201,
});

export const revokeInvitation = endpoint({
  operationId: 'revokeInvitation',
  method: 'DELETE',
  path: '/api/v1/workspaces/:workspaceId/invitations/:invitationId',
  summary: 'Revoke an invitation link.',
  tag: 'invitations',
  auth: 'required',
  params: InvitationParams,
  response: z.null(),
  status: 204,
});

export const previewInvitation = endpoint({
  operationId: 'previewInvitation',
  method: 'GET',
  path: '/api/v1/invitations/:token',
  summary: 'What an invitation link offers, for the acceptance page.',
  tag: 'invitations',
  auth: 'none',
  rateLimited: true,
  params: InvitationTokenParams,
  response: InvitationPreview,
  status: 200,
});

export const acceptInvitation = endpoint({
  operationId: 'acceptInvitation',
  method: 'POST',
  path: '/api/v1/invitations/:token/accept',
  summary: 'Join the workspace with the role the invitation names.',
  tag: 'invitations',
  auth: 'required',
  rateLimited: true,
  params: InvitationTokenParams,
  response: Workspace,
  status: 200,
});
