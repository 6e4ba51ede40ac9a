import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { getContract } from '../../contracts/commitments.contract.js';
import { getCurrentPlan, type PlanVersion } from '../../contracts/plans.contract.js';
import { getProject, type Project } from '../../contracts/projects.contract.js';
import { getProjectAvailability, type SavedAvailability } from '../../contracts/schedule.contract.js';
import { CommitmentStep } from '../components/intake/commitment-step.js';
import {
  clampStep,
  DEFAULT_GRACE,
  DEFAULT_MINUTES,
  DEFAULT_SPRINT_DAYS,
  defaultLadder,
  STEPS,
  type Draft,
  type StepIndex,
} from '../components/intake/draft.js';
import { HoursStep } from '../components/intake/hours-step.js';
import { PlanStep } from '../components/intake/plan-step.js';
import { ProjectStep } from '../components/intake/project-step.js';
import { ReviewStep } from '../components/intake/review-step.js';
import { Stepper } from '../components/intake/stepper.js';
import { addDays, localDateIn } from '../components/intake/time.js';
import { WitnessStep } from '../components/intake/witness-step.js';
import { LoadError, Loading } from '../components/fields.js';
import { isApiError } from '../lib/api-errors.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import { useWorkspaces } from '../lib/workspaces.js';
import '../styles/intake.css';

interface Resumed {
  project: Project;
  plan: PlanVersion | null;
  /** The hours and launch date saved in an earlier visit, shown again instead of the defaults. */
  availability: SavedAvailability | null;
}

function initialDraft(resumed: Resumed | null, timeZone: string): Draft {
  const project = resumed?.project ?? null;
  const saved = resumed?.availability ?? null;
  const today = project
    ? localDateIn(project.createdAt, timeZone)
    : localDateIn(new Date().toISOString(), timeZone);
  return {
    project,
    plan: { text: '', fileName: null, imported: resumed?.plan ?? null, importedText: null },
    hours: {
      minutes: { ...(saved?.minutesPerWeekday ?? DEFAULT_MINUTES) },
      launchDate: saved?.launchDate ?? addDays(today, 28),
      saved: null,
    },
    witness: { mode: 'invite', email: '', link: '' },
    commitment: { ladder: defaultLadder(), graceTokens: DEFAULT_GRACE, sprintDays: DEFAULT_SPRINT_DAYS },
  };
}

interface IntakeProps {
  resumed: Resumed | null;
  firstStep: StepIndex;
}

function Intake({ resumed, firstStep }: IntakeProps) {
  const user = useUser();
  const navigate = useNavigate();
  const { workspaces } = useWorkspaces();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(resumed, user.timeZone));
  const [step, setStep] = useState<StepIndex>(firstStep);
  const [reached, setReached] = useState<StepIndex>(firstStep);
  const [moved, setMoved] = useState(false);

  const go = (next: StepIndex) => {
    setMoved(true);
    setStep(next);
    setReached((before) => (next > before ? next : before));
    window.scrollTo({ top: 0 });
  };
  const back = () => go(clampStep(step - 1));
  const project = draft.project;
  const workspaceName =
    workspaces?.find((workspace) => workspace.id === project?.workspaceId)?.name ?? 'your workspace';
  const focusOnMount = moved;

  let body;
  if (step === 0 || !project) {
    body = (
      <ProjectStep
        project={project}
        focusOnMount={focusOnMount}
        onDone={(saved) => {
          setDraft((before) => ({
            ...before,
            project: saved,
            // The launch date defaults to four weeks from the server's today, known once the project exists.
            hours: before.project
              ? before.hours
              : { ...before.hours, launchDate: addDays(localDateIn(saved.createdAt, user.timeZone), 28) },
          }));
          // Put the project in the address so a reload resumes it, without a router navigation
          // (which would start a new visit).
          const url = new URL(window.location.href);
          url.searchParams.set('project', saved.id);
          window.history.replaceState(window.history.state, '', url);
          go(1);
        }}
      />
    );
  } else if (step === 1) {
    body = (
      <PlanStep
        projectId={project.id}
        draft={draft.plan}
        focusOnMount={focusOnMount}
        onChange={(plan) => setDraft((before) => ({ ...before, plan }))}
        onBack={back}
        onDone={(version) => {
          setDraft((before) => ({
            ...before,
            plan: { ...before.plan, imported: version },
            project: before.project && { ...before.project, currentVersion: version.number },
          }));
          go(2);
        }}
      />
    );
  } else if (step === 2) {
    body = (
      <HoursStep
        projectId={project.id}
        today={localDateIn(project.createdAt, user.timeZone)}
        plan={draft.plan.imported}
        draft={draft.hours}
        focusOnMount={focusOnMount}
        onChange={(hours) => setDraft((before) => ({ ...before, hours }))}
        onBack={back}
        onDone={(saved) => {
          setDraft((before) => ({ ...before, hours: { ...before.hours, saved } }));
          go(3);
        }}
      />
    );
  } else if (step === 3) {
    body = (
      <WitnessStep
        workspaceId={project.workspaceId}
        witness={draft.witness}
        focusOnMount={focusOnMount}
        onBack={back}
        onInvited={(witness) => setDraft((before) => ({ ...before, witness }))}
        onDone={(witness) => {
          setDraft((before) => ({ ...before, witness }));
          go(4);
        }}
      />
    );
  } else if (step === 4) {
    body = (
      <CommitmentStep
        draft={draft.commitment}
        focusOnMount={focusOnMount}
        onBack={back}
        onDone={(commitment) => {
          setDraft((before) => ({ ...before, commitment }));
          go(5);
        }}
      />
    );
  } else {
    body = (
      <ReviewStep
        draft={draft}
        workspaceName={workspaceName}
        focusOnMount={focusOnMount}
        onBack={back}
        onEdit={go}
        onStarted={(projectId) => void navigate(`/projects/${projectId}/today`)}
      />
    );
  }

  return (
    <div className="intake">
      <title>{`${STEPS[step].title} · Start a project · Recital`}</title>
      <div className="intake-head">
        <p className="eyebrow">Start a project</p>
        <h1>{project ? project.name : 'From plan to shipped, one day at a time'}</h1>
      </div>
      <Stepper current={step} reached={project ? reached : 0} onGo={go} />
      {body}
    </div>
  );
}

/** Route `/start`: the five-step intake. `?project=ID` resumes one already created (`&step=3` opens a step). */
export function IntakePage() {
  const api = useApi();
  const [params] = useSearchParams();
  const projectId = params.get('project') ?? '';
  const stepParam = Number(params.get('step') ?? '');
  // Each visit (a link to /start, or to /start?project=ID to resume) gets a fresh intake.
  const { key: visit } = useLocation();
  const initialProjectId = projectId;
  const resumed = useQuery(`intake:${visit}:${initialProjectId}`, async () => {
    if (!initialProjectId) return null;
    const project = await api.call(getProject, { params: { projectId: initialProjectId } });
    let plan: PlanVersion | null = null;
    try {
      plan = await api.call(getCurrentPlan, { params: { projectId: initialProjectId } });
    } catch (error) {
      if (!isApiError(error, 'plans.empty')) throw error;
    }
    const params = { params: { projectId: initialProjectId } };
    const [contract, { availability }] = await Promise.all([
      api.call(getContract, params),
      api.call(getProjectAvailability, params),
    ]);
    const committed = contract.inForce !== null || contract.versions.length > 0;
    return { project, plan, availability, committed };
  });

  if (resumed.loading) return <Loading />;
  if (resumed.error !== undefined) {
    return (
      <div className="stack">
        <title>Start a project · Recital</title>
        <h1>Start a project</h1>
        <LoadError error={resumed.error} onRetry={resumed.reload} />
      </div>
    );
  }
  const data = resumed.data ?? null;
  if (data?.committed) {
    const base = `/projects/${data.project.id}`;
    return (
      <div className="stack">
        <title>{`${data.project.name} · Recital`}</title>
        <div>
          <p className="eyebrow">Start a project</p>
          <h1>{data.project.name} is under way</h1>
          <p className="lead">
            It already has a commitment, so there is nothing to set up. Change hours, witnesses or the ladder
            on the commitment page, or import a new version of the plan.
          </p>
        </div>
        <p className="actions">
          <Link className="button button-primary" to={`${base}/today`}>
            Go to today
          </Link>
          <Link className="button button-secondary" to={`${base}/contract`}>
            Commitment
          </Link>
          <Link className="button button-secondary" to={`${base}/plan`}>
            Plan
          </Link>
          <Link className="button button-secondary" to="/start">
            Start another project
          </Link>
        </p>
      </div>
    );
  }
  // A resumed project goes to the step it needs next (or the one asked for, when it can be opened).
  const natural: StepIndex = !data ? 0 : data.plan ? 2 : 1;
  const asked = Number.isInteger(stepParam) && stepParam >= 1 ? clampStep(stepParam - 1) : natural;
  const firstStep = data ? (asked <= natural ? asked : natural) : 0;
  return <Intake key={visit} resumed={data} firstStep={firstStep} />;
}
