import type { Kysely } from 'kysely';
import type { Burnup, PublicStatus } from '../../../contracts/status.contract.js';
import { burnup, type BurnupVersion } from '../../../core/metrics/burnup.js';
import type { ImportedPlan } from '../../../core/plans/plan.model.js';
import { DEFAULT_ESTIMATE_MINUTES } from '../../../core/plans/versions/plan-scope.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { checkpointsOf } from '../checkpoints/checkpoints.usecases.js';
import type { ProjectRow } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { daysOf } from '../verdicts/verdicts.usecases.js';

/** Plan scope against work done, day by day, in the builder's zone. */
export async function projectBurnup(
  db: Kysely<Database>,
  project: ProjectRow,
  timeZone: string,
  now: Date,
): Promise<Burnup> {
  const [versions, done] = await Promise.all([
    db
      .selectFrom('plan_versions')
      .select(['number', 'created_at', 'plan_json', 'reason'])
      .where('project_id', '=', project.id)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('evidence')
      .select(['task_id', 'local_date'])
      .where('project_id', '=', project.id)
      .where('kind', '=', 'task_done')
      .where('task_id', 'is not', null)
      .execute(),
  ]);
  const input: BurnupVersion[] = versions.map((v) => ({
    number: v.number,
    date: localDateOf(Date.parse(v.created_at), timeZone),
    tasks: (JSON.parse(v.plan_json) as ImportedPlan).tasks,
    reason: v.reason,
  }));
  const result = burnup({
    versions: input,
    done: done.flatMap((d) => (d.task_id ? [{ taskId: d.task_id, date: d.local_date }] : [])),
    through: localDateOf(now.getTime(), timeZone),
    defaultEstimateMinutes: DEFAULT_ESTIMATE_MINUTES,
  });
  const last = result.points.at(-1);
  return {
    ...result,
    progress: {
      tasksDone: last?.doneTasks ?? 0,
      tasksTotal: last?.scopeTasks ?? 0,
      minutesDone: last?.doneMinutes ?? 0,
      minutesTotal: last?.scopeMinutes ?? 0,
    },
  };
}

async function builderOf(db: Kysely<Database>, project: ProjectRow) {
  return db
    .selectFrom('users')
    .select(['display_name', 'time_zone'])
    .where('id', '=', project.builder_id)
    .executeTakeFirstOrThrow();
}

export async function getBurnup(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, projectId: string) {
  const { project } = await requireProject(deps.db, projectId, actor);
  const builder = await builderOf(deps.db, project);
  return projectBurnup(deps.db, project, builder.time_zone, deps.clock.now());
}

/**
 * The public status page: only for a project whose builder published it, and only what answers
 * "what happened to your project?" — no tasks, proof, notes or people other than the builder.
 */
export async function getPublicStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<PublicStatus> {
  const project = await deps.db
    .selectFrom('projects')
    .selectAll()
    .where('public_token', '=', token)
    .executeTakeFirst();
  if (!project) throw new AppError('projects.not_found');
  const now = deps.clock.now();
  const builder = await builderOf(deps.db, project);
  const [days, checkpoints, progress] = await Promise.all([
    daysOf(deps, project),
    checkpointsOf(deps.db, project, now),
    projectBurnup(deps.db, project, builder.time_zone, now),
  ]);
  const since = addLocalDays(localDateOf(now.getTime(), builder.time_zone), -56);
  return {
    name: project.name,
    summary: project.summary,
    audience: project.audience,
    builderName: builder.display_name,
    timeZone: builder.time_zone,
    today: localDateOf(now.getTime(), builder.time_zone),
    progress: progress.progress,
    health: days.health.state,
    streak: days.streak,
    lastShowedUp: days.verdicts.filter((v) => v.verdict === 'showed_up').at(-1)?.date ?? null,
    days: days.verdicts.filter((v) => v.date > since).map((v) => ({ date: v.date, verdict: v.verdict })),
    checkpoints: checkpoints.map((c) => ({
      title: c.title,
      dueDate: c.dueDate,
      status: c.status,
      late: c.late,
    })),
  };
}
