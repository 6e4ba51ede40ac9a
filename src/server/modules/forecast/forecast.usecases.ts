/**
 * Forecasts of a project's open checkpoints from its builder's pace, over their committed hours.
 * Seeded by the project and the builder's date, so the same facts give the same numbers all day
 * (and the sweeper stores exactly what the API shows).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import type { CheckpointForecastDto, ProjectForecast } from '../../../contracts/forecast.contract.js';
import { checkpointWork, type WorkTask } from '../../../core/forecast/checkpoint-work.js';
import { calibrationOf } from '../../../core/forecast/combine.js';
import { type Forecast, forecastCheckpoints } from '../../../core/forecast/forecast.js';
import type { PlannedDay } from '../../../core/forecast/monte-carlo.js';
import { plannedCalendar } from '../../../core/forecast/planned-calendar.js';
import { seededRandom } from '../../../core/forecast/random.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import type { ImportedPlan } from '../../../core/plans/plan.model.js';
import { DEFAULT_ESTIMATE_MINUTES } from '../../../core/plans/versions/plan-scope.js';
import { localDaysBetween } from '../../../core/schedule/calendar.js';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import type { Database } from '../../db/schema.js';
import type { Actor, Deps } from '../../deps.js';
import { checkpointsOf } from '../checkpoints/checkpoints.usecases.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import type { ProjectRow } from '../projects/projects.repository.js';
import { requireProject } from '../projects/projects.usecases.js';
import { projectBurnup } from '../status/status.usecases.js';
import { forecastFactsKey } from './forecast.repository.js';
import { loadPace, paceSummary } from './pace.repository.js';

export const FORECAST_TRIALS = 10_000;

/** A 31-bit seed from text. */
function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) >>> 1;
}

/** The builder's pace across all their projects: how they work is not a property of one plan. */
export async function builderPace(db: Kysely<Database>, builderId: string) {
  const projects = await db
    .selectFrom('projects')
    .innerJoin('users', 'users.id', 'projects.builder_id')
    .select(['projects.id', 'users.time_zone'])
    .where('projects.builder_id', '=', builderId)
    .execute();
  return loadPace(
    db,
    projects.map((p) => ({ id: p.id, timeZone: p.time_zone })),
  );
}

/** The plan as the forecast needs it: structure from the current version, status from the live task list. */
async function openTasks(db: Kysely<Database>, project: ProjectRow): Promise<WorkTask[]> {
  if (project.current_version === null) return [];
  const [version, live] = await Promise.all([
    db
      .selectFrom('plan_versions')
      .select('plan_json')
      .where('project_id', '=', project.id)
      .where('number', '=', project.current_version)
      .executeTakeFirst(),
    db
      .selectFrom('plan_tasks')
      .select(['task_id', 'status'])
      .where('project_id', '=', project.id)
      .where('removed_in_version', 'is', null)
      .execute(),
  ]);
  if (!version) return [];
  const status = new Map(live.map((row) => [row.task_id, row.status]));
  return (JSON.parse(version.plan_json) as ImportedPlan).tasks.map((task) => ({
    id: task.id,
    parentId: task.parentId,
    status: status.get(task.id) ?? task.status,
    optional: task.optional,
    estimateMinutes: task.estimateMinutes,
    dependsOn: task.dependsOn,
  }));
}

function percentiles(forecast: Forecast) {
  return forecast.kind === 'forecast'
    ? {
        probability: forecast.summary.probability,
        p50: forecast.summary.p50,
        p85: forecast.summary.p85,
        p95: forecast.summary.p95,
      }
    : { probability: null, p50: null, p85: null, p95: null };
}

const closedNote = (checkpoint: CheckpointDto): string | null => {
  switch (checkpoint.status) {
    case 'approved':
      return 'Approved: nothing left to forecast.';
    case 'submitted':
      return 'Submitted: waiting for the witness.';
    case 'missed':
      return `Missed on ${checkpoint.dueDate}; it stays on the record. Its open work counts towards the checkpoints after it.`;
    default:
      return null;
  }
};

/**
 * The forecast of every checkpoint of the contract in force (none before a commitment). No access
 * check: callers have made it.
 */
export async function computeForecast(
  db: Kysely<Database>,
  project: ProjectRow,
  now: Date,
  trials = FORECAST_TRIALS,
): Promise<ProjectForecast> {
  const [builder, workspace] = await Promise.all([
    db.selectFrom('users').select('time_zone').where('id', '=', project.builder_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('workspaces')
      .select('at_risk_below')
      .where('id', '=', project.workspace_id)
      .executeTakeFirstOrThrow(),
  ]);
  const timeZone = builder.time_zone;
  const today = localDateOf(now.getTime(), timeZone);
  const seed = seedOf(`${project.id}|${today}`);
  const atRiskBelow = workspace.at_risk_below / 100;
  const [report, checkpoints, contracts, tasks, burn] = await Promise.all([
    builderPace(db, project.builder_id),
    checkpointsOf(db, project, now),
    loadContractVersions(db, project.id),
    openTasks(db, project),
    projectBurnup(db, project, timeZone, now),
  ]);
  const pace = report.pace;
  const contract = contractAt(contracts, now.getTime())?.contract ?? null;
  const base = {
    projectId: project.id,
    generatedAt: now.toISOString(),
    today,
    timeZone,
    atRiskBelow,
    trials,
    seed,
    pace: paceSummary(report),
    calibration: calibrationOf(pace),
  };
  const doneNow = burn.progress.minutesDone;
  if (!contract)
    return {
      ...base,
      note: 'No commitment yet: checkpoints get forecasts once the builder commits to their dates and hours.',
      checkpoints: [],
      cone: { from: { date: today, minutes: doneNow }, p50: [], p85: [], p95: [] },
    };
  const calendar = await calendarAhead(db, project, contract.minutesPerWeekday, checkpoints, today, timeZone);
  const open = checkpoints.filter((c) => c.status !== 'approved' && c.status !== 'submitted');
  const work = checkpointWork({
    tasks,
    checkpoints: [
      ...open.map((c) => ({ id: c.id, dueDate: c.dueDate, taskIds: c.taskIds })),
      // Everything still open, for the end of the burn-up's cone.
      { id: '', dueDate: open.at(-1)?.dueDate ?? today, taskIds: tasks.map((t) => t.id) },
    ],
    defaultEstimateMinutes: DEFAULT_ESTIMATE_MINUTES,
  });
  // All checkpoints in one simulation per method: each run is one possible future for all of them.
  const inputs = work.map(({ estimates, dueDate, unestimated }) => ({ estimates, dueDate, unestimated }));
  const mains = forecastCheckpoints(pace, {
    checkpoints: inputs,
    calendar,
    trials,
    random: seededRandom(seed),
  });
  // A large plan takes a while to simulate: let waiting requests in between.
  await new Promise((resolve) => setImmediate(resolve));
  const variants = forecastCheckpoints(pace, {
    checkpoints: inputs,
    calendar,
    trials,
    random: seededRandom(seed + 1),
    method: 'throughput',
  });
  const forecasts = checkpoints.map((checkpoint) => {
    const index = work.findIndex((w) => w.id === checkpoint.id);
    return checkpointForecast(
      checkpoint,
      index < 0 ? null : { work: work[index]!, main: mains[index]!, variant: variants[index]! },
      atRiskBelow,
    );
  });
  const everything = work.at(-1);
  const all = mains.at(-1) ?? null;
  const coneOf = (key: 'p50' | 'p85' | 'p95') => {
    const points = forecasts.flatMap((f) =>
      f.kind === 'forecast' && f[key] !== null ? [{ date: f[key], minutes: doneNow + f.openMinutes }] : [],
    );
    if (all?.kind === 'forecast' && all.summary[key] !== null && everything)
      points.push({
        date: all.summary[key],
        minutes: doneNow + everything.estimates.reduce((sum, m) => sum + m, 0),
      });
    return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.minutes - b.minutes));
  };
  const runs = `${trials.toLocaleString('en-US')} simulated runs, each one possible future for every checkpoint`;
  return {
    ...base,
    note:
      pace.historyDays === 0
        ? `No judged days yet, so no pace of your own: forecasts widen the plan's estimates by typical estimation error (${runs}).`
        : `Based on ${pace.historyDays} judged day${pace.historyDays === 1 ? '' : 's'} across ${report.projects} project${report.projects === 1 ? '' : 's'}, ${report.timedTasks} timed task${report.timedTasks === 1 ? '' : 's'}, ${Math.round(pace.skipRate * 100)}% of planned days skipped (${runs}; seeded by the date, so the same facts give the same numbers all day).`,
    checkpoints: forecasts,
    cone: {
      from: { date: today, minutes: doneNow },
      p50: coneOf('p50'),
      p85: coneOf('p85'),
      p95: coneOf('p95'),
    },
  };
}

function checkpointForecast(
  checkpoint: CheckpointDto,
  forecast: {
    work: { estimates: number[]; ownOpenTasks: number; unestimated: number };
    main: Forecast;
    variant: Forecast;
  } | null,
  atRiskBelow: number,
): CheckpointForecastDto {
  const work = forecast?.work;
  const openMinutes = work ? Math.round(work.estimates.reduce((sum, m) => sum + m, 0)) : 0;
  const common = {
    checkpointId: checkpoint.id,
    title: checkpoint.title,
    dueDate: checkpoint.dueDate,
    dueAt: checkpoint.dueAt,
    status: checkpoint.status,
    openTasks: work?.ownOpenTasks ?? 0,
    openMinutes,
  };
  const closed = closedNote(checkpoint);
  if (closed !== null || !forecast) {
    const kind = checkpoint.status === 'missed' ? 'closed' : 'done';
    const note = closed ?? 'Nothing is left to do before this date.';
    const none = { probability: null, p50: null, p85: null, p95: null };
    return {
      ...common,
      ...none,
      kind,
      method: null,
      coldStart: false,
      atRisk: false,
      note,
      throughput: { ...none, kind, note },
    };
  }
  const { main, variant } = forecast!;
  const numbers = percentiles(main);
  return {
    ...common,
    ...numbers,
    kind: main.kind,
    method: main.kind === 'forecast' ? main.basis.method : null,
    coldStart: main.kind === 'forecast' && main.basis.coldStart,
    // Only the builder's own pace can say a checkpoint is at risk; a cold start shows its chance, caveated.
    atRisk:
      main.kind === 'forecast' &&
      !main.basis.coldStart &&
      numbers.probability !== null &&
      numbers.probability < atRiskBelow,
    note: main.note,
    throughput: { ...percentiles(variant), kind: variant.kind, note: variant.note },
  };
}

/** From today: the committed hours, minus days off, pauses and what was already worked today. */
async function calendarAhead(
  db: Kysely<Database>,
  project: ProjectRow,
  minutesPerWeekday: Parameters<typeof plannedCalendar>[0]['minutesPerWeekday'],
  checkpoints: readonly CheckpointDto[],
  today: string,
  timeZone: string,
): Promise<PlannedDay[]> {
  const saved = (project.availability_json ? JSON.parse(project.availability_json) : {}) as {
    daysOff?: string[];
  };
  const [pauses, worked] = await Promise.all([
    db
      .selectFrom('pauses')
      .select(['from_date', 'to_date'])
      .where('project_id', '=', project.id)
      .where('to_date', '>=', today)
      .execute(),
    db
      .selectFrom('evidence')
      .select(db.fn.sum<number>('minutes').as('minutes'))
      .where('project_id', '=', project.id)
      .where('kind', '=', 'checkin')
      .where('local_date', '=', today)
      .executeTakeFirst(),
  ]);
  const lastDue = checkpoints.reduce((last, c) => (c.dueDate > last ? c.dueDate : last), today);
  // A year past the last due date: P95 of a plan running late still has a date.
  const days = Math.min(1830, Math.max(366, localDaysBetween(today, lastDue) + 366));
  return plannedCalendar({
    from: today,
    days,
    timeZone,
    minutesPerWeekday,
    daysOff: saved.daysOff ?? [],
    pauses: pauses.map((p) => ({ from: p.from_date, to: p.to_date })),
    usedToday: Number(worked?.minutes ?? 0),
  });
}

/**
 * Forecasts by project and facts key: a simulation is only run again when something it reads
 * changed (or the date did). Any instance may hold a stale entry; its key simply stops matching.
 */
const cache = new Map<string, ProjectForecast>();
const CACHE_ENTRIES = 500;

/** The project's forecast for these facts, simulated only if no forecast of them is cached. */
export async function forecastOf(
  db: Kysely<Database>,
  project: ProjectRow,
  now: Date,
  factsKey?: string,
): Promise<ProjectForecast> {
  const key = `${project.id}|${factsKey ?? (await forecastFactsKey(db, project, now))}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const forecast = await computeForecast(db, project, now);
  cache.delete(key);
  cache.set(key, forecast);
  // Map keeps insertion order: the first key is the oldest.
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return forecast;
}

export async function getForecast(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectForecast> {
  const { project } = await requireProject(deps.db, projectId, actor);
  return forecastOf(deps.db, project, deps.clock.now());
}
