import { decide } from '../../../core/checkpoints/checkpoint-decide.js';
import type { CheckpointEvent } from '../../../core/checkpoints/checkpoint.model.js';
import { reviewDuties } from '../../../core/checkpoints/review-duties.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Deps } from '../../deps.js';
import { checkpointTitles } from '../contracts/contracts.usecases.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { notify } from '../notifications/notify.js';
import { appendCheckpointEvent, loadCheckpointEvents } from './checkpoints.repository.js';
import { dueAtOf } from './checkpoints.presenters.js';
import { organizersOf } from '../workspaces/workspaces.repository.js';

type SweepDeps = Pick<Deps, 'db' | 'dialect' | 'logger' | 'config'>;

/**
 * One project's checkpoints: record `missed` for those whose due instant passed without a
 * submission (stamped with the due instant, so a catch-up after downtime reads true), and remind or
 * escalate reviews that waited too long. Idempotent: each event is decided against the stored
 * history, and the project row is claimed so concurrent instances skip it.
 */
async function sweepProjectCheckpoints(deps: SweepDeps, projectId: string, now: Date): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    let claim = trx
      .selectFrom('projects')
      .innerJoin('users', 'users.id', 'projects.builder_id')
      .selectAll('projects')
      .select(['users.time_zone', 'users.display_name as builder_name'])
      .where('projects.id', '=', projectId);
    if (deps.dialect === 'postgres') claim = claim.forUpdate('projects').skipLocked();
    const project = await claim.executeTakeFirst();
    if (!project) return 0;
    const inForce = contractAt(await loadContractVersions(trx, projectId), now.getTime());
    if (!inForce) return 0;
    const { contract } = inForce;
    const nowIso = now.toISOString();
    const events = await loadCheckpointEvents(trx, projectId);
    const titles = await checkpointTitles(trx, project);
    const { remindAfterHours, escalateAfterHours } = deps.config.checkpoints;
    let recorded = 0;
    for (const checkpoint of contract.checkpoints) {
      const history: CheckpointEvent[] = events.get(checkpoint.id) ?? [];
      const dueAt = dueAtOf(checkpoint, project.time_zone);
      const title = titles[checkpoint.id] ?? checkpoint.id;
      const url = `/projects/${projectId}/checkpoints/${encodeURIComponent(checkpoint.id)}`;
      if (now.getTime() >= Date.parse(dueAt) && !history.some((e) => e.type === 'submitted')) {
        const decision = decide(
          { kind: 'markMissed' },
          { events: history, dueAt, now: dueAt, builderId: project.builder_id, actorRoles: undefined },
        );
        if (decision.ok && decision.event) {
          await appendCheckpointEvent(trx, projectId, checkpoint.id, history.length, decision.event, nowIso);
          history.push(decision.event);
          recorded += 1;
          await trx
            .insertInto('consequences')
            .values({
              project_id: projectId,
              key: `checkpoint:${checkpoint.id}:missed`,
              action: 'require_replan',
              cause: checkpoint.id,
              at: dueAt,
              created_at: nowIso,
            })
            .onConflict((oc) => oc.columns(['project_id', 'key']).doNothing())
            .execute();
          await appendLedger(trx, deps.dialect, {
            projectId,
            at: dueAt,
            kind: 'checkpoint.missed',
            actorId: null,
            payload: { checkpointId: checkpoint.id, dueDate: checkpoint.dueDate, dueAt },
          });
          await notify(trx, {
            userIds: [project.builder_id, ...contract.witnesses],
            projectId,
            kind: 'checkpoint.missed',
            dedupKey: `checkpoint:${projectId}:${checkpoint.id}:missed`,
            title: `${project.name}: checkpoint "${title}" was missed`,
            body: `It was due ${checkpoint.dueDate} and nothing was submitted. It stays on the record as missed; a late submission is still accepted and marked late. The streak restarts, and a re-plan is required before the next checkpoint.`,
            url,
            at: dueAt,
          });
        }
      }
      const duties = reviewDuties(history, nowIso, {
        remindAfterHours,
        escalateAfterHours: Math.max(escalateAfterHours, remindAfterHours + 1),
        hasBackupWitness: contract.backupWitness !== null,
      });
      const submission = history.findLast((e) => e.type === 'submitted');
      for (const duty of duties) {
        const event: CheckpointEvent =
          duty.kind === 'remind'
            ? { type: 'reminder_sent', to: duty.to, at: nowIso }
            : { type: 'escalated', to: duty.to, at: nowIso };
        await appendCheckpointEvent(trx, projectId, checkpoint.id, history.length, event, nowIso);
        history.push(event);
        recorded += 1;
        const to =
          duty.kind === 'remind'
            ? contract.witnesses
            : duty.to === 'backup_witness' && contract.backupWitness
              ? [contract.backupWitness]
              : await organizersOf(trx, project.workspace_id);
        await notify(trx, {
          userIds: to.filter((id) => id !== project.builder_id),
          projectId,
          kind: duty.kind === 'remind' ? 'review.reminder' : 'review.escalated',
          dedupKey: `checkpoint:${projectId}:${checkpoint.id}:${submission?.type === 'submitted' ? submission.submissionId : ''}:${duty.kind}`,
          title:
            duty.kind === 'remind'
              ? `Reminder: "${title}" on ${project.name} is waiting for your review`
              : `Please review "${title}" on ${project.name}: the witness has not answered`,
          body: `${project.builder_name} submitted proof on ${submission?.at ?? 'an earlier day'}. Approve it or say what is missing.`,
          url,
          at: nowIso,
        });
      }
    }
    return recorded;
  });
}

/** Close every project's due checkpoints and chase waiting reviews. Returns how many events were recorded. */
export async function sweepCheckpoints(deps: SweepDeps, now: Date): Promise<number> {
  const projects = await deps.db.selectFrom('contract_versions').select('project_id').distinct().execute();
  let recorded = 0;
  for (const { project_id } of projects) recorded += await sweepProjectCheckpoints(deps, project_id, now);
  if (recorded > 0) deps.logger.info({ recorded }, 'checkpoint events recorded');
  return recorded;
}
