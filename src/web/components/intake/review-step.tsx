import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { proposeContract } from '../../../contracts/commitments.contract.js';
import { listMembers } from '../../../contracts/workspaces.contract.js';
import { isApiError, toFormError, type FormError } from '../../lib/api-errors.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { ACTION_LABELS, type Draft, type StepIndex } from './draft.js';
import { feasibilityOf } from './feasibility.js';
import { planSummary } from './plan-preview.js';
import { StepFrame } from './step-frame.js';
import { formatDate, formatHours, formatMinutes, plural, WEEKDAY_KEYS, WEEKDAY_NAMES } from './time.js';

function Row({
  label,
  step,
  onEdit,
  children,
}: {
  label: string;
  step: StepIndex;
  onEdit(step: StepIndex): void;
  children: ReactNode;
}) {
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd className="review-edit">
        <button
          type="button"
          className="link-button"
          onClick={() => onEdit(step)}
          aria-label={`Edit ${label.toLowerCase()}`}
        >
          Edit
        </button>
      </dd>
    </div>
  );
}

interface ReviewStepProps {
  draft: Draft;
  workspaceName: string;
  focusOnMount: boolean;
  onBack(): void;
  onEdit(step: StepIndex): void;
  onStarted(projectId: string): void;
}

export function ReviewStep({
  draft,
  workspaceName,
  focusOnMount,
  onBack,
  onEdit,
  onStarted,
}: ReviewStepProps) {
  const api = useApi();
  const { project, plan, hours, witness, commitment } = draft;
  const [error, setError] = useState<FormError | null>(null);
  const [committed, setCommitted] = useState(false);
  const [pending, setPending] = useState(false);
  const workspaceId = project?.workspaceId ?? '';
  // An invited witness who has accepted meanwhile is a member now, and can be named.
  const members = useQuery(`members:${workspaceId}:review`, () =>
    witness.mode === 'invite' && workspaceId
      ? api.call(listMembers, { params: { workspaceId } })
      : Promise.resolve({ members: [] }),
  );
  const joined =
    witness.mode === 'invite'
      ? members.data?.members.find((member) => member.email.toLowerCase() === witness.email.toLowerCase())
      : undefined;

  if (!project) return null;
  const schedule = hours.saved;
  const verdict = schedule ? feasibilityOf(schedule, hours.minutes, hours.launchDate) : null;
  const days = WEEKDAY_KEYS.filter((day) => hours.minutes[day] > 0);
  const weekly = WEEKDAY_KEYS.reduce((sum, day) => sum + hours.minutes[day], 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const witnesses =
      witness.mode === 'member'
        ? [witness.userId]
        : witness.mode === 'invite' && joined
          ? [joined.userId]
          : [];
    try {
      await api.call(proposeContract, {
        params: { projectId: project.id },
        body: {
          ladder: commitment.ladder.map(({ afterConsecutiveSkips, action }) => ({
            afterConsecutiveSkips,
            action,
          })),
          graceTokensPerSprint: commitment.graceTokens,
          sprintLengthDays: commitment.sprintDays,
          ...(witnesses.length > 0 ? { witnesses } : {}),
        },
      });
      onStarted(project.id);
    } catch (caught) {
      if (isApiError(caught, 'contracts.reason_required')) {
        setCommitted(true);
        setError({
          message: 'This project already has a commitment, so there is nothing to start.',
          fields: {},
          other: [],
        });
      } else setError(toFormError(caught));
      setPending(false);
    }
  };

  return (
    <StepFrame
      title="Review and start"
      lead="This is what you commit to. Your first judged day is tomorrow; today is for getting going."
      error={error}
      pending={pending}
      nextLabel="Start"
      pendingLabel="Starting…"
      onBack={onBack}
      onSubmit={(event) => void submit(event)}
      focusOnMount={focusOnMount}
    >
      {committed && (
        <p>
          <Link to={`/projects/${project.id}/today`}>Go to today’s plan</Link>
        </p>
      )}
      <dl className="review">
        <Row label="Project" step={0} onEdit={onEdit}>
          <p className="review-strong">{project.name}</p>
          {project.summary && <p>{project.summary}</p>}
          {project.audience && <p className="muted">For {project.audience}</p>}
          <p className="muted">In {workspaceName}</p>
        </Row>
        <Row label="Plan" step={1} onEdit={onEdit}>
          {plan.imported ? (
            <>
              <p className="review-strong">
                Version {plan.imported.number}
                {plan.imported.sourceName ? ` from ${plan.imported.sourceName}` : ''}
              </p>
              <p className="muted">{planSummary(plan.imported)}</p>
            </>
          ) : (
            <p className="warning">No plan imported yet.</p>
          )}
        </Row>
        <Row label="Hours" step={2} onEdit={onEdit}>
          <p className="review-strong">{formatHours(weekly / 60)} a week</p>
          <p className="muted">
            {days
              .map((day) => `${WEEKDAY_NAMES[day].slice(0, 3)} ${formatMinutes(hours.minutes[day])}`)
              .join(' · ')}
          </p>
          <p>
            Launch {formatDate(hours.launchDate, { year: true })}
            {verdict &&
              (verdict.holds ? (
                <span className="tag tag-ok"> ✓ holds</span>
              ) : (
                <span className="tag tag-bad"> ✕ does not hold at these hours</span>
              ))}
          </p>
          {schedule && schedule.checkpoints.length > 0 && (
            <ul className="review-checkpoints">
              {schedule.checkpoints.map((checkpoint) => (
                <li key={checkpoint.id}>
                  {checkpoint.title}
                  {checkpoint.dueDate && (
                    <span className="muted"> · due {formatDate(checkpoint.dueDate)}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Witness" step={3} onEdit={onEdit}>
          {witness.mode === 'member' && (
            <p>
              <span className="review-strong">{witness.name}</span>{' '}
              <span className="muted">({witness.email})</span>
            </p>
          )}
          {witness.mode === 'invite' &&
            (joined ? (
              <p>
                <span className="review-strong">{joined.displayName}</span> accepted your invitation and will
                be your witness.
              </p>
            ) : (
              <p>
                <span className="review-strong">{witness.email}</span> is invited but has not joined yet. You
                start without a witness and add them once they accept.
              </p>
            ))}
          {witness.mode === 'none' && <p>No witness for now.</p>}
        </Row>
        <Row label="Commitment" step={4} onEdit={onEdit}>
          {commitment.ladder.length === 0 ? (
            <p>No consequences for skipped days.</p>
          ) : (
            <ol className="review-ladder">
              {commitment.ladder.map((step) => (
                <li key={step.key}>
                  After {plural(step.afterConsecutiveSkips, 'skipped day')} in a row:{' '}
                  <strong>{ACTION_LABELS[step.action].label.toLowerCase()}</strong>
                </li>
              ))}
            </ol>
          )}
          <p className="muted">
            {plural(commitment.graceTokens, 'grace token')} every {plural(commitment.sprintDays, 'day')}
          </p>
        </Row>
      </dl>
    </StepFrame>
  );
}
