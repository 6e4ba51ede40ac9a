import { useState, type FormEvent } from 'react';
import { deferTask, finishTask, type Evidence, type Today } from '../../../contracts/today.contract.js';
import { humanMessage, toFormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { formatDate, formatMinutes, formatTime } from '../intake/time.js';
import { InputField } from '../intake/ui.js';
import { taskFacts, type TodayTask } from './next-step.js';

interface DeferFormProps {
  projectId: string;
  task: TodayTask;
  onDone(message: string): void;
  onCancel(): void;
}

function DeferForm({ projectId, task, onDone, onCancel }: DeferFormProps) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!reason.trim()) {
      setError('Say briefly why; it helps the re-plan. “Underestimated”, “blocked on the API key”…');
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await api.call(deferTask, {
        params: { projectId, taskId: task.taskId },
        body: { reason: reason.trim() },
      });
      onDone(`“${task.title}” moves to your next work day.`);
    } catch (caught) {
      setError(toFormError(caught, ['reason']).fields.reason ?? humanMessage(caught));
      setPending(false);
    }
  };

  return (
    <form className="defer-form" onSubmit={(event) => void submit(event)} noValidate>
      <InputField
        label={`Why didn’t “${task.title}” get finished?`}
        name="reason"
        maxLength={500}
        autoComplete="off"
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={error}
        hint="A few words. It carries forward to your next work day."
      />
      <div className="actions">
        <button type="submit" className="button button-primary button-small" disabled={pending}>
          {pending ? 'Moving…' : 'Move to next work day'}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onCancel}
          disabled={pending}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Hours left today against the day's planned hours. */
function HoursLeft({ today }: { today: Today }) {
  const capacity = today.capacityMinutes;
  const ratio = capacity > 0 ? Math.min(1, today.loggedMinutes / capacity) : 0;
  return (
    <div className="hours-left" data-testid="hours-left">
      {capacity > 0 ? (
        <>
          <p className="hours-left-figure">
            {today.minutesLeft > 0
              ? `${formatMinutes(today.minutesLeft)} left today`
              : 'Today’s hours are done'}
          </p>
          <div className="meter" aria-hidden="true">
            <span className="meter-fill" style={{ width: `${ratio * 100}%` }} />
          </div>
          <p className="muted">
            {formatMinutes(today.loggedMinutes)} logged of {formatMinutes(capacity)} planned
          </p>
        </>
      ) : (
        <p className="muted">
          No hours planned today.
          {today.loggedMinutes > 0 ? ` ${formatMinutes(today.loggedMinutes)} logged anyway.` : ''}
        </p>
      )}
    </div>
  );
}

interface PlannedTasksProps {
  projectId: string;
  today: Today;
  /** Task titles from the plan, for work finished today that has left the schedule. */
  titles: ReadonlyMap<string, string>;
  focusTaskId: string | null;
  canStart: boolean;
  /** Someone other than the builder: no actions. */
  readOnly: boolean;
  onStart(task: TodayTask): void;
  onChanged(message: string): void;
}

function deferredToday(evidence: Evidence[]): Map<string, string> {
  const deferred = new Map<string, string>();
  for (const item of evidence)
    if (item.kind === 'task_deferred' && item.taskId) deferred.set(item.taskId, item.text ?? '');
  return deferred;
}

/** Today's planned tasks: start, done, or "didn't finish — why?". */
export function PlannedTasks({
  projectId,
  today,
  titles,
  focusTaskId,
  canStart,
  readOnly,
  onStart,
  onChanged,
}: PlannedTasksProps) {
  const api = useApi();
  const [deferring, setDeferring] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deferred = deferredToday(today.evidence);
  const done = today.evidence.filter((item) => item.kind === 'task_done' && item.taskId);

  const finish = async (task: TodayTask) => {
    setBusy(task.taskId);
    setError(null);
    try {
      await api.call(finishTask, { params: { projectId, taskId: task.taskId } });
      onChanged(`“${task.title}” is done.`);
    } catch (caught) {
      setError(humanMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="planned-heading">
      <div className="card-head">
        <h2 id="planned-heading">Today’s plan</h2>
        <span className="muted">{formatDate(today.date, { weekday: 'long' })}</span>
      </div>
      {!today.needsHours && <HoursLeft today={today} />}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {today.needsHours ? (
        <p className="empty">
          No hours saved yet, so nothing is planned for a day. Set your hours to get a daily plan.
        </p>
      ) : today.planned.length === 0 ? (
        <p className="empty">
          {today.nextWorkDate
            ? `Nothing planned today. Your next work day is ${formatDate(today.nextWorkDate, { weekday: 'long' })}.`
            : 'Nothing planned today.'}
        </p>
      ) : (
        <ul className="task-list">
          {today.planned.map((task) => {
            const reason = deferred.get(task.taskId);
            const isDeferred = reason !== undefined;
            return (
              <li key={`${task.taskId}-${task.chunk}`} className={isDeferred ? 'task task-deferred' : 'task'}>
                <div className="task-main">
                  <span className="task-mark" aria-hidden="true">
                    {isDeferred ? '→' : task.status === 'in_progress' ? '◐' : '○'}
                  </span>
                  <div className="task-text">
                    <p className="task-title">{task.title}</p>
                    <p className="muted">
                      {isDeferred ? (
                        <>
                          <strong>Moved to the next work day</strong>
                          {reason && <> · “{reason}”</>}
                        </>
                      ) : (
                        <>
                          {task.status === 'in_progress' && <strong>In progress · </strong>}
                          {focusTaskId === task.taskId && <strong>Focusing now · </strong>}
                          {taskFacts(task, { today: true })}
                        </>
                      )}
                    </p>
                  </div>
                </div>
                {!readOnly && !isDeferred && deferring !== task.taskId && (
                  <div className="task-actions">
                    {canStart && (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={`Focus on “${task.title}”`}
                        onClick={() => onStart(task)}
                      >
                        Focus
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={`Done: “${task.title}”`}
                      disabled={busy === task.taskId}
                      onClick={() => void finish(task)}
                    >
                      {busy === task.taskId ? 'Saving…' : '✓ Done'}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={`Didn’t finish “${task.title}”`}
                      onClick={() => setDeferring(task.taskId)}
                    >
                      Didn’t finish
                    </button>
                  </div>
                )}
                {deferring === task.taskId && (
                  <DeferForm
                    projectId={projectId}
                    task={task}
                    onCancel={() => setDeferring(null)}
                    onDone={(message) => {
                      setDeferring(null);
                      onChanged(message);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {done.length > 0 && (
        <div className="done-today">
          <h3>Done today</h3>
          <ul className="task-list">
            {done.map((item) => (
              <li key={item.id} className="task task-done">
                <div className="task-main">
                  <span className="task-mark" aria-hidden="true">
                    ✓
                  </span>
                  <div className="task-text">
                    <p className="task-title">{titles.get(item.taskId ?? '') ?? item.taskId}</p>
                    <p className="muted">Done at {formatTime(item.at, today.timeZone)}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
