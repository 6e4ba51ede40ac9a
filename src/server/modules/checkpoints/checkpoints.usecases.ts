import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CheckpointDetail,
  CheckpointDto,
  ReviewBody,
  SubmitBody,
} from '../../../contracts/checkpoints.contract.js';
import { isErrorCode } from '../../../contracts/errors.js';
import type { Role } from '../../../core/access/roles.js';
import { decide, type CheckpointCommand } from '../../../core/checkpoints/checkpoint-decide.js';
import type { CheckpointEvent, ProofItem, Refusal } from '../../../core/checkpoints/checkpoint.model.js';
import { proofIssues } from '../../../core/checkpoints/proof.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Contract } from '../../../core/contracts/contract.model.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { plural } from '../../shared/text.js';
import { checkpointTitles } from '../contracts/contracts.usecases.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { notify } from '../notifications/notify.js';
import { lockProject, type ProjectRow } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { organizersOf } from '../workspaces/workspaces.repository.js';
import { appendCheckpointEvent, loadCheckpointEvents, loadProofChecks } from './checkpoints.repository.js';
import { dueAtOf, presentCheckpoint, presentDetail } from './checkpoints.presenters.js';
import { checkGitProof, checkpointWindow } from './commit-checks.js';
import { precheckProof } from './prechecks.js';

type CheckpointDeps = Pick<Deps, 'db' | 'clock' | 'dialect' | 'config'>;

interface Context {
  project: ProjectRow;
  roles: Role[];
  timeZone: string;
  builderName: string;
  contract: Contract;
  titles: Record<string, string>;
}

async function loadContext(
  db: Kysely<Database>,
  projectId: string,
  actor: Actor,
  now: Date,
): Promise<Context> {
  const { project, roles } = await requireProject(db, projectId, actor);
  return contextOf(db, project, roles, now);
}

async function contextOf(
  db: Kysely<Database>,
  project: ProjectRow,
  roles: Role[],
  now: Date,
): Promise<Context> {
  const projectId = project.id;
  const builder = await db
    .selectFrom('users')
    .select(['time_zone', 'display_name'])
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
  const inForce = contractAt(await loadContractVersions(db, projectId), now.getTime());
  if (!inForce) throw new AppError('contracts.none');
  return {
    project,
    roles,
    timeZone: builder.time_zone,
    builderName: builder.display_name,
    contract: inForce.contract,
    titles: await checkpointTitles(db, project),
  };
}

function definition(context: Context, checkpointId: string) {
  const checkpoint = context.contract.checkpoints.find((c) => c.id === checkpointId);
  if (!checkpoint) throw new AppError('checkpoints.not_found');
  return checkpoint;
}

async function detail(db: Kysely<Database>, context: Context, checkpointId: string, now: Date) {
  const checkpoint = definition(context, checkpointId);
  const events = (await loadCheckpointEvents(db, context.project.id, checkpointId)).get(checkpointId) ?? [];
  return presentDetail({
    projectId: context.project.id,
    checkpoint,
    title: context.titles[checkpointId],
    timeZone: context.timeZone,
    events,
    checks: await loadProofChecks(db, context.project.id),
    now: now.toISOString(),
  });
}

export async function listCheckpoints(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<{ checkpoints: CheckpointDto[] }> {
  const now = deps.clock.now();
  const context = await loadContext(deps.db, projectId, actor, now);
  return { checkpoints: await presentAll(deps.db, context, now) };
}

/** A project's checkpoints for whoever may already see them (the public status page); [] before a commitment. */
export async function checkpointsOf(
  db: Kysely<Database>,
  project: ProjectRow,
  now: Date,
): Promise<CheckpointDto[]> {
  const inForce = contractAt(await loadContractVersions(db, project.id), now.getTime());
  if (!inForce) return [];
  return presentAll(db, await contextOf(db, project, [], now), now);
}

async function presentAll(db: Kysely<Database>, context: Context, now: Date): Promise<CheckpointDto[]> {
  const projectId = context.project.id;
  const [events, checks] = await Promise.all([
    loadCheckpointEvents(db, projectId),
    loadProofChecks(db, projectId),
  ]);
  return [...context.contract.checkpoints]
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
    .map((checkpoint) =>
      presentCheckpoint({
        projectId,
        checkpoint,
        title: context.titles[checkpoint.id],
        timeZone: context.timeZone,
        events: events.get(checkpoint.id) ?? [],
        checks,
        now: now.toISOString(),
      }),
    );
}

export async function getCheckpoint(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
  checkpointId: string,
): Promise<CheckpointDetail> {
  const now = deps.clock.now();
  return detail(deps.db, await loadContext(deps.db, projectId, actor, now), checkpointId, now);
}

function refused(refusal: Refusal): never {
  throw new AppError(isErrorCode(refusal.code) ? refusal.code : 'checkpoints.conflict', {
    message: refusal.message,
    details: { code: refusal.code },
  });
}

/** Decide a command against the freshest history and append its event; returns the event (or null). */
async function apply(
  trx: Kysely<Database>,
  context: Context,
  checkpointId: string,
  command: CheckpointCommand,
  actorRoles: readonly Role[] | undefined,
  now: string,
): Promise<CheckpointEvent | null> {
  const checkpoint = definition(context, checkpointId);
  const events = (await loadCheckpointEvents(trx, context.project.id, checkpointId)).get(checkpointId) ?? [];
  const decision = decide(command, {
    events,
    dueAt: dueAtOf(checkpoint, context.timeZone),
    now,
    builderId: context.project.builder_id,
    actorRoles,
  });
  if (!decision.ok) refused(decision);
  if (decision.event)
    await appendCheckpointEvent(trx, context.project.id, checkpointId, events.length, decision.event, now);
  return decision.event;
}

/** Proof as the builder cited it, resolved: uploaded files become file items with their checked type. */
async function resolveProof(
  db: Kysely<Database>,
  projectId: string,
  input: z.output<typeof SubmitBody>['proof'],
): Promise<ProofItem[]> {
  const items: ProofItem[] = [];
  for (const [index, item] of input.entries()) {
    if (item.kind !== 'file') {
      items.push(item);
      continue;
    }
    const upload = await db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', item.uploadId)
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    if (!upload)
      throw new AppError('uploads.not_found', {
        message: `proof[${index}].uploadId: no uploaded file "${item.uploadId}" in this project. Upload it first.`,
      });
    items.push({
      kind: 'file',
      fileId: upload.id,
      mediaType: upload.media_type,
      bytes: upload.bytes,
      name: upload.name,
    });
  }
  return items;
}

export async function submitCheckpoint(
  deps: CheckpointDeps,
  actor: Actor,
  projectId: string,
  checkpointId: string,
  body: z.output<typeof SubmitBody>,
): Promise<CheckpointDetail> {
  // Cheap refusals first, before any link is fetched on the builder's behalf.
  const early = await loadContext(deps.db, projectId, actor, deps.clock.now());
  definition(early, checkpointId);
  if (early.project.builder_id !== actor.userId) throw new AppError('checkpoints.not_builder');
  const proof = await resolveProof(deps.db, projectId, body.proof);
  const issues = proofIssues(proof, body.note);
  if (issues.length > 0)
    throw new AppError('checkpoints.invalid_proof', {
      message: `The proof is not acceptable: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      details: { issues },
    });
  const linkChecks = await precheckProof(proof, {
    allow: { hosts: deps.config.outbound.allowHosts, cidrs: deps.config.outbound.allowCidrs },
    timeoutMs: deps.config.checkpoints.precheckTimeoutMs,
  });

  return deps.db.transaction().execute(async (trx) => {
    await lockProject(trx, projectId, deps.dialect);
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const context = await loadContext(trx, projectId, actor, now);
    const checks = await checkGitProof(trx, {
      projectId,
      proof,
      checks: linkChecks,
      window: checkpointWindow({
        checkpoints: context.contract.checkpoints,
        checkpointId,
        verdictsFrom: context.project.verdicts_from,
        timeZone: context.timeZone,
        now,
      }),
    });
    const submissionId = newId();
    const event = await apply(
      trx,
      context,
      checkpointId,
      { kind: 'submit', actorId: actor.userId, submissionId, proof, note: body.note },
      context.roles,
      nowIso,
    );
    if (checks.length > 0)
      await trx
        .insertInto('proof_checks')
        .values(
          checks.map((c) => ({
            submission_id: submissionId,
            item: c.item,
            project_id: projectId,
            kind: c.kind,
            status: c.status,
            detail: c.detail,
            checked_at: nowIso,
          })),
        )
        .execute();
    const result = await detail(trx, context, checkpointId, now);
    const late = result.checkpoint.late;
    await appendLedger(trx, deps.dialect, {
      projectId,
      at: nowIso,
      kind: 'checkpoint.submitted',
      actorId: actor.userId,
      payload: {
        checkpointId,
        submissionId,
        late,
        proof: proof.map((p) => p.kind),
        failedChecks: checks.filter((c) => c.status === 'failed').length,
      },
    });
    const reviewers =
      context.contract.witnesses.length > 0
        ? context.contract.witnesses
        : await organizersOf(trx, context.project.workspace_id);
    if (event)
      await notify(trx, {
        userIds: reviewers.filter((id) => id !== context.project.builder_id),
        projectId,
        kind: 'checkpoint.submitted',
        dedupKey: `checkpoint:${projectId}:${checkpointId}:${submissionId}:submitted`,
        title: `${context.builderName} submitted proof for "${result.checkpoint.title}"${late ? ' (late)' : ''}`,
        body: `${plural(proof.length, 'piece')} of proof on ${context.project.name}. Approve it or say what is missing.`,
        url: `/projects/${projectId}/checkpoints/${encodeURIComponent(checkpointId)}`,
        at: nowIso,
      });
    return result;
  });
}

/**
 * The capacity someone reviews in: an organizer of the workspace, or a witness (or the backup
 * witness) the contract names — whatever their role in the workspace otherwise is.
 */
export function reviewerRoles(context: Pick<Context, 'roles' | 'contract'>, userId: string): Role[] {
  const roles: Role[] = [];
  if (context.roles.includes('organizer')) roles.push('organizer');
  if (context.contract.witnesses.includes(userId) || context.contract.backupWitness === userId)
    roles.push('witness');
  return roles;
}

export async function reviewCheckpoint(
  deps: CheckpointDeps,
  actor: Actor,
  projectId: string,
  checkpointId: string,
  body: z.output<typeof ReviewBody>,
): Promise<CheckpointDetail> {
  return deps.db.transaction().execute(async (trx) => {
    await lockProject(trx, projectId, deps.dialect);
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const context = await loadContext(trx, projectId, actor, now);
    await apply(
      trx,
      context,
      checkpointId,
      {
        kind: 'review',
        actorId: actor.userId,
        submissionId: body.submissionId,
        decision: body.decision,
        ...(body.reason ? { reason: body.reason } : {}),
        comment: body.comment,
      },
      reviewerRoles(context, actor.userId),
      nowIso,
    );
    const result = await detail(trx, context, checkpointId, now);
    await appendLedger(trx, deps.dialect, {
      projectId,
      at: nowIso,
      kind: 'checkpoint.reviewed',
      actorId: actor.userId,
      payload: {
        checkpointId,
        submissionId: body.submissionId,
        decision: body.decision,
        reason: body.reason ?? null,
        comment: body.comment,
      },
    });
    const title = result.checkpoint.title;
    await notify(trx, {
      userIds: [context.project.builder_id],
      projectId,
      kind: `checkpoint.${body.decision}`,
      dedupKey: `checkpoint:${projectId}:${checkpointId}:${body.submissionId}:reviewed`,
      title:
        body.decision === 'approved'
          ? `"${title}" was approved`
          : `"${title}" was rejected: ${(body.reason ?? 'other').replaceAll('_', ' ')}`,
      body: body.comment || (body.decision === 'approved' ? 'Well done.' : 'See the review.'),
      url: `/projects/${projectId}/checkpoints/${encodeURIComponent(checkpointId)}`,
      at: nowIso,
    });
    return result;
  });
}
