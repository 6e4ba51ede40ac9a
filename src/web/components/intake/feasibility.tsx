import type { PlanVersion } from '../../../contracts/plans.contract.js';
import type { ScheduleResponse } from '../../../contracts/schedule.contract.js';
import {
  addDays,
  daysBetween,
  formatDate,
  formatHours,
  plural,
  weekdayOf,
  type MinutesPerWeekday,
} from './time.js';

/** Minutes of work the hours give from `start` through `end`, both included. */
export function availableMinutes(minutes: MinutesPerWeekday, start: string, end: string): number {
  const days = daysBetween(start, end);
  if (days < 0) return 0;
  let total = 0;
  for (let i = 0; i <= days; i++) total += minutes[weekdayOf(addDays(start, i))];
  return total;
}

export interface Feasibility {
  neededHours: number;
  availableHours: number;
  holds: boolean;
  /** The day the last of the work is done at these hours (null: it does not fit in a year). */
  finishDate: string | null;
}

export function feasibilityOf(
  schedule: ScheduleResponse,
  minutes: MinutesPerWeekday,
  launchDate: string,
): Feasibility {
  const scheduled = schedule.days.reduce(
    (sum, day) => sum + day.items.reduce((inner, item) => inner + item.minutes, 0),
    0,
  );
  const neededHours = scheduled / 60;
  const availableHours = availableMinutes(minutes, schedule.startDate, launchDate) / 60;
  const fits = schedule.unscheduled.length === 0;
  const finishDate = fits ? (schedule.finishDate ?? schedule.startDate) : null;
  const checkpointsHold = schedule.checkpoints.every((checkpoint) => checkpoint.feasible !== false);
  return {
    neededHours,
    availableHours,
    holds: fits && finishDate !== null && finishDate <= launchDate && checkpointsHold,
    finishDate,
  };
}

interface FeasibilityViewProps {
  schedule: ScheduleResponse;
  minutes: MinutesPerWeekday;
  launchDate: string;
  plan: PlanVersion | null;
  stale: boolean;
}

/** Hours needed against hours there are, checkpoint by checkpoint, and what to defer when a date cannot hold. */
export function FeasibilityView({ schedule, minutes, launchDate, plan, stale }: FeasibilityViewProps) {
  const result = feasibilityOf(schedule, minutes, launchDate);
  const titles = new Map((plan?.tasks ?? []).map((task) => [task.id, task.title]));
  const ratio = result.availableHours > 0 ? Math.min(1, result.neededHours / result.availableHours) : 1;
  const over = result.neededHours > result.availableHours;
  const failing = schedule.checkpoints.filter((checkpoint) => checkpoint.feasible === false);
  // What to defer for the launch: the cut line of the checkpoint due at launch (else the last one that fails).
  const launchCut = failing.find((checkpoint) => checkpoint.dueDate === launchDate) ?? failing.at(-1);

  return (
    <div className={stale ? 'feasibility is-stale' : 'feasibility'} data-testid="feasibility">
      <div className={result.holds ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
        <span className="verdict-mark" aria-hidden="true">
          {result.holds ? '✓' : '✕'}
        </span>
        <div>
          <p className="verdict-title">
            {result.holds
              ? `Your launch on ${formatDate(launchDate)} holds.`
              : `${formatDate(launchDate)} does not hold at these hours.`}
          </p>
          <p>
            {result.finishDate === null
              ? 'Some of the work does not fit within a year at these hours. Add hours or cut scope.'
              : result.holds
                ? `At this pace the last task is done on ${formatDate(result.finishDate)}.`
                : result.finishDate > launchDate
                  ? `The earliest launch that would hold: ${formatDate(result.finishDate, { year: true })}.`
                  : 'The launch date holds, but a checkpoint before it does not: see below.'}
          </p>
          {!result.holds && launchCut && launchCut.cutLine.length > 0 && (
            <details className="cut-line" open={launchCut.cutLine.length <= 6}>
              <summary>
                To keep {launchCut.dueDate === launchDate ? 'the launch date' : launchCut.title}, defer{' '}
                {plural(launchCut.cutLine.length, 'task')}
              </summary>
              <ul>
                {launchCut.cutLine.map((id) => (
                  <li key={id}>{titles.get(id) ?? id}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>

      <div className="hours-compare">
        <div>
          <p className="hours-figure">{formatHours(result.neededHours)}</p>
          <p className="muted">needed</p>
        </div>
        <div>
          <p className="hours-figure">{formatHours(result.availableHours)}</p>
          <p className="muted">available until launch</p>
        </div>
      </div>
      <div className="meter" aria-hidden="true">
        <span
          className={over ? 'meter-fill meter-over' : 'meter-fill'}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>

      {schedule.checkpoints.length > 0 && (
        <ol className="checkpoint-forecasts">
          {schedule.checkpoints.map((checkpoint) => {
            const holds = checkpoint.feasible !== false;
            return (
              <li key={checkpoint.id} className={holds ? 'forecast forecast-ok' : 'forecast forecast-bad'}>
                <span className="forecast-mark" aria-hidden="true">
                  {checkpoint.feasible === null ? '–' : holds ? '✓' : '✕'}
                </span>
                <div className="forecast-body">
                  <p className="forecast-title">
                    {checkpoint.title}
                    <span className="forecast-state">
                      {checkpoint.feasible === null ? ' · no date' : holds ? ' · holds' : ' · does not hold'}
                    </span>
                  </p>
                  <p className="muted">
                    {checkpoint.dueDate ? `Due ${formatDate(checkpoint.dueDate)} · ` : ''}
                    needs {formatHours(checkpoint.hoursNeeded)}
                    {checkpoint.hoursAvailable !== null &&
                      `, ${formatHours(checkpoint.hoursAvailable)} available`}
                  </p>
                  {!holds && (
                    <>
                      {checkpoint.earliestFeasibleDate && (
                        <p>
                          Earliest date that holds:{' '}
                          {formatDate(checkpoint.earliestFeasibleDate, { year: true })}
                        </p>
                      )}
                      {checkpoint.cutLine.length > 0 && (
                        <details className="cut-line">
                          <summary>
                            To keep {checkpoint.dueDate ? formatDate(checkpoint.dueDate) : 'this date'}, defer{' '}
                            {plural(checkpoint.cutLine.length, 'task')}
                          </summary>
                          <ul>
                            {checkpoint.cutLine.map((id) => (
                              <li key={id}>{titles.get(id) ?? id}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {schedule.excludedOptional.length > 0 && (
        <p className="muted">
          {plural(schedule.excludedOptional.length, 'optional task')} left out of the schedule.
        </p>
      )}
    </div>
  );
}
