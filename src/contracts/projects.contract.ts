import { z } from 'zod';
import { Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';
import { WorkspaceParams } from './workspaces.contract.js';

export const Project = z
  .object({
    id: Id,
    workspaceId: Id,
    name: z.string(),
    slug: z.string(),
    builderId: Id,
    createdAt: Instant,
    currentVersion: z.number().int().nullable(),
    /** What is being built, and for whom (shown on the status page). */
    summary: z.string().nullable(),
    audience: z.string().nullable(),
    /** The public status page's link token; null while the page is private. */
    publicToken: z.string().nullable(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const CreateProjectBody = z.strictObject({
  name: z.string().trim().min(1, 'A project needs a name.').max(120),
  summary: z.string().trim().max(500).optional(),
  audience: z.string().trim().max(200).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes.')
    .max(48)
    .optional(),
  /** The member who builds it; defaults to you. */
  builderId: Id.optional(),
});

export const createProject = endpoint({
  operationId: 'createProject',
  method: 'POST',
  path: '/api/v1/workspaces/:workspaceId/projects',
  summary: 'Create a project in a workspace (organizers, or builders for themselves).',
  tag: 'projects',
  auth: 'required',
  params: WorkspaceParams,
  body: CreateProjectBody,
  response: Project,
  status: 201,
});

export const listProjects = endpoint({
  operationId: 'listProjects',
  method: 'GET',
  path: '/api/v1/workspaces/:workspaceId/projects',
  summary: 'Projects in a workspace.',
  tag: 'projects',
  auth: 'required',
  params: WorkspaceParams,
  response: z.object({ projects: z.array(Project) }),
  status: 200,
});

export const getProject = endpoint({
  operationId: 'getProject',
  method: 'GET',
  path: '/api/v1/projects/:projectId',
  summary: 'One project.',
  tag: 'projects',
  auth: 'required',
  params: z.object({ projectId: Id }),
  response: Project,
  status: 200,
});

export const UpdateProjectBody = z.strictObject({
  name: z.string().trim().min(1, 'A project needs a name.').max(120).optional(),
  summary: z.string().trim().max(500).nullable().optional(),
  audience: z.string().trim().max(200).nullable().optional(),
  /** true publishes the status page under a new random link; false takes it down. */
  publicStatus: z.boolean().optional(),
});

export const updateProject = endpoint({
  operationId: 'updateProject',
  method: 'PATCH',
  path: '/api/v1/projects/:projectId',
  summary: 'Rename a project, say what it is for, or publish or hide its status page (builder or organizer).',
  tag: 'projects',
  auth: 'required',
  params: z.object({ projectId: Id }),
  body: UpdateProjectBody,
  response: Project,
  status: 200,
});
