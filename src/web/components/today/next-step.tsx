import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Today } from '../../../contracts/today.contract.js';
import { formatDate, formatEstimate, formatMinutes } from '../intake/time.js';
import { DEFAULT_FOCUS_MINUTES } from './use-focus-timer.js';

export type TodayTask = NonNullable<Today['nextStep']>;

const LENGTHS = [15, 25, 45, 60, 90];

/** "60 min today · part 1 of 2 · estimate 2 h" */
export function taskFacts(task: TodayTask, { today }: { today: boolean }): string {
  const facts: string[] = [];
  if (task.minutes > 0) facts.push(`${formatMinutes(task.minutes)} ${today ? 'today' : 'planned'}`);
  if (task.chunks > 1) facts.push(`part ${task.chunk} of ${task.chunks}`);
  const estimate = formatEstimate(task.estimateMinutes);
  facts.push(estimate ? `estimate ${estimate}` : 'no estimate');
  return facts.join(' · ');
}

interface NextStepProps {
  today: Today;
  projectId: string;
  pending: boolean;
  error: string | null;
  /** null: read-only (someone other than the builder is looking). */
  onStart: ((task: TodayTask, minutes: number) => void) | null;
}

/** The next smallest step, front and centre, with one click to start focusing on it. */
export function NextStep({ today, projectId, pending, error, onStart }: NextStepProps) {
  const lengthId = useId();
  const [minutes, setMinutes] = useState(DEFAULT_FOCUS_MINUTES);
  const task = today.nextStep;

  if (!task) {
    return (
      <section className="card next-step next-step-empty" aria-labelledby="next-step-heading">
        <p className="eyebrow">Next step</p>
        <h2 id="next-step-heading" className="next-title">
          Nothing left to do in this plan
        </h2>
        <p className="lead">
          Every open task is done. Ship it, show your witness, or{' '}
          <Link to={`/start?project=${projectId}&step=2`}>import the next plan</Link>.
        </p>
      </section>
    );
  }

  const isToday = today.planned.some((item) => item.taskId === task.taskId);
  const later = !isToday && today.nextWorkDate && today.nextWorkDate !== today.date;
  return (
    <section className="card next-step" aria-labelledby="next-step-heading" data-testid="next-step">
      <p className="eyebrow">
        {later
          ? `Nothing planned today · next work on ${formatDate(today.nextWorkDate ?? '')}`
          : 'Your next step'}
      </p>
      <h2 id="next-step-heading" className="next-title">
        {task.title}
      </h2>
      <p className="next-facts">
        {task.status === 'in_progress' && <span className="chip chip-progress">In progress</span>}
        <span>{taskFacts(task, { today: isToday })}</span>
      </p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {onStart && (
        <div className="next-actions">
          <button
            type="button"
            className="button button-primary button-large"
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={() => onStart(task, minutes)}
          >
            {pending
              ? 'Starting…'
              : task.status === 'in_progress'
                ? 'Continue'
                : later
                  ? 'Start early'
                  : 'Start'}
          </button>
          <label htmlFor={lengthId} className="next-length">
            <span>Focus for</span>
            <select
              id={lengthId}
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
            >
              {LENGTHS.map((length) => (
                <option key={length} value={length}>
                  {length} min
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </section>
  );
}
