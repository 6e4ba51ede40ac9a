import type { Kysely } from 'kysely';
import type { ContractView } from '../../../contracts/commitments.contract.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Contract } from '../../../core/contracts/contract.model.js';
import type { ImportedPlan } from '../../../core/plans/plan.model.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { notify } from '../notifications/notify.js';
import { lockProject, type ProjectRow } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { presentContract } from './contracts.presenters.js';
import { loadContractVersions, type StoredContractVersion } from './contracts.repository.js';

export type ContractDeps = Pick<Deps, 'db' | 'clock' | 'dialect'>;

/** What "before" is when there is no contract yet: nothing promised, nobody to approve. */
export const NO_CONTRACT: Contract = {
  minutesPerWeekday: { sun: 0, mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 0 },
  checkpoints: [],
  witnesses: [],
  backupWitness: null,
  ladder: [],
  graceTokensPerSprint: 0,
  sprintLengthDays: 14,
};

/** The contract a project is held to at `now`, or null before the builder commits. */
export async function contractInForce(db: Kysely<Database>, projectId: string, now: Date) {
  return contractAt(await loadContractVersions(db, projectId), now.getTime());
}

export async function getContract(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<ContractView> {
  const { project } = await requireProject(deps.db, projectId, actor);
  return contractView(deps.db, project, await loadContractVersions(deps.db, projectId), deps.clock.now());
}

/** The contract view with the current plan's checkpoint titles. */
export async function contractView(
  db: Kysely<Database>,
  project: ProjectRow,
  versions: StoredContractVersion[],
  now: Date,
): Promise<ContractView> {
  const titles = await checkpointTitles(db, project);
  return presentContract({ projectId: project.id, versions, now, checkpointTitles: titles });
}

/** The plan the project follows now, or null before one is imported. */
export async function currentPlan(db: Kysely<Database>, project: ProjectRow): Promise<ImportedPlan | null> {
  if (project.current_version === null) return null;
  const row = await db
    .selectFrom('plan_versions')
    .select('plan_json')
    .where('project_id', '=', project.id)
    .where('number', '=', project.current_version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.plan_json) as ImportedPlan) : null;
}

export async function checkpointTitles(
  db: Kysely<Database>,
  project: ProjectRow,
): Promise<Record<string, string>> {
  const plan = await currentPlan(db, project);
  return Object.fromEntries((plan?.checkpoints ?? []).map((c) => [c.id, c.title]));
}

export async function approveContractChange(
  deps: ContractDeps,
  actor: Actor,
  projectId: string,
  number: number,
): Promise<ContractView> {
  return deps.db.transaction().execute(async (trx) => {
    const { project } = await requireProject(trx, projectId, actor);
    await lockProject(trx, projectId, deps.dialect);
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const versions = await loadContractVersions(trx, projectId);
    const target = versions.find((v) => v.number === number);
    const latest = versions.at(-1);
    if (!target) throw new AppError('contracts.none', { message: `There is no contract version ${number}.` });
    // Approving belongs to the witnesses the builder answered to when the change was asked for.
    const earlier = versions.filter((v) => v.number < number);
    const approvers = contractAt(earlier, Date.parse(target.requestedAt))?.contract ?? NO_CONTRACT;
    if (actor.userId === project.builder_id || !approvers.witnesses.includes(actor.userId))
      throw new AppError('contracts.not_witness');
    if (target !== latest || now.getTime() >= Date.parse(target.fullyEffectiveAt))
      throw new AppError('contracts.nothing_waiting');
    await trx
      .updateTable('contract_versions')
      .set({
        approved_by: actor.userId,
        approved_at: nowIso,
        fully_effective_at: nowIso,
        changes_json: JSON.stringify(
          target.changes.map((c) => (c.effectiveAt > nowIso ? { ...c, effectiveAt: nowIso } : c)),
        ),
      })
      .where('project_id', '=', projectId)
      .where('number', '=', number)
      .execute();
    await appendLedger(trx, deps.dialect, {
      projectId,
      at: nowIso,
      kind: 'contract.approved',
      actorId: actor.userId,
      payload: { version: number },
    });
    await notify(trx, {
      userIds: [project.builder_id],
      projectId,
      kind: 'contract.approved',
      dedupKey: `contract:${projectId}:${number}:approved`,
      title: `${project.name}: your change to the commitment was approved`,
      body: `Version ${number} applies now.`,
      url: `/projects/${projectId}/contract`,
      at: nowIso,
    });
    return contractView(trx, project, await loadContractVersions(trx, projectId), now);
  });
}
