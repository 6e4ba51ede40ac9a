import type { z } from 'zod';
import type {
  SavedAvailability,
  ScheduleRequest,
  ScheduleResponse,
} from '../../../contracts/schedule.contract.js';
import { canChangePlan } from '../../../core/access/project-policy.js';
import { addLocalDays } from '../../../core/schedule/calendar.js';
import { compileSchedule } from '../../../core/schedule/compile-schedule.js';
import { localDateOf } from '../../../core/verdicts/local-day.js';
import { type Availability, ScheduleInputError } from '../../../core/schedule/schedule.model.js';
import type { Actor, Deps } from '../../deps.js';
import { enforce } from '../../shared/access.js';
import { AppError } from '../../shared/errors.js';
import { findUserById } from '../accounts/users.repository.js';
import { getPlanVersion } from '../plans/plans.usecases.js';
import { requireProject } from '../projects/projects.usecases.js';
import { loadContractVersions } from '../contracts/contracts.repository.js';
import { contractAt } from '../../../core/contracts/contract-timeline.js';
import { calibrationOf } from '../../../core/forecast/combine.js';
import { builderPace } from '../forecast/forecast.usecases.js';

type Request = z.output<typeof ScheduleRequest>;
type StoredAvailability = Pick<
  Request,
  | 'minutesPerWeekday'
  | 'daysOff'
  | 'launchDate'
  | 'sprintLengthDays'
  | 'checkpointDates'
  | 'calibrationFactor'
>;

/** Today's date where the builder lives. */
export function localDate(instant: Date, timeZone: string): string {
  return localDateOf(instant.getTime(), timeZone);
}

/**
 * The hours and dates the builder saved with the schedule, as saved (the intake reads them back),
 * or null before any were; whoever may see the project may see them.
 */
export async function savedAvailability(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  projectId: string,
): Promise<SavedAvailability | null> {
  const { project } = await requireProject(deps.db, projectId, actor);
  const saved = project.availability_json
    ? (JSON.parse(project.availability_json) as StoredAvailability)
    : {};
  if (!saved.minutesPerWeekday) return null;
  return {
    minutesPerWeekday: saved.minutesPerWeekday,
    daysOff: saved.daysOff ?? [],
    launchDate: saved.launchDate ?? null,
    checkpointDates: saved.checkpointDates ?? {},
    sprintLengthDays: saved.sprintLengthDays ?? null,
    calibrationFactor: saved.calibrationFactor ?? null,
  };
}

/**
 * Compile the current plan into the builder's days. Settings come from the request, then from the
 * project's saved availability; the time zone is always the builder's own.
 */
export async function scheduleProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
  request: Request,
): Promise<ScheduleResponse> {
  const { project, roles } = await requireProject(deps.db, projectId, actor);
  const plan = await getPlanVersion(deps, actor, projectId, 'current');
  const builder = await findUserById(deps.db, project.builder_id);
  if (!builder) throw new AppError('projects.not_found');
  const saved = project.availability_json
    ? (JSON.parse(project.availability_json) as StoredAvailability)
    : {};
  // The commitment in force outranks the saved hours: its hours and checkpoint dates are what days are judged by.
  const committed = contractAt(await loadContractVersions(deps.db, projectId), deps.clock.now().getTime());
  const fromContract: StoredAvailability = committed
    ? {
        minutesPerWeekday: committed.contract.minutesPerWeekday,
        checkpointDates: Object.fromEntries(committed.contract.checkpoints.map((c) => [c.id, c.dueDate])),
      }
    : {};
  const settings = { ...saved, ...fromContract, ...stripUndefined(request) };
  if (!settings.minutesPerWeekday) throw new AppError('schedule.no_hours');
  const availability: Availability = {
    timeZone: builder.time_zone,
    minutesPerWeekday: settings.minutesPerWeekday,
    daysOff: settings.daysOff ?? [],
    startDate: request.startDate ?? localDate(deps.clock.now(), builder.time_zone),
  };
  const titles = new Map(plan.checkpoints.map((c) => [c.id, c.title]));
  // The builder's own calibration, unless they set one: tomorrow's schedule fits what they really do.
  const learned = settings.calibrationFactor
    ? null
    : calibrationOf((await builderPace(deps.db, project.builder_id)).pace);
  const calibration = settings.calibrationFactor
    ? { factor: settings.calibrationFactor, source: 'saved' as const, tasks: 0, historyDays: 0 }
    : learned
      ? { ...learned, source: 'history' as const }
      : { factor: 1, source: 'none' as const, tasks: 0, historyDays: 0 };
  let schedule;
  try {
    schedule = compileSchedule({
      tasks: plan.tasks.map((task) => ({ ...task, sourceId: null })),
      checkpoints: plan.checkpoints.map((c) => ({
        id: c.id,
        taskIds: c.taskIds,
        dueDate: settings.checkpointDates?.[c.id] ?? null,
      })),
      availability,
      timeline: {
        launchDate: settings.launchDate ?? null,
        sprintLengthDays: settings.sprintLengthDays ?? null,
      },
      calibrationFactor: calibration.factor,
      ...(request.defaultEstimateMinutes ? { defaultEstimateMinutes: request.defaultEstimateMinutes } : {}),
      ...(request.maxChunkMinutes ? { maxChunkMinutes: request.maxChunkMinutes } : {}),
      ...(request.includeOptional !== undefined ? { includeOptional: request.includeOptional } : {}),
    });
  } catch (error) {
    if (error instanceof ScheduleInputError)
      throw new AppError('schedule.invalid', {
        message: `${error.field}: ${error.message}`,
        details: { field: error.field },
        cause: error,
      });
    throw error;
  }
  if (request.save) {
    enforce(
      canChangePlan({ actorId: actor.userId, actor: roles, builderId: project.builder_id }),
      'projects.not_found',
    );
    const { minutesPerWeekday, daysOff, launchDate, sprintLengthDays, checkpointDates, calibrationFactor } =
      settings;
    const stored: StoredAvailability = stripUndefined({
      minutesPerWeekday,
      daysOff,
      launchDate,
      sprintLengthDays,
      checkpointDates,
      calibrationFactor,
    });
    // Days are judged from the day after hours were first saved: a commitment starts tomorrow.
    const verdictsFrom =
      project.verdicts_from ?? addLocalDays(localDate(deps.clock.now(), builder.time_zone), 1);
    await deps.db
      .updateTable('projects')
      .set({
        availability_json: JSON.stringify(stored),
        verdicts_from: verdictsFrom,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', projectId)
      .execute();
  }
  return {
    ...schedule,
    timeZone: availability.timeZone,
    startDate: availability.startDate,
    planVersion: plan.number,
    calibration,
    checkpoints: schedule.checkpoints.map((c) => ({ ...c, title: titles.get(c.id) ?? c.id })),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
