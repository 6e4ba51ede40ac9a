import { useEffect, useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { listCheckpoints, type CheckpointDto } from '../../contracts/checkpoints.contract.js';
import { listDays, type Days } from '../../contracts/days.contract.js';
import { createWorkspace, WORKSPACE_KINDS, type WorkspaceKind } from '../../contracts/workspaces.contract.js';
import { FormAlert, LoadError, Loading, SubmitButton, TextField } from '../components/fields.js';
import { RoleBadges } from '../components/role-badges.js';
import { isApiError } from '../lib/api-errors.js';
import { capitalize } from '../lib/format.js';
import { useMyProjects, type KnownProject, type WitnessedProject } from '../lib/my-projects.js';
import { useApi, useUser } from '../lib/session.js';
import { text, useFormSubmit } from '../lib/use-form-submit.js';
import { useQuery } from '../lib/use-query.js';
import { formatLocalDate } from '../lib/when.js';
import { useWorkspaces } from '../lib/workspaces.js';

const KIND_HINTS: Record<WorkspaceKind, string> = {
  solo: 'Your own plans, with witnesses you invite.',
  cohort: 'A group of builders on a shared schedule.',
  team: 'People shipping one product together.',
};

const HEALTH_WORDS: Record<Days['health']['state'], string> = {
  on_track: 'On track',
  slipping: 'Slipping',
  stalled: 'Stalled',
};

function isKind(value: string): value is WorkspaceKind {
  return (WORKSPACE_KINDS as readonly string[]).includes(value);
}

/** Health in words with a symbol; the colour only repeats them. */
export function HealthBadge({ state }: { state: Days['health']['state'] | 'none' }) {
  return (
    <span className={`home-health home-health-${state}`}>
      {state === 'none' ? 'Not started' : HEALTH_WORDS[state]}
    </span>
  );
}

function nextCheckpoint(checkpoints: readonly CheckpointDto[]): CheckpointDto | undefined {
  return checkpoints.find((cp) => cp.status !== 'approved' && cp.status !== 'missed');
}

function ProjectCard({ project }: { project: KnownProject }) {
  const api = useApi();
  const facts = useQuery(`home-project:${project.id}`, async () => {
    const params = { projectId: project.id };
    const [days, checkpoints] = await Promise.all([
      api.call(listDays, { params }),
      api.call(listCheckpoints, { params }).then(
        (answer) => answer.checkpoints,
        (error: unknown) => {
          if (isApiError(error, 'contracts.none')) return null; // not committed yet
          throw error;
        },
      ),
    ]);
    return { days, checkpoints };
  });

  const base = `/projects/${project.id}`;
  const days = facts.data?.days;
  const committed = facts.data ? facts.data.checkpoints !== null : undefined;
  const next = facts.data?.checkpoints ? nextCheckpoint(facts.data.checkpoints) : undefined;
  const started = days ? days.verdictsFrom !== null && committed : false;

  return (
    <li className="project-card">
      <div className="project-card-head">
        <div>
          <h3>{project.name}</h3>
          <p className="muted">{project.workspace.name}</p>
        </div>
        {days && <HealthBadge state={started ? days.health.state : 'none'} />}
      </div>
      {facts.loading && <p className="muted">Loading health…</p>}
      {facts.error !== undefined && <LoadError error={facts.error} onRetry={facts.reload} />}
      {days && (
        <p className="project-facts">
          {started && (
            <span>
              Streak: {days.streak.current} {days.streak.current === 1 ? 'day' : 'days'}
            </span>
          )}
          {started && days.health.consecutiveSkips > 0 && (
            <span>
              {days.health.consecutiveSkips} skipped {days.health.consecutiveSkips === 1 ? 'day' : 'days'} in
              a row
            </span>
          )}
          {next && (
            <span>
              Next checkpoint: {next.title}, due {formatLocalDate(next.dueDate)}
            </span>
          )}
          {committed === false && <span>No commitment yet</span>}
        </p>
      )}
      {days?.health.replanRequired && (
        <p className="warning">A re-plan is required before the next checkpoint. Open the plan to re-plan.</p>
      )}
      <div className="link-row">
        {committed === false ? (
          <Link to={`/start?project=${project.id}`} className="button button-primary button-small">
            Finish setting up
          </Link>
        ) : (
          <Link to={`${base}/today`} className="button button-primary button-small">
            Today
          </Link>
        )}
        <Link to={`${base}/plan`} className="button button-secondary button-small">
          Plan
        </Link>
        <Link to={`${base}/contract`} className="button button-secondary button-small">
          Contract
        </Link>
      </div>
    </li>
  );
}

function YourProjects() {
  const user = useUser();
  const { projects, projectsError, reload } = useMyProjects();
  const mine = projects?.filter((project) => project.builderId === user.id);

  return (
    <section className="card" aria-labelledby="your-projects">
      <div className="section-head">
        <h2 id="your-projects">Your projects</h2>
        <Link to="/start" className="button button-primary">
          Start a new project
        </Link>
      </div>
      {!projects && projectsError === undefined && <Loading />}
      {!projects && projectsError !== undefined && <LoadError error={projectsError} onRetry={reload} />}
      {mine?.length === 0 && (
        <p className="empty">
          You are not building anything yet. Start a new project: bring the plan you have (a Markdown roadmap,
          Task Master, spec-kit or Kiro tasks), set your hours, and commit with a witness.
        </p>
      )}
      {mine && mine.length > 0 && (
        <ul className="project-cards">
          {mine.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}
    </section>
  );
}

const WITNESSED_SHOWN = 5;

function Witnessing({ witnessed, waiting }: { witnessed: WitnessedProject[]; waiting: number }) {
  return (
    <section className="card" aria-labelledby="witnessing">
      <div className="section-head">
        <h2 id="witnessing">Builders you witness</h2>
        <Link to="/reviews" className="button button-secondary">
          {waiting > 0 ? `Review queue (${waiting} waiting)` : 'Review queue'}
        </Link>
      </div>
      <ul className="list">
        {witnessed.slice(0, WITNESSED_SHOWN).map((item) => (
          <li key={`${item.projectId}:${item.role}`} className="list-item">
            <div>
              <p className="list-title">
                {item.builderName} · {item.projectName}
              </p>
              <p className="muted">
                {item.role === 'backup_witness' ? 'Backup witness' : 'Witness'}
                {item.waitingReviews > 0 &&
                  ` · ${item.waitingReviews} ${item.waitingReviews === 1 ? 'submission waits' : 'submissions wait'} for review`}
                {item.nextCheckpoint &&
                  ` · next checkpoint due ${formatLocalDate(item.nextCheckpoint.dueDate)}`}
                {item.atRisk.length > 0 &&
                  ` · ⚠ ${item.atRisk.length} ${item.atRisk.length === 1 ? 'checkpoint' : 'checkpoints'} at risk`}
              </p>
            </div>
            <HealthBadge state={item.health} />
          </li>
        ))}
      </ul>
      {witnessed.length > WITNESSED_SHOWN && (
        <p className="muted">
          And {witnessed.length - WITNESSED_SHOWN} more: <Link to="/reviews">see them all</Link>.
        </p>
      )}
    </section>
  );
}

function WorkspaceList() {
  const { workspaces } = useWorkspaces();
  if (!workspaces || workspaces.length === 0) return null;
  return (
    <ul className="list">
      {workspaces.map((workspace) => (
        <li key={workspace.id} className="list-item">
          <div>
            <Link to={`/workspaces/${workspace.id}`} className="list-title" id={`ws-${workspace.id}`}>
              {workspace.name}
            </Link>
            <p className="muted">{capitalize(workspace.kind)} workspace</p>
          </div>
          <span className="row-actions">
            {workspace.myRoles.includes('organizer') && (
              <Link to={`/workspaces/${workspace.id}/cohort`} aria-describedby={`ws-${workspace.id}`}>
                Cohort console
              </Link>
            )}
            <RoleBadges roles={workspace.myRoles} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function CreateWorkspaceForm({ heading }: { heading: boolean }) {
  const api = useApi();
  const { reload, select } = useWorkspaces();
  const navigate = useNavigate();
  const kindHint = useId();
  const form = useFormSubmit(['name', 'kind'], async (data) => {
    const kind = text(data, 'kind');
    const workspace = await api.call(createWorkspace, {
      body: { name: text(data, 'name'), kind: isKind(kind) ? kind : 'solo' },
    });
    select(workspace.id);
    reload();
    await navigate(`/workspaces/${workspace.id}`);
  });

  return (
    <form className="form" onSubmit={form.onSubmit} aria-label="Create a workspace">
      {heading && <h2>Create a workspace</h2>}
      <FormAlert error={form.error} />
      <TextField label="Workspace name" name="name" maxLength={80} error={form.error?.fields.name} />
      <fieldset className="choices" aria-describedby={form.error?.fields.kind ? kindHint : undefined}>
        <legend>Kind</legend>
        {WORKSPACE_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={kind === 'solo'} />
            <span>
              <strong>{capitalize(kind)}</strong>
              <span className="muted">{KIND_HINTS[kind]}</span>
            </span>
          </label>
        ))}
        {form.error?.fields.kind && (
          <p id={kindHint} className="field-error">
            {form.error.fields.kind}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={form.pending}>{form.pending ? 'Creating…' : 'Create workspace'}</SubmitButton>
    </form>
  );
}

function Welcome() {
  return (
    <>
      <section className="card stack-small" aria-labelledby="welcome">
        <h2 id="welcome">Welcome to Recital</h2>
        <p>
          Recital turns your plan into dated work, judges each planned day, and asks a witness to approve your
          checkpoints. To begin, either:
        </p>
        <ol className="welcome-steps">
          <li>
            <strong>Create a workspace</strong> below: a solo space for your own plans, or a cohort or team.
          </li>
          <li>
            <strong>Accept an invitation</strong>: open the invitation link an organizer sent you, and you
            join their workspace as a builder or a witness.
          </li>
        </ol>
      </section>
      <div className="card">
        <CreateWorkspaceForm heading />
      </div>
    </>
  );
}

export function HomePage() {
  const user = useUser();
  const { workspaces, error, loading, reload: reloadWorkspaces } = useWorkspaces();
  const { witnessed, waitingReviews, reload } = useMyProjects();

  // Projects may have been created or joined elsewhere since the header first loaded them.
  useEffect(() => reload(), [reload]);

  let body;
  if (loading && !workspaces) body = <Loading />;
  else if (!workspaces) body = <LoadError error={error} onRetry={reloadWorkspaces} />;
  else if (workspaces.length === 0) body = <Welcome />;
  else
    body = (
      <>
        <YourProjects />
        {witnessed && witnessed.length > 0 && (
          <Witnessing witnessed={witnessed} waiting={waitingReviews ?? 0} />
        )}
        <section className="card" aria-labelledby="your-workspaces">
          <h2 id="your-workspaces">Your workspaces</h2>
          <WorkspaceList />
          <details className="divider disclosure">
            <summary>Create another workspace</summary>
            <CreateWorkspaceForm heading={false} />
          </details>
        </section>
      </>
    );

  return (
    <div className="stack">
      <title>Home · Recital</title>
      <div>
        <h1>Home</h1>
        <p className="lead">Signed in as {user.displayName}.</p>
      </div>
      {body}
    </div>
  );
}
