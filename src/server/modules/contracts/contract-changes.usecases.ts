/** Commit to a contract, or change it: harder parts apply at once, easier ones wait (or a witness approves). */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ContractView, ProposeContractBody } from '../../../contracts/commitments.contract.js';
import { canChangePlan } from '../../../core/access/project-policy.js';
import { classifyChange } from '../../../core/contracts/classify-change.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Contract, ContractChange } from '../../../core/contracts/contract.model.js';
import { DEFAULT_EASING_DELAY_DAYS, type EffectiveChange } from '../../../core/contracts/effective-at.js';
import { interimContract } from '../../../core/contracts/interim-contract.js';
import { validateContractChange } from '../../../core/contracts/validate-change.js';
import type { JsonValue } from '../../../core/ledger/canonical-json.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { DEFAULT_LADDER } from '../../../core/verdicts/consequences.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { plural, readableInstant } from '../../shared/text.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { notify } from '../notifications/notify.js';
import { lockProject, type ProjectRow } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { localDate, scheduleProject } from '../schedule/schedule.usecases.js';
import {
  insertContractVersion,
  loadContractVersions,
  type StoredContractVersion,
} from './contracts.repository.js';
import { contractView, currentPlan, NO_CONTRACT, type ContractDeps } from './contracts.usecases.js';

type Body = z.output<typeof ProposeContractBody>;
const DAY_MS = 86_400_000;
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonValue;

export const DEFAULT_GRACE_TOKENS = 2;
export const DEFAULT_SPRINT_DAYS = 14;

/** Names (ids or emails) to member ids; anyone outside the workspace is refused by name. */
async function resolveMembers(
  db: Kysely<Database>,
  workspaceId: string,
  names: readonly string[],
  field: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const row = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.workspace_id', '=', workspaceId)
      .where(
        name.includes('@') ? 'users.email' : 'users.id',
        '=',
        name.includes('@') ? name.toLowerCase() : name,
      )
      .executeTakeFirst();
    if (!row)
      throw new AppError('contracts.witness_not_member', {
        message: `${field}${names.length > 1 ? `[${i}]` : ''}: "${name}" is not a member of this workspace. Invite them first.`,
        details: { field, value: name },
      });
    ids.push(row.id);
  }
  return ids;
}

/** The first commitment's defaults: saved hours and checkpoint dates from the schedule, criteria from the plan. */
async function firstContract(
  deps: ContractDeps,
  actor: Actor,
  project: ProjectRow,
  body: Body,
): Promise<Contract> {
  let minutesPerWeekday = body.minutesPerWeekday;
  let checkpoints = body.checkpoints;
  if (!minutesPerWeekday || !checkpoints) {
    const saved = project.availability_json
      ? (JSON.parse(project.availability_json) as { minutesPerWeekday?: Contract['minutesPerWeekday'] })
      : {};
    minutesPerWeekday ??= saved.minutesPerWeekday;
    if (!minutesPerWeekday) throw new AppError('schedule.no_hours');
    if (!checkpoints) {
      const plan = await currentPlan(deps.db, project);
      if (!plan || plan.checkpoints.length === 0) checkpoints = [];
      else {
        const schedule = await scheduleProject(deps, actor, project.id, { minutesPerWeekday, save: false });
        checkpoints = plan.checkpoints.flatMap((cp) => {
          const dueDate = schedule.checkpoints.find((s) => s.id === cp.id)?.dueDate ?? null;
          if (!dueDate || cp.taskIds.length === 0) return [];
          const criteria = (cp.criteria ?? cp.title)
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => line.slice(0, 500));
          return [{ id: cp.id, dueDate, taskIds: cp.taskIds, criteria }];
        });
      }
    }
  }
  return {
    minutesPerWeekday,
    checkpoints,
    witnesses: [],
    backupWitness: null,
    ladder: body.ladder ?? DEFAULT_LADDER.map((step) => ({ ...step })),
    graceTokensPerSprint: body.graceTokensPerSprint ?? DEFAULT_GRACE_TOKENS,
    sprintLengthDays: body.sprintLengthDays ?? DEFAULT_SPRINT_DAYS,
    commitsCloseTasks: body.commitsCloseTasks ?? false,
  };
}

function refuseInvalid(result: Exclude<ReturnType<typeof validateContractChange>, { ok: true }>): never {
  const code =
    result.code === 'contracts.no_change' ||
    result.code === 'contracts.due_date_in_past' ||
    result.code === 'contracts.builder_as_witness'
      ? result.code
      : 'contracts.invalid';
  throw new AppError(code, {
    message: result.message,
    details: { code: result.code, issues: result.issues },
  });
}

/**
 * When each part of a change applies. Harder and neutral parts now; easier parts after the delay or a
 * witness approval. An easing that was already waiting in the version this one replaces keeps its
 * place in line, so changing something else never restarts its wait.
 */
function schedule(
  changes: ContractChange[],
  nowIso: string,
  waitingBefore: StoredContractVersion | null,
): { changes: EffectiveChange[]; fullyEffectiveAt: string } {
  const eased = new Date(Date.parse(nowIso) + DEFAULT_EASING_DELAY_DAYS * DAY_MS).toISOString();
  const effective = changes.map((change): EffectiveChange => {
    if (change.direction !== 'easier') return { ...change, effectiveAt: nowIso };
    const earlier = waitingBefore?.changes.find(
      (c) => c.direction === 'easier' && c.field === change.field && c.description === change.description,
    );
    return { ...change, effectiveAt: earlier && earlier.effectiveAt < eased ? earlier.effectiveAt : eased };
  });
  const fully = effective.reduce((max, c) => (c.effectiveAt > max ? c.effectiveAt : max), nowIso);
  return { changes: effective, fullyEffectiveAt: fully };
}

export async function proposeContract(
  deps: ContractDeps,
  actor: Actor,
  projectId: string,
  body: Body,
): Promise<ContractView> {
  return deps.db.transaction().execute(async (trx) => {
    const { project, roles } = await requireProject(trx, projectId, actor);
    enforce(
      canChangePlan({ actorId: actor.userId, actor: roles, builderId: project.builder_id }),
      'projects.not_found',
    );
    await lockProject(trx, projectId, deps.dialect);
    const builder = await trx
      .selectFrom('users')
      .select(['time_zone'])
      .where('id', '=', project.builder_id)
      .executeTakeFirstOrThrow();
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const versions = await loadContractVersions(trx, projectId);
    const latest = versions.at(-1) ?? null;
    // The commitment is the builder's own promise: nobody else makes it for them.
    if (!latest && actor.userId !== project.builder_id) throw new AppError('contracts.builder_commits');
    if (latest && !body.reason) throw new AppError('contracts.reason_required');

    const base = latest ? latest.contract : await firstContract({ ...deps, db: trx }, actor, project, body);
    const after = await applyBody(trx, project, base, body);
    const inForce = contractAt(versions, now.getTime());
    const before = inForce?.contract ?? NO_CONTRACT;
    const check = validateContractChange(before, after, {
      now: nowIso,
      timeZone: builder.time_zone,
      builderId: project.builder_id,
    });
    if (!check.ok) refuseInvalid(check);

    const waiting = latest && now.getTime() < Date.parse(latest.fullyEffectiveAt) ? latest : null;
    const timing = inForce
      ? schedule(classifyChange(before, after), nowIso, waiting)
      : { changes: [], fullyEffectiveAt: nowIso };
    const number = (latest?.number ?? 0) + 1;
    const reason = body.reason ?? 'first commitment';
    await insertContractVersion(trx, {
      project_id: projectId,
      number,
      contract_json: JSON.stringify(after),
      interim_json: JSON.stringify(inForce ? interimContract(before, after) : after),
      changes_json: JSON.stringify(timing.changes),
      reason,
      requested_by: actor.userId,
      requested_at: nowIso,
      fully_effective_at: timing.fullyEffectiveAt,
      approved_by: null,
      approved_at: null,
      created_at: nowIso,
    });
    if (!project.verdicts_from) {
      // A commitment starts tomorrow: today was not planned against it.
      await trx
        .updateTable('projects')
        .set({ verdicts_from: addLocalDays(localDate(now, builder.time_zone), 1), updated_at: nowIso })
        .where('id', '=', projectId)
        .execute();
    }
    const proposal = { number, reason, before, after, timing, changed: inForce !== null };
    await recordProposal(trx, deps, { actor, project, now, proposal });
    return contractView(trx, project, await loadContractVersions(trx, projectId), now);
  });
}

/** The contract asked for: the body's fields over `base`, witnesses named by email resolved to members. */
async function applyBody(
  trx: Kysely<Database>,
  project: ProjectRow,
  base: Contract,
  body: Body,
): Promise<Contract> {
  return {
    minutesPerWeekday: body.minutesPerWeekday ?? base.minutesPerWeekday,
    checkpoints: body.checkpoints ?? base.checkpoints,
    witnesses: body.witnesses
      ? await resolveMembers(trx, project.workspace_id, body.witnesses, 'witnesses')
      : base.witnesses,
    backupWitness:
      body.backupWitness === undefined
        ? base.backupWitness
        : body.backupWitness === null
          ? null
          : ((await resolveMembers(trx, project.workspace_id, [body.backupWitness], 'backupWitness'))[0] ??
            null),
    ladder: body.ladder ?? base.ladder,
    graceTokensPerSprint: body.graceTokensPerSprint ?? base.graceTokensPerSprint,
    sprintLengthDays: body.sprintLengthDays ?? base.sprintLengthDays,
    commitsCloseTasks: body.commitsCloseTasks ?? base.commitsCloseTasks ?? false,
  };
}

interface Proposal {
  number: number;
  reason: string;
  before: Contract;
  after: Contract;
  timing: { changes: EffectiveChange[]; fullyEffectiveAt: string };
  /** False for the first commitment. */
  changed: boolean;
}

/** The new version on the record (ledger and audit), and every witness, old or new, told. */
async function recordProposal(
  trx: Kysely<Database>,
  deps: Pick<ContractDeps, 'dialect'>,
  input: { actor: Actor; project: ProjectRow; now: Date; proposal: Proposal },
): Promise<void> {
  const { actor, project, now } = input;
  const { number, reason, before, after, timing, changed } = input.proposal;
  const projectId = project.id;
  const nowIso = now.toISOString();
  await appendLedger(trx, deps.dialect, {
    projectId,
    at: nowIso,
    kind: changed ? 'contract.changed' : 'contract.committed',
    actorId: actor.userId,
    payload: {
      version: number,
      reason,
      changes: timing.changes.map((c) => ({
        field: c.field,
        direction: c.direction,
        description: c.description,
        effectiveAt: c.effectiveAt,
      })),
      contract: toJson(after),
    },
  });
  await recordAudit(trx, {
    workspaceId: project.workspace_id,
    actorId: actor.userId,
    action: changed ? 'contract.changed' : 'contract.committed',
    subjectId: projectId,
    data: { version: number },
    at: now,
  });
  const witnesses = [...new Set([...before.witnesses, ...after.witnesses])];
  const easier = timing.changes.filter((c) => c.direction === 'easier');
  await notify(trx, {
    userIds: witnesses,
    projectId,
    kind: changed ? 'contract.changed' : 'contract.committed',
    dedupKey: `contract:${projectId}:${number}`,
    title: changed
      ? `${project.name}: the commitment changed (version ${number})`
      : `You are a witness for ${project.name}`,
    body: changed
      ? `${timing.changes.map((c) => `${c.description} (${c.direction})`).join('; ')}. Reason: ${reason}.` +
        (easier.length > 0
          ? ` The easier parts apply on ${readableInstant(timing.fullyEffectiveAt)} unless you approve them sooner.`
          : '')
      : `${plural(after.checkpoints.length, 'checkpoint')}; you review the proof at each one.`,
    url: `/projects/${projectId}/contract`,
    at: nowIso,
  });
}
