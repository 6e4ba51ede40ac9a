import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import type { Database } from '../../db/schema.js';
import type { ReviewQueueItemSchema } from '../../../contracts/checkpoints.contract.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { Role } from '../../../core/access/roles.js';
import type { Actor, Deps } from '../../deps.js';
import { checkpointTitles } from '../contracts/contracts.usecases.js';
import { loadContractVersionsOf } from '../contracts/contracts.repository.js';
import { loadCheckpointEvents, loadProofChecks } from './checkpoints.repository.js';
import { presentCheckpoint } from './checkpoints.presenters.js';
import { reviewerRoles } from './checkpoints.usecases.js';
import { othersProjectsVisibleTo } from '../projects/projects.repository.js';

type QueueItem = z.infer<typeof ReviewQueueItemSchema>;

/** The witness's evidence summary: days judged and work recorded from `since` (a local date) on. */
async function evidenceSince(db: Kysely<Database>, projectId: string, since: string) {
  const [days, work, ai] = await Promise.all([
    db
      .selectFrom('day_verdicts')
      .select(['verdict', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('project_id', '=', projectId)
      .where('date', '>=', since)
      .groupBy('verdict')
      .execute(),
    db
      .selectFrom('evidence')
      .select([
        'kind',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.sum<string | number | null>('minutes').as('minutes'),
      ])
      .where('project_id', '=', projectId)
      .where('local_date', '>=', since)
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('evidence')
      .innerJoin('commits', (join) =>
        join
          .onRef('commits.project_id', '=', 'evidence.project_id')
          .onRef('commits.sha', '=', 'evidence.ref'),
      )
      .select((eb) => eb.fn.count<string | number>('commits.sha').distinct().as('n'))
      .where('evidence.project_id', '=', projectId)
      .where('evidence.kind', '=', 'commit')
      .where('evidence.local_date', '>=', since)
      .where('commits.attribution', '!=', 'human')
      .executeTakeFirst(),
  ]);
  const day = (verdict: string) => Number(days.find((d) => d.verdict === verdict)?.n ?? 0);
  const kind = (name: string) => Number(work.find((w) => w.kind === name)?.n ?? 0);
  return {
    since,
    daysShowedUp: day('showed_up'),
    daysSkipped: day('skipped'),
    checkins: kind('checkin'),
    tasksDone: kind('task_done'),
    minutes: work.reduce((sum, w) => sum + Number(w.minutes ?? 0), 0),
    commits: kind('commit'),
    aiCommits: Number(ai?.n ?? 0),
  };
}

/** Every submission waiting for this person's review, across their workspaces, oldest first. */
export async function listReviewQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<{ items: QueueItem[] }> {
  const now = deps.clock.now();
  const projects = await othersProjectsVisibleTo(deps.db, actor.userId);
  const roleRows = await deps.db
    .selectFrom('membership_roles')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', actor.userId)
    .execute();
  const contracts = await loadContractVersionsOf(
    deps.db,
    projects.map((p) => p.id),
  );
  const items: QueueItem[] = [];
  for (const project of projects) {
    const inForce = contractAt(contracts.get(project.id) ?? [], now.getTime());
    if (!inForce) continue;
    const roles = roleRows.filter((r) => r.workspace_id === project.workspace_id).map((r) => r.role as Role);
    if (reviewerRoles({ roles, contract: inForce.contract }, actor.userId).length === 0) continue;
    const [events, checks, titles] = await Promise.all([
      loadCheckpointEvents(deps.db, project.id),
      loadProofChecks(deps.db, project.id),
      checkpointTitles(deps.db, project),
    ]);
    for (const checkpoint of inForce.contract.checkpoints) {
      const dto = presentCheckpoint({
        projectId: project.id,
        checkpoint,
        title: titles[checkpoint.id],
        timeZone: project.time_zone,
        events: events.get(checkpoint.id) ?? [],
        checks,
        now: now.toISOString(),
      });
      if (dto.status !== 'submitted' || !dto.current) continue;
      const previous = inForce.contract.checkpoints
        .map((c) => c.dueDate)
        .filter((date) => date < checkpoint.dueDate)
        .sort()
        .at(-1);
      // Since the previous checkpoint's day, or for the first one since the day the builder committed
      // (days are judged from the day after it, but work done after committing that day counts).
      const since = previous
        ? addLocalDays(previous, 1)
        : project.verdicts_from
          ? addLocalDays(project.verdicts_from, -1)
          : project.created_at.slice(0, 10);
      items.push({
        projectId: project.id,
        projectName: project.name,
        workspaceId: project.workspace_id,
        builderId: project.builder_id,
        builderName: project.builder_name,
        checkpoint: dto,
        waitingSince: dto.current.at,
        evidence: await evidenceSince(deps.db, project.id, since),
      });
    }
  }
  items.sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : 1));
  return { items };
}
