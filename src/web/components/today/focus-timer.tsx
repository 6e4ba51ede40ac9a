import { useEffect, useRef, useState } from 'react';
import { CheckInForm } from './check-in-form.js';
import {
  focusedMinutes,
  formatClock,
  MAX_FOCUS_MINUTES,
  MIN_FOCUS_MINUTES,
  type FocusTimer,
} from './use-focus-timer.js';

interface FocusTimerCardProps {
  projectId: string;
  timer: FocusTimer;
  /** After a check-in. */
  onCheckedIn(message: string): void;
  /** Whether the session's task can still be marked done. */
  taskOpen: boolean;
  /** Move focus to the timer when it opens because they pressed Start (not on a reload). */
  focusOnMount: boolean;
}

/**
 * The running focus session: time left in large type, pause/resume, a length they can change, and an
 * accessible announcement when the time is up. When it ends or they stop, a check-in with the minutes.
 */
export function FocusTimerCard({
  projectId,
  timer,
  onCheckedIn,
  taskOpen,
  focusOnMount,
}: FocusTimerCardProps) {
  const { session, remainingMs, elapsedMs } = timer;
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const ended = session?.ended ?? null;
  const paused = session !== null && session.runningSince === null && ended === null;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  if (!session) return null;
  const minutes = Math.round(session.durationMs / 60_000);
  const progress = session.durationMs > 0 ? Math.min(1, elapsedMs / session.durationMs) : 1;

  return (
    <section className="card focus-card" aria-labelledby="focus-heading" data-testid="focus-timer">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <p className="visually-hidden" aria-live="assertive" role="alert">
        {ended === 'completed' ? 'Time is up. Well done: check in below with what you did.' : ''}
      </p>
      <p className="eyebrow">{ended ? 'Focus session over' : paused ? 'Paused' : 'Focus'}</p>
      <h2 id="focus-heading" ref={heading} tabIndex={-1} className="focus-title">
        {session.title || 'Focused work'}
      </h2>

      {!ended ? (
        <>
          <div className="focus-clock-wrap">
            <p className="focus-clock" role="timer" aria-label="Time left" aria-live="off">
              {formatClock(remainingMs)}
            </p>
            <p className="muted">
              {paused ? 'Paused' : 'left'} of {minutes} min · {formatClock(elapsedMs)} focused
            </p>
          </div>
          <div className="meter focus-meter" aria-hidden="true">
            <span className="meter-fill" style={{ width: `${progress * 100}%` }} />
          </div>
          <div className="focus-controls">
            {paused ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  timer.resume();
                  setAnnouncement('Resumed.');
                }}
              >
                Resume
              </button>
            ) : (
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  timer.pause();
                  setAnnouncement(`Paused with ${formatClock(remainingMs)} left.`);
                }}
              >
                Pause
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                timer.stop();
                setAnnouncement('Focus session stopped. Check in below with what you did.');
              }}
            >
              Stop and check in
            </button>
          </div>
          <div className="focus-length" role="group" aria-label="Session length">
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={minutes <= MIN_FOCUS_MINUTES}
              aria-label="5 minutes shorter"
              onClick={() => {
                timer.setMinutes(minutes - 5);
                setAnnouncement(`Session length ${Math.max(MIN_FOCUS_MINUTES, minutes - 5)} minutes.`);
              }}
            >
              −5 min
            </button>
            <span className="focus-length-value">{minutes} min session</span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={minutes >= MAX_FOCUS_MINUTES}
              aria-label="5 minutes longer"
              onClick={() => {
                timer.setMinutes(minutes + 5);
                setAnnouncement(`Session length ${Math.min(MAX_FOCUS_MINUTES, minutes + 5)} minutes.`);
              }}
            >
              +5 min
            </button>
          </div>
        </>
      ) : (
        <div className="stack-small">
          <p className="focus-done">
            <span aria-hidden="true">{ended === 'completed' ? '✓ ' : '■ '}</span>
            {ended === 'completed'
              ? `${minutes} minutes of focus. Say what you got done.`
              : `You focused for ${formatClock(elapsedMs)}. Say what you got done.`}
          </p>
          <CheckInForm
            projectId={projectId}
            idPrefix="focus"
            defaultMinutes={focusedMinutes(elapsedMs)}
            taskId={session.taskId}
            taskTitle={taskOpen ? session.title : null}
            submitLabel="Check in"
            onDone={(message) => {
              timer.clear();
              onCheckedIn(message);
            }}
            onCancel={() => {
              timer.clear();
            }}
            cancelLabel="Discard session"
          />
        </div>
      )}
    </section>
  );
}
