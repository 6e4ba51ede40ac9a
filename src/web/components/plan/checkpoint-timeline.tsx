import { Fragment } from 'react';
import type { CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import type { ProjectForecast } from '../../../contracts/forecast.contract.js';
import type { PlanVersion } from '../../../contracts/plans.contract.js';
import type { ScheduleResponse } from '../../../contracts/schedule.contract.js';
import { daysBetween, formatDate, plural } from '../charts/local-dates.js';
import { ChanceText } from '../forecast/checkpoint-chance.js';
import { CheckpointStatusBadge, type CheckpointStatus } from './checkpoint-status.js';
import { listText, type TaskIndex } from './plan-model.js';

type Forecast = ScheduleResponse['checkpoints'][number];

export interface TimelineCheckpoint {
  id: string;
  title: string;
  dueDate: string | null;
  /** The commitment's state of it; null while nothing is committed. */
  status: CheckpointStatus | null;
  late: boolean;
  taskIds: string[];
  criteria: string[];
  forecast: Forecast | null;
}

/** The plan's checkpoints with their committed state and the schedule's forecast, by due date. */
export function mergeCheckpoints(
  plan: PlanVersion | undefined,
  schedule: ScheduleResponse | undefined,
  committed: readonly CheckpointDto[] | undefined,
): TimelineCheckpoint[] {
  const forecasts = new Map((schedule?.checkpoints ?? []).map((c) => [c.id, c]));
  const states = new Map((committed ?? []).map((c) => [c.id, c]));
  const ids = [
    ...new Set([...(plan?.checkpoints ?? []).map((c) => c.id), ...(committed ?? []).map((c) => c.id)]),
  ];
  const merged = ids.map((id): TimelineCheckpoint => {
    const planned = plan?.checkpoints.find((c) => c.id === id);
    const state = states.get(id);
    const forecast = forecasts.get(id) ?? null;
    return {
      id,
      title: state?.title ?? planned?.title ?? forecast?.title ?? id,
      dueDate: state?.dueDate ?? forecast?.dueDate ?? null,
      status: state?.status ?? null,
      late: state?.late ?? false,
      taskIds: state?.taskIds ?? planned?.taskIds ?? [],
      criteria: state?.criteria ?? (planned?.criteria ? [planned.criteria] : []),
      forecast,
    };
  });
  return merged.sort((a, b) => {
    if (a.dueDate === b.dueDate) return 0;
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate.localeCompare(b.dueDate);
  });
}

/** Whether the checkpoint's date holds: null once it is settled (approved or missed) or undated. */
export function holds(checkpoint: TimelineCheckpoint): boolean | null {
  if (checkpoint.status === 'approved' || checkpoint.status === 'missed') return null;
  return checkpoint.forecast?.feasible ?? null;
}

function relative(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`;
}

function hours(value: number | null): string {
  return value === null ? '?' : `${Math.round(value * 10) / 10} h`;
}

function ForecastText({ checkpoint, index }: { checkpoint: TimelineCheckpoint; index: TaskIndex }) {
  const { forecast, status } = checkpoint;
  if (status === 'approved') return null;
  if (status === 'missed') {
    return (
      <p className="forecast forecast-risk">
        <span aria-hidden="true">✕ </span>The due date passed without proof. A late submission is still
        accepted, and marked late.
      </p>
    );
  }
  if (!forecast || forecast.feasible === null) {
    return <p className="forecast">No forecast: the checkpoint has no due date.</p>;
  }
  const needed = hours(forecast.hoursNeeded);
  const available = hours(forecast.hoursAvailable);
  if (forecast.feasible) {
    return (
      <p className="forecast forecast-holds">
        <span aria-hidden="true">✓ </span>
        <strong>Holds.</strong>{' '}
        {forecast.hoursNeeded === 0
          ? 'All of its work is done.'
          : `${needed} of work left, ${available} available by then${
              forecast.projectedFinishDate ? `; finishes ${formatDate(forecast.projectedFinishDate)}` : ''
            }.`}
      </p>
    );
  }
  return (
    <div className="forecast forecast-risk">
      <p>
        <span aria-hidden="true">✕ </span>
        <strong>Does not hold.</strong> {needed} of work left, {available} available by{' '}
        {forecast.dueDate ? formatDate(forecast.dueDate) : 'then'}.
        {forecast.earliestFeasibleDate &&
          ` The earliest date that holds is ${formatDate(forecast.earliestFeasibleDate, { year: true })}.`}
      </p>
      {forecast.cutLine.length > 0 && (
        <p className="cut-line">
          <span aria-hidden="true">✂ </span>
          <strong>Cut line:</strong> defer {listText(forecast.cutLine.map((id) => index.title(id)))} to keep
          the date.
        </p>
      )}
    </div>
  );
}

/**
 * Checkpoints in date order on a vertical timeline, with today marked among them; with a forecast,
 * each shows its chance of holding from the builder's pace.
 */
export function CheckpointTimeline({
  checkpoints,
  today,
  index,
  forecast,
}: {
  checkpoints: readonly TimelineCheckpoint[];
  today: string | null;
  index: TaskIndex;
  forecast?: ProjectForecast | undefined;
}) {
  const chances = new Map((forecast?.checkpoints ?? []).map((c) => [c.checkpointId, c]));
  if (checkpoints.length === 0) {
    return <p className="empty">The plan has no checkpoints yet.</p>;
  }
  const todayAt = today ? checkpoints.findIndex((c) => c.dueDate === null || c.dueDate >= today) : -1;
  const todayMarker = today && (
    <li className="timeline-today">
      <span>Today, {formatDate(today)}</span>
    </li>
  );
  return (
    <ol className="timeline" aria-label="Checkpoints by due date">
      {checkpoints.map((checkpoint, i) => {
        const tasks = checkpoint.taskIds.map((id) => index.byId.get(id)).filter((t) => t !== undefined);
        const done = tasks.filter((t) => t.status === 'done').length;
        const state = holds(checkpoint);
        const tone =
          checkpoint.status === 'approved'
            ? 'done'
            : checkpoint.status === 'missed' || state === false
              ? 'risk'
              : state
                ? 'holds'
                : 'open';
        return (
          <Fragment key={checkpoint.id}>
            {i === todayAt && todayMarker}
            <li className={`timeline-item timeline-${tone}`}>
              <p className="timeline-date">
                {checkpoint.dueDate ? (
                  <>
                    Due {formatDate(checkpoint.dueDate)}
                    {today && <span className="muted"> · {relative(checkpoint.dueDate, today)}</span>}
                  </>
                ) : (
                  'No due date'
                )}
              </p>
              <h3 className="timeline-title">{checkpoint.title}</h3>
              {checkpoint.status && (
                <CheckpointStatusBadge status={checkpoint.status} late={checkpoint.late} />
              )}
              <ForecastText checkpoint={checkpoint} index={index} />
              {forecast && chances.has(checkpoint.id) && (
                <ChanceText
                  forecast={chances.get(checkpoint.id)!}
                  today={forecast.today}
                  atRiskBelow={forecast.atRiskBelow}
                />
              )}
              {tasks.length > 0 && (
                <p className="muted">
                  {done} of {plural(tasks.length, 'task')} done
                </p>
              )}
              {checkpoint.criteria.length > 0 && (
                <ul className="timeline-criteria" aria-label="Acceptance criteria">
                  {checkpoint.criteria.map((criterion) => (
                    <li key={criterion}>{criterion}</li>
                  ))}
                </ul>
              )}
            </li>
          </Fragment>
        );
      })}
      {todayAt === -1 && todayMarker}
    </ol>
  );
}
