import type { Kysely } from 'kysely';
import { contractAt, type ContractVersion } from '../../../core/contracts/contract-timeline.js';
import {
  CONSEQUENCE_ACTIONS,
  consequencesFor,
  DEFAULT_LADDER,
  type Consequence,
  type ConsequenceAction,
  type ConsequenceLadder,
} from '../../../core/verdicts/consequences.js';
import type { DayVerdict } from '../../../core/verdicts/verdict.model.js';
import type { Database } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { appendLedger } from '../ledger/ledger.repository.js';
import { notify } from '../notifications/notify.js';
import { organizersOf } from '../workspaces/workspaces.repository.js';

/** The ladder of the contract in force at `atMs`; the default ladder before a contract. */
export function ladderAt(contracts: readonly ContractVersion[], atMs: number): ConsequenceLadder {
  const contract = contractAt(contracts, atMs)?.contract;
  if (!contract) return DEFAULT_LADDER;
  return contract.ladder.filter(
    (step): step is { afterConsecutiveSkips: number; action: ConsequenceAction } =>
      (CONSEQUENCE_ACTIONS as readonly string[]).includes(step.action),
  );
}

interface ProjectFacts {
  id: string;
  name: string;
  workspace_id: string;
  builder_id: string;
  builder_name: string;
}

function message(c: Consequence, project: ProjectFacts): { title: string; body: string } {
  const run = c.consecutiveSkips === 1 ? 'a planned day' : `${c.consecutiveSkips} planned days in a row`;
  switch (c.action) {
    case 'nudge_builder':
      return {
        title: `${project.name}: ${c.date} was skipped`,
        body: `Nothing was recorded for ${c.date}. Check in today — or, if there was a reason, spend a grace token within 12 hours of the day's end.`,
      };
    case 'notify_witness':
      return {
        title: `${project.builder_name} has skipped ${run} on ${project.name}`,
        body: `The last one was ${c.date}. A word from you may help.`,
      };
    case 'mark_stalled':
      return {
        title: `${project.name} is stalled`,
        body: `${project.builder_name} has skipped ${run} (through ${c.date}). The project shows as stalled until they show up again.`,
      };
    case 'require_replan':
      return {
        title: `${project.name}: a re-plan is required`,
        body: `After ${run} skipped, the plan no longer fits. Import a new version of the plan with a reason (\`recital plan import FILE --reason "…"\`).`,
      };
  }
}

/**
 * Apply what a new verdict sets off on the ladder, inside the sweep's transaction. Each consequence
 * is recorded once under its key, so a re-run sweep or a crash and restart never repeats one.
 */
export async function applyDayConsequences(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'dialect'>,
  project: ProjectFacts & { contracts: readonly ContractVersion[] },
  history: readonly Pick<DayVerdict, 'date' | 'verdict'>[],
  verdict: DayVerdict,
): Promise<void> {
  // Consequences are part of the commitment: before the builder commits, days are judged but nothing follows.
  const contract = contractAt(project.contracts, Date.parse(verdict.closedAt))?.contract;
  if (!contract) return;
  const ladder = ladderAt(project.contracts, Date.parse(verdict.closedAt));
  const witnesses = contract.witnesses;
  for (const consequence of consequencesFor(history, verdict, ladder)) {
    const inserted = await trx
      .insertInto('consequences')
      .values({
        project_id: project.id,
        key: consequence.key,
        action: consequence.action,
        cause: consequence.date,
        at: verdict.closedAt,
        created_at: verdict.closedAt,
      })
      .onConflict((oc) => oc.columns(['project_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    await appendLedger(trx, deps.dialect, {
      projectId: project.id,
      at: verdict.closedAt,
      kind: 'consequence.applied',
      actorId: null,
      payload: {
        action: consequence.action,
        date: consequence.date,
        consecutiveSkips: consequence.consecutiveSkips,
      },
    });
    const recipients =
      consequence.action === 'nudge_builder' || consequence.action === 'require_replan'
        ? [project.builder_id]
        : consequence.action === 'notify_witness'
          ? witnesses
          : [...witnesses, ...(await organizersOf(trx, project.workspace_id))].filter(
              (id) => id !== project.builder_id,
            );
    await notify(trx, {
      userIds: recipients,
      projectId: project.id,
      kind: `day.${consequence.action}`,
      dedupKey: `consequence:${project.id}:${consequence.key}`,
      ...message(consequence, project),
      url: `/projects/${project.id}/today`,
      at: verdict.closedAt,
    });
  }
}
