import type { z } from 'zod';
import type { CheckInBody, Evidence, Today } from '../../../contracts/today.contract.js';
import type { PlanVersion } from '../../../contracts/plans.contract.js';
import type { Actor, Deps } from '../../deps.js';
import { recordAudit } from '../../shared/audit.repository.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { findUserById } from '../accounts/users.repository.js';
import { getPlanVersion } from '../plans/plans.usecases.js';
import { requireProject } from '../projects/projects.usecases.js';
import { localDate, scheduleProject } from '../schedule/schedule.usecases.js';
import * as repo from './evidence.repository.js';

type TodayDeps = Pick<Deps, 'db' | 'clock'>;

function presentEvidence(row: repo.EvidenceRow): Evidence {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    at: row.at,
    localDate: row.local_date,
    taskId: row.task_id,
    minutes: row.minutes,
    text: row.text,
  };
}

/** The first open leaf task whose dependencies are done, in plan order: the next step when there is no schedule. */
function firstUnblocked(plan: PlanVersion) {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const parents = new Set(plan.tasks.map((task) => task.parentId));
  const open = (id: string) => {
    const status = byId.get(id)?.status;
    return status === 'todo' || status === 'in_progress';
  };
  return plan.tasks.find(
    (task) =>
      !parents.has(task.id) && !task.optional && open(task.id) && task.dependsOn.every((dep) => !open(dep)),
  );
}

/**
 * Today where the builder lives: the schedule recompiled from today over the open work (so what
 * was not finished yesterday has already moved here), the next step, and what was logged today.
 */
export async function getToday(deps: TodayDeps, actor: Actor, projectId: string): Promise<Today> {
  const { project } = await requireProject(deps.db, projectId, actor);
  const builder = await findUserById(deps.db, project.builder_id);
  if (!builder) throw new AppError('projects.not_found');
  const date = localDate(deps.clock.now(), builder.time_zone);
  const plan = await getPlanVersion(deps, actor, projectId, 'current');
  const titles = new Map(plan.tasks.map((task) => [task.id, task]));
  const evidence = (await repo.evidenceOfDay(deps.db, projectId, date)).map(presentEvidence);
  const loggedMinutes = evidence.reduce(
    (sum, item) => sum + (item.kind === 'checkin' ? (item.minutes ?? 0) : 0),
    0,
  );
  const toTask = (item: { taskId: string; minutes: number; chunk: number; chunks: number }) => {
    const task = titles.get(item.taskId);
    return {
      ...item,
      title: task?.title ?? item.taskId,
      status: task?.status ?? 'todo',
      estimateMinutes: task?.estimateMinutes ?? null,
    };
  };
  let schedule;
  try {
    schedule = await scheduleProject(deps, actor, projectId, { startDate: date, save: false });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'schedule.no_hours')) throw error;
    const next = firstUnblocked(plan);
    const nextStep = next
      ? {
          taskId: next.id,
          title: next.title,
          status: next.status,
          minutes: 0,
          estimateMinutes: next.estimateMinutes,
          chunk: 1,
          chunks: 1,
        }
      : null;
    return {
      date,
      timeZone: builder.time_zone,
      nextStep,
      planned: [],
      nextWorkDate: null,
      capacityMinutes: 0,
      loggedMinutes,
      minutesLeft: 0,
      evidence,
      needsHours: true,
    };
  }
  const today = schedule.days.find((day) => day.date === date);
  const planned = (today?.items ?? []).map(toTask);
  const firstWorkDay = schedule.days.find((day) => day.items.length > 0);
  const upcoming = firstWorkDay?.items[0];
  const capacityMinutes = today?.capacityMinutes ?? 0;
  return {
    date,
    timeZone: builder.time_zone,
    nextStep: planned[0] ?? (upcoming ? toTask(upcoming) : null),
    planned,
    nextWorkDate: firstWorkDay?.date ?? null,
    capacityMinutes,
    loggedMinutes,
    minutesLeft: Math.max(0, capacityMinutes - loggedMinutes),
    evidence,
    needsHours: false,
  };
}

async function requireBuilder(deps: TodayDeps, actor: Actor, projectId: string) {
  const { project } = await requireProject(deps.db, projectId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('tasks.not_builder');
  const builder = await findUserById(deps.db, project.builder_id);
  if (!builder) throw new AppError('projects.not_found');
  return { project, timeZone: builder.time_zone };
}

interface Recorded {
  kind: 'checkin' | 'task_started' | 'task_done' | 'task_deferred';
  taskId?: string | undefined;
  minutes?: number | undefined;
  text?: string | undefined;
  status?: 'in_progress' | 'done';
}

/** Record one piece of the builder's own work, and the task status it implies, in one transaction. */
async function record(deps: TodayDeps, actor: Actor, projectId: string, what: Recorded): Promise<Evidence> {
  return deps.db.transaction().execute(async (trx) => {
    const { project, timeZone } = await requireBuilder({ ...deps, db: trx }, actor, projectId);
    const now = deps.clock.now();
    if (what.taskId !== undefined) {
      const task = await repo.findLiveTask(trx, projectId, what.taskId);
      if (!task)
        throw new AppError('tasks.not_found', {
          message: `There is no task "${what.taskId}" in the current plan. See the ids with \`recital plan show\`.`,
        });
      if (what.kind !== 'checkin' && task.status === 'done') throw new AppError('tasks.already_done');
      if (what.status) await repo.setTaskStatus(trx, projectId, what.taskId, what.status, now.toISOString());
    }
    const row = {
      id: newId(),
      project_id: projectId,
      user_id: actor.userId,
      kind: what.kind,
      source: 'recital',
      at: now.toISOString(),
      local_date: localDate(now, timeZone),
      task_id: what.taskId ?? null,
      minutes: what.minutes ?? null,
      text: what.text ?? null,
      ref: null,
      dedup_key: null,
      created_at: now.toISOString(),
    };
    await repo.insertEvidence(trx, row);
    await recordAudit(trx, {
      workspaceId: project.workspace_id,
      actorId: actor.userId,
      action: `evidence.${what.kind}`,
      subjectId: projectId,
      data: { taskId: what.taskId ?? null },
      at: now,
    });
    return presentEvidence(row);
  });
}

export function checkIn(
  deps: TodayDeps,
  actor: Actor,
  projectId: string,
  body: z.output<typeof CheckInBody>,
): Promise<Evidence> {
  return record(deps, actor, projectId, {
    kind: 'checkin',
    taskId: body.taskId,
    minutes: body.minutes,
    text: body.text,
  });
}

export function startTask(
  deps: TodayDeps,
  actor: Actor,
  projectId: string,
  taskId: string,
): Promise<Evidence> {
  return record(deps, actor, projectId, { kind: 'task_started', taskId, status: 'in_progress' });
}

export function finishTask(
  deps: TodayDeps,
  actor: Actor,
  projectId: string,
  taskId: string,
): Promise<Evidence> {
  return record(deps, actor, projectId, { kind: 'task_done', taskId, status: 'done' });
}

/** Not finished today: the reason is kept; the task stays open, so the schedule carries it forward. */
export function deferTask(
  deps: TodayDeps,
  actor: Actor,
  projectId: string,
  taskId: string,
  reason: string,
): Promise<Evidence> {
  return record(deps, actor, projectId, { kind: 'task_deferred', taskId, text: reason });
}
