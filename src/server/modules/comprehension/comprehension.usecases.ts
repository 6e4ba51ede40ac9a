import type { z } from 'zod';
import type {
  ComprehensionSnapshot,
  ComprehensionTotals,
  FileComprehension,
  Hotspot,
  ProjectComprehension,
  RecordWalkthroughBody,
  UploadComprehensionBody,
} from '../../../contracts/comprehension.contract.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import { trendByPeriod } from '../../../core/git/comprehension-trend.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { findUserById } from '../accounts/users.repository.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import * as repos from '../repos/repos.repository.js';
import { gitSettingsOfProject } from '../repos/git-settings.usecases.js';
import { requireRepository } from '../repos/repos.usecases.js';

type ComprehensionDeps = Pick<Deps, 'db' | 'clock'>;

/** Everything Recital knows about who understands which commits, for the CLI to combine with blame. */
export async function listUnderstanding(deps: ComprehensionDeps, actor: Actor, repositoryId: string) {
  const { repository } = await requireRepository(deps.db, repositoryId, actor);
  const rows = await deps.db
    .selectFrom('understanding_facts')
    .select(['sha', 'person_email', 'kind', 'source'])
    .where('repository_id', '=', repository.id)
    .orderBy('sha')
    .orderBy('person_email')
    .orderBy('kind')
    .orderBy('source')
    .execute();
  return {
    facts: rows.map((row) => ({
      sha: row.sha,
      person: row.person_email,
      kind: row.kind,
      source: row.source,
    })),
    settings: await gitSettingsOfProject(deps.db, repository.project_id),
  };
}

export async function uploadComprehension(
  deps: ComprehensionDeps,
  actor: Actor,
  repositoryId: string,
  body: z.output<typeof UploadComprehensionBody>,
): Promise<{ id: string }> {
  const { repository, project } = await requireRepository(deps.db, repositoryId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('repositories.not_builder');
  const id = newId();
  await deps.db
    .insertInto('comprehension_snapshots')
    .values({
      id,
      repository_id: repository.id,
      commit_sha: body.commit,
      taken_at: deps.clock.now().toISOString(),
      totals_json: JSON.stringify(body.totals),
      files_json: JSON.stringify(body.files),
      hotspots_json: JSON.stringify(body.hotspots),
      uploaded_by: actor.userId,
    })
    .execute();
  return { id };
}

async function latestSnapshot(
  deps: ComprehensionDeps,
  repositoryId: string,
): Promise<ComprehensionSnapshot | null> {
  const row = await deps.db
    .selectFrom('comprehension_snapshots')
    .selectAll()
    .where('repository_id', '=', repositoryId)
    .orderBy('taken_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    repositoryId: row.repository_id,
    commit: row.commit_sha,
    takenAt: row.taken_at,
    totals: JSON.parse(row.totals_json) as ComprehensionTotals,
    files: JSON.parse(row.files_json) as FileComprehension[],
    hotspots: JSON.parse(row.hotspots_json) as Hotspot[],
  };
}

/** Witnesses and organizers record walkthroughs; the builder explains their own commits instead. */
function mayRecordWalkthrough(
  actor: Actor,
  project: { builder_id: string },
  roles: readonly string[],
): boolean {
  return actor.userId !== project.builder_id && (roles.includes('witness') || roles.includes('organizer'));
}

export async function getProjectComprehension(
  deps: ComprehensionDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectComprehension> {
  const { project, roles } = await requireProject(deps.db, projectId, actor);
  const builder = await findUserById(deps.db, project.builder_id);
  const inForce = contractAt(await loadContractVersions(deps.db, projectId), deps.clock.now().getTime());
  const sprint =
    inForce && project.verdicts_from
      ? { start: project.verdicts_from, lengthDays: inForce.contract.sprintLengthDays }
      : null;
  const repositories = [];
  for (const repository of await repos.repositoriesOf(deps.db, projectId)) {
    const rows = await deps.db
      .selectFrom('comprehension_snapshots')
      .select(['taken_at', 'commit_sha', 'totals_json'])
      .where('repository_id', '=', repository.id)
      .orderBy('taken_at')
      .execute();
    const trend = trendByPeriod(
      rows.map((row) => ({
        takenAt: row.taken_at,
        commit: row.commit_sha,
        ...(JSON.parse(row.totals_json) as ComprehensionTotals),
      })),
      { timeZone: builder?.time_zone ?? 'UTC', sprint },
    );
    repositories.push({
      id: repository.id,
      name: repository.name,
      latest: await latestSnapshot(deps, repository.id),
      trend,
      period: sprint ? ('sprint' as const) : ('week' as const),
    });
  }
  return { repositories, canRecordWalkthrough: mayRecordWalkthrough(actor, project, roles) };
}

/**
 * A witness walked through a file with the builder: the commits behind its un-understood lines are
 * now reviewed by the witness. Only commits Recital has seen in this repository are recorded.
 */
export async function recordWalkthrough(
  deps: ComprehensionDeps,
  actor: Actor,
  repositoryId: string,
  body: z.output<typeof RecordWalkthroughBody>,
): Promise<{ recorded: number }> {
  const { repository, project } = await requireRepository(deps.db, repositoryId, actor);
  const { roles } = await requireProject(deps.db, project.id, actor);
  if (actor.userId === project.builder_id) throw new AppError('comprehension.builder_walkthrough');
  if (!mayRecordWalkthrough(actor, project, roles)) throw new AppError('access.forbidden');
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('auth.required');
  const now = deps.clock.now();
  const known = await repos.knownShas(deps.db, repository.id, [...new Set(body.shas)]);
  return deps.db.transaction().execute(async (trx) => {
    await repos.insertFacts(
      trx,
      [...known].sort().map((sha) => ({
        id: newId(),
        repository_id: repository.id,
        sha,
        person_email: user.email.toLowerCase(),
        kind: 'reviewed' as const,
        source: 'walkthrough' as const,
        text: body.path,
        recorded_by: actor.userId,
        created_at: now.toISOString(),
      })),
    );
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: 'comprehension.walkthrough',
      subjectId: repository.id,
      data: { path: body.path, commits: known.size },
      at: now,
    });
    return { recorded: known.size };
  });
}
