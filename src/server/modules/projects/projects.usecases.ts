import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateProjectBody, Project, UpdateProjectBody } from '../../../contracts/projects.contract.js';
import { canChangePlan, canCreateProject, canViewProject } from '../../../core/access/project-policy.js';
import type { Role } from '../../../core/access/roles.js';
import { slugify } from '../../../core/access/slug.js';
import { isUniqueViolation } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId, newSecret } from '../../shared/secrets.js';
import { rolesOf } from '../workspaces/workspaces.repository.js';
import { requireMembership } from '../workspaces/workspaces.usecases.js';
import * as repo from './projects.repository.js';

export function presentProject(row: repo.ProjectRow): Project {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    slug: row.slug,
    builderId: row.builder_id,
    createdAt: row.created_at,
    currentVersion: row.current_version,
    summary: row.summary,
    audience: row.audience,
    publicToken: row.public_token,
  };
}

/** A project and the actor's roles in its workspace; a project outside their workspaces is "not found". */
export async function requireProject(
  db: Kysely<Database>,
  projectId: string,
  actor: Actor,
): Promise<{ project: repo.ProjectRow; roles: Role[] }> {
  const project = await repo.findProject(db, projectId);
  const roles = project ? await rolesOf(db, project.workspace_id, actor.userId) : undefined;
  enforce(canViewProject(roles), 'projects.not_found');
  if (!project || !roles) throw new AppError('projects.not_found');
  return { project, roles };
}

async function uniqueProjectSlug(db: Kysely<Database>, workspaceId: string, base: string): Promise<string> {
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.projectSlugExists(db, workspaceId, candidate))) return candidate;
  }
  return `${base}-${newId().slice(0, 8)}`;
}

export async function createProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  workspaceId: string,
  input: z.output<typeof CreateProjectBody>,
): Promise<Project> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const { roles } = await requireMembership(trx, workspaceId, actor);
      const builderId = input.builderId ?? actor.userId;
      enforce(canCreateProject({ actorId: actor.userId, actor: roles, builderId }), 'workspaces.not_found');
      if (!(await rolesOf(trx, workspaceId, builderId))) throw new AppError('projects.builder_not_member');
      if (input.slug && (await repo.projectSlugExists(trx, workspaceId, input.slug)))
        throw new AppError('projects.slug_taken');
      const now = deps.clock.now();
      const row: repo.ProjectRow = {
        id: newId(),
        workspace_id: workspaceId,
        name: input.name,
        slug: input.slug ?? (await uniqueProjectSlug(trx, workspaceId, slugify(input.name))),
        builder_id: builderId,
        created_by: actor.userId,
        current_version: null,
        availability_json: null,
        verdicts_from: null,
        summary: input.summary || null,
        audience: input.audience || null,
        public_token: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await repo.insertProject(trx, row);
      await recordAudit(trx, {
        workspaceId,
        actorId: actor.userId,
        action: 'project.created',
        subjectId: row.id,
        data: { name: row.name, builderId },
        at: now,
      });
      return presentProject(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('projects.slug_taken', { cause: error });
    throw error;
  }
}

export async function listProjects(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  workspaceId: string,
): Promise<Project[]> {
  await requireMembership(deps.db, workspaceId, actor);
  return (await repo.listProjectsOf(deps.db, workspaceId)).map(presentProject);
}

export async function getProject(deps: Pick<Deps, 'db'>, actor: Actor, projectId: string): Promise<Project> {
  return presentProject((await requireProject(deps.db, projectId, actor)).project);
}

export async function updateProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
  input: z.output<typeof UpdateProjectBody>,
): Promise<Project> {
  return deps.db.transaction().execute(async (trx) => {
    const { project, roles } = await requireProject(trx, projectId, actor);
    enforce(
      canChangePlan({ actorId: actor.userId, actor: roles, builderId: project.builder_id }),
      'projects.not_found',
    );
    const now = deps.clock.now();
    const changes: Partial<repo.ProjectRow> = { updated_at: now.toISOString() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.summary !== undefined) changes.summary = input.summary || null;
    if (input.audience !== undefined) changes.audience = input.audience || null;
    if (input.publicStatus === true && !project.public_token) changes.public_token = newSecret('st_', 18);
    if (input.publicStatus === false) changes.public_token = null;
    await trx.updateTable('projects').set(changes).where('id', '=', projectId).execute();
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'project.updated',
      subjectId: projectId,
      data: { fields: Object.keys(input), publicStatus: input.publicStatus ?? null },
      at: now,
    });
    return presentProject({ ...project, ...changes });
  });
}
