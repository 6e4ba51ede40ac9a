/**
 * A pace from what the database recorded: judged days, finished tasks with their estimates and real
 * times, and the plan's scope changes, for any set of projects (a builder's, or a workspace's),
 * each read in its builder's time zone and pooled.
 */
import type { Kysely } from 'kysely';
import { median, mergePaces } from '../../../core/forecast/combine.js';
import {
  actualMinutes,
  type FinishedTask,
  type JudgedDay,
  type Pace,
  paceOf,
  type ScopeChange,
} from '../../../core/forecast/pace.js';
import { burnup } from '../../../core/metrics/burnup.js';
import type { ImportedPlan } from '../../../core/plans/plan.model.js';
import { DEFAULT_ESTIMATE_MINUTES } from '../../../core/plans/versions/plan-scope.js';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import type { Database } from '../../db/schema.js';

export interface PaceReport {
  pace: Pace;
  workedDays: number;
  skippedDays: number;
  finishedTasks: number;
  timedTasks: number;
  projects: number;
}

interface PaceProject {
  id: string;
  timeZone: string;
}

/** The pace's headline figures, for people. */
export function paceSummary(report: PaceReport) {
  const overrun = median(report.pace.velocities.map((velocity) => 1 / velocity));
  const daily = median(report.pace.throughputs);
  return {
    historyDays: report.pace.historyDays,
    workedDays: report.workedDays,
    skippedDays: report.skippedDays,
    finishedTasks: report.finishedTasks,
    timedTasks: report.timedTasks,
    medianDailyMinutes: daily === null ? null : Math.round(daily),
    medianOverrun: overrun === null ? null : Math.round(overrun * 100) / 100,
    skipRate: Math.round(report.pace.skipRate * 1000) / 1000,
    scopeGrowthPerDay: Math.round(report.pace.scopeGrowthPerDay * 10000) / 10000,
    projects: report.projects,
  };
}

function estimateOf(row: { estimate_min: number | null; estimate_max: number | null }): number | null {
  if (row.estimate_min === null) return null;
  return (row.estimate_min + (row.estimate_max ?? row.estimate_min)) / 2;
}

/** The pooled pace of these projects: every judged day, finished task and scope change they recorded. */
export async function loadPace(db: Kysely<Database>, projects: readonly PaceProject[]): Promise<PaceReport> {
  const ids = projects.map((project) => project.id);
  if (ids.length === 0)
    return {
      pace: mergePaces([]),
      workedDays: 0,
      skippedDays: 0,
      finishedTasks: 0,
      timedTasks: 0,
      projects: 0,
    };
  const [verdicts, evidence, tasks, versions] = await Promise.all([
    db
      .selectFrom('day_verdicts')
      .select(['project_id', 'date', 'verdict'])
      .where('project_id', 'in', ids)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('evidence')
      .select(['project_id', 'kind', 'task_id', 'at', 'local_date', 'minutes'])
      .where('project_id', 'in', ids)
      .where('task_id', 'is not', null)
      .where('kind', 'in', ['task_done', 'task_started', 'checkin'])
      .orderBy('at')
      .execute(),
    db
      .selectFrom('plan_tasks')
      .select(['project_id', 'task_id', 'estimate_min', 'estimate_max'])
      .where('project_id', 'in', ids)
      .execute(),
    db
      .selectFrom('plan_versions')
      .select(['project_id', 'number', 'created_at', 'plan_json', 'reason'])
      .where('project_id', 'in', ids)
      .orderBy('number')
      .execute(),
  ]);
  const paces: Pace[] = [];
  let finishedTasks = 0;
  let timedTasks = 0;
  for (const project of projects) {
    const days: JudgedDay[] = verdicts
      .filter((row) => row.project_id === project.id)
      .map((row) => ({ date: row.date, verdict: row.verdict }));
    const estimates = new Map(
      tasks.filter((row) => row.project_id === project.id).map((row) => [row.task_id, estimateOf(row)]),
    );
    const finished = finishedTasksOf(
      evidence.filter((row) => row.project_id === project.id),
      estimates,
    );
    finishedTasks += finished.length;
    timedTasks += finished.filter((task) => actualMinutes(task) !== null).length;
    const scope = scopeOf(
      versions.filter((row) => row.project_id === project.id),
      evidence.filter((row) => row.project_id === project.id && row.kind === 'task_done'),
      project.timeZone,
      days[0]?.date ?? null,
      days.at(-1)?.date ?? null,
    );
    paces.push(paceOf({ days, finished, ...scope }));
  }
  return {
    pace: mergePaces(paces),
    workedDays: verdicts.filter((row) => row.verdict === 'showed_up').length,
    skippedDays: verdicts.filter((row) => row.verdict === 'skipped').length,
    finishedTasks,
    timedTasks,
    projects: projects.length,
  };
}

type EvidenceRow = {
  kind: string;
  task_id: string | null;
  at: string;
  local_date: string;
  minutes: number | null;
};

/**
 * Each task's last "done", valued at its estimate (the default when it has none, and then no
 * velocity: an invented estimate says nothing about estimating), with the minutes checked in
 * against it and the last start before it.
 */
function finishedTasksOf(
  rows: readonly EvidenceRow[],
  estimates: Map<string, number | null>,
): FinishedTask[] {
  const done = new Map<string, EvidenceRow>();
  for (const row of rows) if (row.kind === 'task_done' && row.task_id) done.set(row.task_id, row);
  const finished: FinishedTask[] = [];
  for (const [taskId, row] of done) {
    const estimate = estimates.get(taskId) ?? null;
    const doneAtMs = Date.parse(row.at);
    let logged = 0;
    let startedAtMs: number | null = null;
    for (const other of rows) {
      if (other.task_id !== taskId || Date.parse(other.at) > doneAtMs) continue;
      if (other.kind === 'checkin') logged += other.minutes ?? 0;
      if (other.kind === 'task_started') startedAtMs = Date.parse(other.at);
    }
    finished.push({
      doneDate: row.local_date,
      estimateMinutes: estimate ?? DEFAULT_ESTIMATE_MINUTES,
      ...(estimate === null ? {} : { loggedMinutes: logged, startedAtMs, doneAtMs }),
    });
  }
  return finished;
}

/** Scope changes between plan versions (from the burn-up) with the open work before each, and the open work when judging began. */
function scopeOf(
  versions: readonly { number: number; created_at: string; plan_json: string; reason: string | null }[],
  done: readonly EvidenceRow[],
  timeZone: string,
  firstDay: string | null,
  lastDay: string | null,
): { scopeChanges: ScopeChange[]; openMinutesAtStart: number } {
  if (versions.length === 0 || firstDay === null || lastDay === null)
    return { scopeChanges: [], openMinutesAtStart: 0 };
  const result = burnup({
    versions: versions.map((v) => ({
      number: v.number,
      date: localDateOf(Date.parse(v.created_at), timeZone),
      tasks: (JSON.parse(v.plan_json) as ImportedPlan).tasks,
      reason: v.reason,
    })),
    done: done.flatMap((row) => (row.task_id ? [{ taskId: row.task_id, date: row.local_date }] : [])),
    through: lastDay,
    defaultEstimateMinutes: DEFAULT_ESTIMATE_MINUTES,
  });
  const start = result.points.find((point) => point.date >= firstDay) ?? result.points[0];
  return {
    scopeChanges: result.scopeChanges.map((change) => {
      // The open work the day before the change (the burn-up has a point per day).
      const before = result.points.findLast((point) => point.date < change.date);
      return {
        date: change.date,
        addedMinutes: change.deltaMinutes,
        ...(before ? { openMinutesBefore: Math.max(0, before.scopeMinutes - before.doneMinutes) } : {}),
      };
    }),
    openMinutesAtStart: start ? Math.max(0, start.scopeMinutes - start.doneMinutes) : 0,
  };
}
