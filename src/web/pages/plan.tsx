import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { listCheckpoints } from '../../contracts/checkpoints.contract.js';
import { listDays } from '../../contracts/days.contract.js';
import { listDecisions } from '../../contracts/decisions.contract.js';
import { getCurrentPlan, listPlanVersions } from '../../contracts/plans.contract.js';
import { getProject } from '../../contracts/projects.contract.js';
import { compileProjectSchedule } from '../../contracts/schedule.contract.js';
import { getBurnup } from '../../contracts/status.contract.js';
import { BurnupChart } from '../components/charts/burnup-chart.js';
import { DayHeatmap } from '../components/charts/day-heatmap.js';
import { formatDate, plural } from '../components/charts/local-dates.js';
import { LoadError, Loading } from '../components/fields.js';
import { CheckpointTimeline, holds, mergeCheckpoints } from '../components/plan/checkpoint-timeline.js';
import { DecisionList } from '../components/plan/decision-list.js';
import { HealthBadge } from '../components/plan/health.js';
import { indexTasks, listText } from '../components/plan/plan-model.js';
import { PlanVersions } from '../components/plan/plan-versions.js';
import { SprintCalendar, type DueMarker } from '../components/plan/sprint-calendar.js';
import { TaskList } from '../components/plan/task-list.js';
import { CalibrationNote } from '../components/forecast/calibration-note.js';
import { StatusShare } from '../components/status-share.js';
import { isApiError } from '../lib/api-errors.js';
import { useForecast } from '../lib/forecast.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery, type Query } from '../lib/use-query.js';
import '../styles/plan.css';

/** The state of one section's data: loading, a known empty case in words, an error, or the data. */
function Section<T>({
  query,
  empty,
  children,
}: {
  query: Query<T>;
  /** Errors that only mean "nothing here yet", by code, with what to say instead. */
  empty?: Record<string, ReactNode>;
  children: (data: T) => ReactNode;
}) {
  if (query.loading && query.data === undefined) return <Loading />;
  if (query.data !== undefined) return children(query.data);
  const known = Object.entries(empty ?? {}).find(([code]) => isApiError(query.error, code));
  if (known) return <p className="empty">{known[1]}</p>;
  return <LoadError error={query.error} onRetry={query.reload} />;
}

function noPlan(projectId: string): ReactNode {
  return (
    <>
      This project has no plan yet. <Link to={`/start?project=${projectId}`}>Import one</Link> from a roadmap,
      Task Master, spec-kit or Kiro file.
    </>
  );
}

function noHours(projectId: string): ReactNode {
  return (
    <>
      No hours are set yet, so there is no calendar.{' '}
      <Link to={`/start?project=${projectId}`}>Set your hours per weekday</Link> to get one.
    </>
  );
}

export function PlanPage() {
  const { projectId = '' } = useParams();
  const planMissing = noPlan(projectId);
  const hoursMissing = noHours(projectId);
  const api = useApi();
  const user = useUser();
  const params = { projectId };
  const project = useQuery(`project:${projectId}`, () => api.call(getProject, { params }));
  const plan = useQuery(`plan:${projectId}`, () => api.call(getCurrentPlan, { params }));
  const schedule = useQuery(`schedule:${projectId}`, () =>
    api.call(compileProjectSchedule, { params, body: {} }),
  );
  const days = useQuery(`days:${projectId}`, () => api.call(listDays, { params }));
  const checkpoints = useQuery(`checkpoints:${projectId}`, () => api.call(listCheckpoints, { params }));
  const burnup = useQuery(`burnup:${projectId}`, () => api.call(getBurnup, { params }));
  const versions = useQuery(`versions:${projectId}`, () => api.call(listPlanVersions, { params }));
  const decisions = useQuery(`decisions:${projectId}`, () => api.call(listDecisions, { params }));
  const forecast = useForecast(projectId);

  useLiveReload(projectId, () => {
    for (const query of [project, plan, schedule, days, checkpoints, burnup, versions, decisions, forecast])
      query.reload();
  });

  const tasks = plan.data?.tasks;
  const index = useMemo(() => indexTasks(tasks ?? []), [tasks]);
  const timeline = useMemo(
    () => mergeCheckpoints(plan.data, schedule.data, checkpoints.data?.checkpoints),
    [plan.data, schedule.data, checkpoints.data],
  );
  const cut = useMemo(() => {
    const map = new Map<string, string>();
    for (const checkpoint of timeline) {
      if (holds(checkpoint) !== false) continue;
      for (const id of checkpoint.forecast?.cutLine ?? []) if (!map.has(id)) map.set(id, checkpoint.title);
    }
    return map;
  }, [timeline]);
  const critical = useMemo(() => new Set(schedule.data?.criticalPath ?? []), [schedule.data]);
  const unscheduled = useMemo(() => new Set(schedule.data?.unscheduled ?? []), [schedule.data]);
  const flagged = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const flag of decisions.data?.flagged ?? [])
      map.set(flag.taskId, [...(map.get(flag.taskId) ?? []), flag.decisionId]);
    return map;
  }, [decisions.data]);
  const decisionsById = useMemo(
    () => new Map((decisions.data?.decisions ?? []).map((d) => [d.id, d])),
    [decisions.data],
  );

  if (project.loading && !project.data) return <Loading />;
  if (!project.data) {
    return (
      <div className="stack">
        <title>Plan · Recital</title>
        <h1>Plan</h1>
        <LoadError error={project.error} onRetry={project.reload} />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );
  }

  const { name, summary, audience, workspaceId } = project.data;
  const timeZone = schedule.data?.timeZone;
  const today = schedule.data?.startDate ?? burnup.data?.points.at(-1)?.date ?? null;
  const dueMarkers: DueMarker[] = timeline.flatMap((c) =>
    c.dueDate
      ? [{ id: c.id, title: c.title, dueDate: c.dueDate, holds: holds(c), done: c.status === 'approved' }]
      : [],
  );

  return (
    <div className="plan-page stack">
      <title>{`Plan · ${name} · Recital`}</title>
      <div className="plan-header">
        <p className="eyebrow">Plan and calendar</p>
        <h1>{name}</h1>
        {(summary || audience) && (
          <p className="lead">
            {summary}
            {summary && audience && ' — '}
            {audience && `for ${audience}`}
          </p>
        )}
        <p className="plan-zone">
          {timeZone ? (
            <>
              Dates and times are in <strong>{timeZone}</strong>, the builder’s time zone
              {today && <>, where today is {formatDate(today, { year: true })}</>}.
            </>
          ) : (
            <>Dates are in the builder’s time zone; times below are in yours ({user.timeZone}).</>
          )}
        </p>
        <nav className="plan-toc" aria-label="On this page">
          <a href="#calendar">Calendar</a>
          <a href="#checkpoints">Checkpoints</a>
          <a href="#progress">Progress</a>
          <a href="#tasks">Tasks</a>
          <a href="#versions">Versions</a>
          <a href="#decisions">Decisions</a>
          <Link to={`/workspaces/${workspaceId}`}>Workspace</Link>
        </nav>
      </div>

      <section className="card plan-section" id="calendar" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Sprint calendar</h2>
        <Section query={schedule} empty={{ 'plans.empty': planMissing, 'schedule.no_hours': hoursMissing }}>
          {(data) => (
            <div className="stack-small">
              <p className="muted">
                {data.finishDate
                  ? `All remaining work is scheduled; the last of it is on ${formatDate(data.finishDate, { year: true })}.`
                  : data.unscheduled.length > 0
                    ? `${plural(data.unscheduled.length, 'task')} do not fit within a year of these hours.`
                    : 'Nothing is left to schedule.'}
              </p>
              {tasks ? (
                <SprintCalendar
                  schedule={data}
                  verdicts={days.data?.verdicts ?? []}
                  verdictsFrom={days.data?.verdictsFrom ?? null}
                  dueMarkers={dueMarkers}
                  index={index}
                  cut={cut}
                  critical={critical}
                />
              ) : (
                <Section query={plan} empty={{ 'plans.empty': planMissing }}>
                  {() => null}
                </Section>
              )}
              {data.unscheduled.length > 0 && (
                <p className="warning">
                  Does not fit: {listText(data.unscheduled.map((id) => index.title(id)))}.
                </p>
              )}
              {data.excludedOptional.length > 0 && (
                <p className="muted">
                  Optional, not scheduled: {listText(data.excludedOptional.map((id) => index.title(id)))}.
                </p>
              )}
              <CalibrationNote calibration={data.calibration} />
              {data.warnings.length > 0 && (
                <ul className="plan-warnings" aria-label="Schedule warnings">
                  {data.warnings.map((warning) => (
                    <li key={`${warning.code}:${warning.taskId ?? ''}:${warning.message}`}>
                      {warning.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </Section>
      </section>

      <section className="card plan-section" id="checkpoints" aria-labelledby="checkpoints-heading">
        <h2 id="checkpoints-heading">Checkpoints</h2>
        <Section query={plan} empty={{ 'plans.empty': planMissing }}>
          {() =>
            schedule.loading && !schedule.data ? (
              <Loading />
            ) : (
              <CheckpointTimeline
                checkpoints={timeline}
                today={today}
                index={index}
                forecast={forecast.data}
              />
            )
          }
        </Section>
      </section>

      <section className="card plan-section" id="progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <div className="progress-grid">
          <div className="stack-small">
            <h3>Shown-up days</h3>
            <Section
              query={days}
              empty={{
                'days.no_hours': 'No hours are set yet, so no day has been judged.',
                'plans.empty': planMissing,
              }}
            >
              {(data) => (
                <>
                  <p className="health-line">
                    <HealthBadge health={data.health.state} /> Streak {plural(data.streak.current, 'day')}{' '}
                    (longest {data.streak.longest}){data.health.replanRequired && ' · a re-plan is required'}
                  </p>
                  {data.verdicts.length === 0 ? (
                    <p className="empty">
                      {data.verdictsFrom
                        ? `No planned day has ended yet: days are judged from ${formatDate(data.verdictsFrom, { year: true })}.`
                        : 'No day has been judged yet: days are judged once hours are committed.'}
                    </p>
                  ) : (
                    <DayHeatmap days={data.verdicts} through={today ?? data.verdicts.at(-1)?.date ?? ''} />
                  )}
                </>
              )}
            </Section>
          </div>
          <div className="stack-small">
            <h3>Burn-up: plan against done</h3>
            <Section query={burnup}>
              {(data) => (
                <>
                  <BurnupChart burnup={data} forecast={forecast.data} />
                  {forecast.error !== undefined && !forecast.data && (
                    <p className="muted">The forecast could not be loaded, so the chart shows no cone.</p>
                  )}
                </>
              )}
            </Section>
          </div>
        </div>
      </section>

      {project.data.builderId === user.id && (
        <StatusShare project={project.data} onChange={() => project.reload()} />
      )}

      <section className="card plan-section" id="tasks" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">Tasks and dependencies</h2>
        <Section query={plan} empty={{ 'plans.empty': planMissing }}>
          {(data) => (
            <TaskList
              tasks={data.tasks}
              checkpoints={data.checkpoints}
              index={index}
              critical={critical}
              cut={cut}
              unscheduled={unscheduled}
              decisions={decisionsById}
              flagged={flagged}
            />
          )}
        </Section>
      </section>

      <section className="card plan-section" id="versions" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Plan versions</h2>
        <Section query={versions}>
          {(data) => (
            <PlanVersions
              key={data.versions[0]?.number ?? 0}
              projectId={projectId}
              versions={data.versions}
              timeZone={timeZone ?? user.timeZone}
              titleOf={index.title}
              scopeChanges={burnup.data?.scopeChanges}
            />
          )}
        </Section>
      </section>

      <section className="card plan-section" id="decisions" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <Section query={decisions}>
          {(data) => <DecisionList decisions={data.decisions} flagged={data.flagged} tasks={tasks ?? []} />}
        </Section>
      </section>
    </div>
  );
}
