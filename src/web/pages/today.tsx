import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { listCheckpoints } from '../../contracts/checkpoints.contract.js';
import { listDays } from '../../contracts/days.contract.js';
import { getCurrentPlan } from '../../contracts/plans.contract.js';
import { getProject } from '../../contracts/projects.contract.js';
import { getToday, startTask, type Evidence } from '../../contracts/today.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { formatDate, formatMinutes, formatTime } from '../components/intake/time.js';
import { CheckInForm } from '../components/today/check-in-form.js';
import { CheckpointCard } from '../components/today/checkpoint-card.js';
import { DaysCard, HealthBadge } from '../components/today/days-card.js';
import { FocusTimerCard } from '../components/today/focus-timer.js';
import { NextStep, type TodayTask } from '../components/today/next-step.js';
import { PlannedTasks } from '../components/today/planned-tasks.js';
import { useFocusTimer } from '../components/today/use-focus-timer.js';
import { humanMessage, isApiError } from '../lib/api-errors.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import '../styles/today.css';

/** A 404 with this code means "nothing yet", which the page explains instead of failing. */
async function orNull<T>(load: Promise<T>, code: string): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (isApiError(error, code)) return null;
    throw error;
  }
}

const EVIDENCE_LABELS: Record<string, string> = {
  checkin: 'Checked in',
  task_started: 'Started',
  task_done: 'Done',
  task_deferred: 'Moved on',
};

function Logged({
  evidence,
  titles,
  timeZone,
}: {
  evidence: Evidence[];
  titles: ReadonlyMap<string, string>;
  timeZone: string;
}) {
  if (evidence.length === 0) return <p className="empty">Nothing logged yet today.</p>;
  const newest = [...evidence].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="logged" aria-label="Logged today, newest first">
      {newest.map((item) => (
        <li key={item.id}>
          <span className="logged-time">{formatTime(item.at, timeZone)}</span>
          <span>
            <strong>{EVIDENCE_LABELS[item.kind] ?? item.kind}</strong>
            {item.taskId && <> · {titles.get(item.taskId) ?? item.taskId}</>}
            {item.minutes !== null && <> · {formatMinutes(item.minutes)}</>}
            {item.text && <span className="logged-text"> “{item.text}”</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function TodayPage() {
  const { projectId = '' } = useParams();
  const api = useApi();
  const user = useUser();
  const params = { params: { projectId } };
  const project = useQuery(`project:${projectId}`, () => api.call(getProject, params));
  const today = useQuery(`today:${projectId}`, () => orNull(api.call(getToday, params), 'plans.empty'));
  const days = useQuery(`days:${projectId}`, () => api.call(listDays, params));
  const checkpoints = useQuery(`checkpoints:${projectId}`, () =>
    orNull(api.call(listCheckpoints, params), 'contracts.none'),
  );
  const plan = useQuery(`plan:${projectId}`, () => orNull(api.call(getCurrentPlan, params), 'plans.empty'));
  const timer = useFocusTimer(projectId);
  const [flash, setFlash] = useState('');
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [focusJustStarted, setFocusJustStarted] = useState(false);

  const { reload: reloadToday } = today;
  const { reload: reloadDays } = days;
  const { reload: reloadCheckpoints } = checkpoints;
  const { reload: reloadPlan } = plan;
  const reloadAll = useCallback(() => {
    reloadToday();
    reloadDays();
    reloadCheckpoints();
    reloadPlan();
  }, [reloadToday, reloadDays, reloadCheckpoints, reloadPlan]);
  useLiveReload(projectId, reloadAll);

  useEffect(() => {
    // A confirmation has been read (and announced) after a while; an old one would only mislead.
    if (!flash) return;
    const timer = setTimeout(() => setFlash(''), 12_000);
    return () => clearTimeout(timer);
  }, [flash]);

  const changed = (message: string) => {
    setFlash(message);
    reloadAll();
  };

  const start = async (task: TodayTask, minutes?: number) => {
    if (starting) return;
    setStarting(true);
    setStartError(null);
    try {
      if (task.status !== 'in_progress')
        await api.call(startTask, { params: { projectId, taskId: task.taskId } });
      timer.start({ taskId: task.taskId, title: task.title }, minutes);
      setFocusJustStarted(true);
      setFlash(`Focus timer started: ${minutes ?? 25} minutes on “${task.title}”.`);
      reloadAll();
    } catch (caught) {
      setStartError(humanMessage(caught));
    } finally {
      setStarting(false);
    }
  };

  if (project.loading || today.loading) return <Loading label="Loading today…" />;
  if (!project.data) {
    return (
      <div className="stack">
        <title>Today · Recital</title>
        <h1>Today</h1>
        <LoadError error={project.error} onRetry={project.reload} />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );
  }

  const name = project.data.name;
  const isBuilder = project.data.builderId === user.id;
  if (today.error !== undefined || today.data === undefined) {
    return (
      <div className="stack">
        <title>{`Today · ${name} · Recital`}</title>
        <h1>{name}</h1>
        <LoadError error={today.error} onRetry={reloadAll} />
      </div>
    );
  }
  if (today.data === null) {
    return (
      <div className="stack today-page">
        <title>{`Today · ${name} · Recital`}</title>
        <div>
          <p className="eyebrow">Today</p>
          <h1>{name}</h1>
        </div>
        <section className="card stack-small">
          <h2>No plan yet</h2>
          <p>Import your plan and set your hours, and each day here shows the next smallest step.</p>
          <Link className="button button-primary" to={`/start?project=${projectId}`}>
            Import your plan
          </Link>
        </section>
      </div>
    );
  }

  const day = today.data;
  const titles = new Map((plan.data?.tasks ?? []).map((task) => [task.id, task.title]));
  const doneTasks = new Set(
    (plan.data?.tasks ?? []).filter((task) => task.status === 'done').map((task) => task.id),
  );
  const session = timer.session;
  const focusActive = session !== null;
  const sessionTaskOpen = session?.taskId ? !doneTasks.has(session.taskId) : false;

  return (
    <div className="today-page">
      <title>
        {session && !session.ended && session.runningSince !== null
          ? `${Math.ceil(timer.remainingMs / 60_000)} min left · ${name} · Recital`
          : `Today · ${name} · Recital`}
      </title>
      <header className="today-head">
        <div>
          <p className="eyebrow">Today · {formatDate(day.date, { weekday: 'long' })}</p>
          <h1>{name}</h1>
          {!isBuilder && (
            <p className="lead">You are looking at the builder’s day. Only they can record work.</p>
          )}
        </div>
        {days.data && <HealthBadge days={days.data} />}
      </header>
      <p className="flash" role="status" aria-live="polite">
        {flash}
      </p>
      {day.needsHours && (
        <p className="notice">
          Your hours are not saved yet, so there is no daily plan.{' '}
          <Link to={`/start?project=${projectId}&step=3`}>Set your hours</Link>
        </p>
      )}

      <div className="today-grid">
        <div className="today-main">
          {session && isBuilder ? (
            <FocusTimerCard
              projectId={projectId}
              timer={timer}
              taskOpen={sessionTaskOpen}
              focusOnMount={focusJustStarted}
              onCheckedIn={changed}
            />
          ) : (
            <NextStep
              today={day}
              projectId={projectId}
              pending={starting}
              error={startError}
              onStart={isBuilder ? (task, minutes) => void start(task, minutes) : null}
            />
          )}
          <PlannedTasks
            projectId={projectId}
            today={day}
            titles={titles}
            focusTaskId={session && !session.ended ? session.taskId : null}
            canStart={isBuilder && !focusActive}
            readOnly={!isBuilder}
            onStart={(task) => void start(task)}
            onChanged={changed}
          />
          <section className="card" aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">Check in</h2>
            {isBuilder ? (
              <CheckInForm projectId={projectId} idPrefix="checkin" submitLabel="Check in" onDone={changed} />
            ) : (
              <p className="muted">Only the builder checks in.</p>
            )}
            <h3 className="logged-heading">Logged today</h3>
            <Logged evidence={day.evidence} titles={titles} timeZone={day.timeZone} />
          </section>
        </div>

        <aside className="today-side" aria-label="Your progress">
          {days.data ? (
            <DaysCard
              projectId={projectId}
              today={day.date}
              days={days.data}
              canSpendGrace={isBuilder && checkpoints.data !== null && days.data.verdictsFrom !== null}
              onChanged={changed}
            />
          ) : days.error !== undefined ? (
            <LoadError error={days.error} onRetry={days.reload} />
          ) : (
            <Loading />
          )}
          {checkpoints.error !== undefined ? (
            <LoadError error={checkpoints.error} onRetry={checkpoints.reload} />
          ) : checkpoints.loading ? (
            <Loading />
          ) : (
            <CheckpointCard
              projectId={projectId}
              today={day.date}
              checkpoints={checkpoints.data?.checkpoints ?? null}
              doneTasks={doneTasks}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
