import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  getCheckpoint,
  type CheckpointDetail,
  type CheckpointDto,
} from '../../contracts/checkpoints.contract.js';
import { getContract } from '../../contracts/commitments.contract.js';
import { getProject } from '../../contracts/projects.contract.js';
import { getWorkspace, listMembers } from '../../contracts/workspaces.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { LateBadge, StatusBadge } from '../components/checkpoint/badges.js';
import type { CheckpointStatus } from '../components/checkpoint/format.js';
import { REASON_SHORT, formatLocalDate } from '../components/checkpoint/format.js';
import { Submissions, Timeline, type NameOf } from '../components/checkpoint/history.js';
import { ProofForm } from '../components/checkpoint/proof-form.js';
import { ProofList } from '../components/checkpoint/proof-list.js';
import { ReviewForm } from '../components/checkpoint/review-form.js';
import { CheckpointForecast } from '../components/forecast/checkpoint-forecast.js';
import { formatInstant } from '../lib/format.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';

/** Who is who around a project; each part may be unavailable to the viewer without breaking the page. */
function useProjectContext(projectId: string) {
  const api = useApi();
  return useQuery(`checkpoint-context:${projectId}`, async () => {
    const project = await api.call(getProject, { params: { projectId } });
    const workspaceId = project.workspaceId;
    const [members, workspace, contract] = await Promise.allSettled([
      api.call(listMembers, { params: { workspaceId } }),
      api.call(getWorkspace, { params: { workspaceId } }),
      api.call(getContract, { params: { projectId } }),
    ]);
    return {
      project,
      members: members.status === 'fulfilled' ? members.value.members : null,
      myRoles: workspace.status === 'fulfilled' ? workspace.value.myRoles : null,
      contract: contract.status === 'fulfilled' ? contract.value.inForce : null,
    };
  });
}

function DueDate({
  checkpoint,
  builderZone,
  viewerZone,
}: {
  checkpoint: CheckpointDto;
  builderZone: string | null;
  viewerZone: string;
}) {
  if (!builderZone)
    return (
      <time dateTime={checkpoint.dueAt}>
        {formatLocalDate(checkpoint.dueDate)}, end of the builder’s day (
        {formatInstant(checkpoint.dueAt, viewerZone)} your time)
      </time>
    );
  return (
    <>
      <time dateTime={checkpoint.dueAt}>
        {formatLocalDate(checkpoint.dueDate)}, end of the day in {builderZone}
      </time>
      {builderZone !== viewerZone && (
        <span className="muted"> ({formatInstant(checkpoint.dueAt, viewerZone)} your time)</span>
      )}
    </>
  );
}

function Criteria({ criteria, approved }: { criteria: readonly string[]; approved: boolean }) {
  if (criteria.length === 0)
    return <p className="empty">No acceptance criteria were written for this checkpoint.</p>;
  if (approved)
    return (
      <ul className="cp-criteria">
        {criteria.map((criterion, index) => (
          <li key={index} className="cp-criterion cp-criterion-met">
            <span aria-hidden="true" className="cp-symbol">
              ✓
            </span>{' '}
            {criterion}
            <span className="visually-hidden"> (met: the checkpoint is approved)</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <p className="muted">
        Tick each one as you look at the proof. The ticks are only for you; they are not saved.
      </p>
      <ul className="cp-criteria">
        {criteria.map((criterion, index) => (
          <li key={index} className="cp-criterion">
            <label className="cp-criterion-label">
              <input type="checkbox" />
              <span>{criterion}</span>
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One sentence about where things stand, worded for the person looking. */
function Situation({
  detail,
  isBuilder,
  canReview,
  nameOf,
  witnessNames,
}: {
  detail: CheckpointDetail;
  isBuilder: boolean;
  canReview: boolean;
  nameOf: NameOf;
  witnessNames: string | null;
}) {
  const { checkpoint, reviews } = detail;
  const last = reviews.at(-1);
  switch (checkpoint.status) {
    case 'pending':
      return isBuilder ? null : <p className="notice">Nothing has been submitted yet.</p>;
    case 'submitted':
      if (isBuilder)
        return (
          <p className="notice">
            Your proof is waiting for review{witnessNames ? ` by ${witnessNames}` : ''}. Their decision
            appears here as soon as they make it.
          </p>
        );
      return canReview ? null : (
        <p className="notice">The latest submission is waiting for its witness’s review.</p>
      );
    case 'approved':
      return (
        <p className="cp-banner cp-banner-approved">
          <span aria-hidden="true" className="cp-symbol">
            ✓
          </span>{' '}
          Approved{last ? ` by ${nameOf(last.by)}` : ''}. Approval is final.
        </p>
      );
    case 'rejected':
      return (
        <div className="cp-banner cp-banner-rejected">
          <p>
            <span aria-hidden="true" className="cp-symbol">
              ✕
            </span>{' '}
            Rejected{last ? ` by ${nameOf(last.by)}` : ''}
            {last?.reason ? ` (${REASON_SHORT[last.reason]})` : ''}.
            {isBuilder ? ' Fix what is missing and submit new proof below.' : ' The builder can resubmit.'}
          </p>
          {last?.comment && <blockquote className="cp-comment">{last.comment}</blockquote>}
        </div>
      );
    case 'missed':
      return (
        <p className="warning">
          The due time passed without proof.{' '}
          {isBuilder
            ? 'You can still submit; it will be marked late.'
            : 'A late submission is still accepted.'}
        </p>
      );
  }
}

export function CheckpointPage() {
  const { projectId = '', checkpointId = '' } = useParams();
  const api = useApi();
  const user = useUser();
  const detail = useQuery(`checkpoint:${projectId}:${checkpointId}`, () =>
    api.call(getCheckpoint, { params: { projectId, checkpointId } }),
  );
  const context = useProjectContext(projectId);
  // What the viewer just did, shown while the checkpoint is still in the state it led to.
  const [flash, setFlash] = useState<{ message: string; status: CheckpointStatus } | null>(null);
  const flashRef = useRef<HTMLParagraphElement>(null);
  useLiveReload(projectId, detail.reload);
  const shownFlash = flash && detail.data?.checkpoint.status === flash.status ? flash.message : null;

  useEffect(() => {
    if (shownFlash) flashRef.current?.focus();
  }, [shownFlash]);

  if (detail.loading || context.loading) return <Loading label="Loading the checkpoint…" />;
  if (!detail.data || !context.data) {
    return (
      <div className="stack">
        <title>Checkpoint · Recital</title>
        <h1>Checkpoint</h1>
        <LoadError
          error={detail.error ?? context.error}
          onRetry={() => {
            detail.reload();
            context.reload();
          }}
        />
        <p>
          <Link to="/">Back to your workspaces</Link>
        </p>
      </div>
    );
  }

  const { checkpoint } = detail.data;
  const { project, members, myRoles, contract } = context.data;
  const isBuilder = project.builderId === user.id;
  const byId = new Map((members ?? []).map((m) => [m.userId, m]));
  const nameOf: NameOf = (id) => {
    if (id === null) return 'Recital';
    if (id === user.id) return `${user.displayName} (you)`;
    return byId.get(id)?.displayName ?? 'a former member';
  };
  const witnesses = contract?.witnesses ?? [];
  const witnessNames = witnesses.length > 0 ? witnesses.map(nameOf).join(', ') : null;
  const canReview =
    !isBuilder &&
    (myRoles === null && contract === null
      ? true
      : (myRoles ?? []).includes('organizer') ||
        witnesses.includes(user.id) ||
        contract?.backupWitness === user.id);
  const builderZone = byId.get(project.builderId)?.timeZone ?? (isBuilder ? user.timeZone : null);
  const canSubmit = isBuilder && ['pending', 'rejected', 'missed'].includes(checkpoint.status);
  const current = checkpoint.current;
  const reviewing = canReview && checkpoint.status === 'submitted' && current !== null;

  return (
    <div className="stack cp-page">
      <title>{`${checkpoint.title} · ${project.name} · Recital`}</title>
      <nav aria-label="Breadcrumb" className="cp-breadcrumb">
        <ol>
          <li>
            <Link to={`/workspaces/${project.workspaceId}`}>Workspace</Link>
          </li>
          <li>{project.name}</li>
          <li aria-current="page">Checkpoint</li>
        </ol>
      </nav>
      <div>
        <p className="eyebrow">{project.name} · checkpoint</p>
        <h1>{checkpoint.title}</h1>
        <p className="cp-status-line" role="status" aria-live="polite">
          <span className="visually-hidden">Status: </span>
          <StatusBadge status={checkpoint.status} /> {checkpoint.late && <LateBadge />}
        </p>
      </div>

      {shownFlash && (
        <p ref={flashRef} tabIndex={-1} className="cp-flash" role="status">
          {shownFlash}
        </p>
      )}

      <section className="card" aria-labelledby="cp-facts-heading">
        <h2 id="cp-facts-heading" className="visually-hidden">
          About this checkpoint
        </h2>
        <dl className="facts">
          <dt>Due</dt>
          <dd>
            <DueDate checkpoint={checkpoint} builderZone={builderZone} viewerZone={user.timeZone} />
          </dd>
          <dt>Builder</dt>
          <dd>{nameOf(project.builderId)}</dd>
          {witnessNames && (
            <>
              <dt>{witnesses.length === 1 ? 'Witness' : 'Witnesses'}</dt>
              <dd>
                {witnessNames}
                {contract?.backupWitness && (
                  <span className="muted"> · backup {nameOf(contract.backupWitness)}</span>
                )}
              </dd>
            </>
          )}
          <dt>Submissions</dt>
          <dd>{checkpoint.submittedCount}</dd>
          {checkpoint.missedAt && (
            <>
              <dt>Missed</dt>
              <dd>{formatInstant(checkpoint.missedAt, user.timeZone)}</dd>
            </>
          )}
        </dl>
      </section>

      <CheckpointForecast projectId={projectId} checkpointId={checkpointId} />

      <Situation
        detail={detail.data}
        isBuilder={isBuilder}
        canReview={canReview}
        nameOf={nameOf}
        witnessNames={witnessNames}
      />

      <section className="card stack-small" aria-labelledby="cp-criteria-heading">
        <h2 id="cp-criteria-heading">Acceptance criteria</h2>
        <Criteria criteria={checkpoint.criteria} approved={checkpoint.status === 'approved'} />
      </section>

      {canSubmit && (
        <ProofForm
          key={checkpoint.submittedCount}
          projectId={projectId}
          checkpointId={checkpointId}
          resubmission={checkpoint.status === 'rejected'}
          onSubmitted={(next) => {
            setFlash({
              message: `Proof submitted${next.checkpoint.late ? ' (late)' : ''}. Your witness has been told; the pre-checks are below.`,
              status: next.checkpoint.status,
            });
            detail.reload();
          }}
        />
      )}

      {reviewing && current && (
        <section className="card stack-small cp-review" aria-labelledby="cp-review-heading">
          <h2 id="cp-review-heading">Review the submission</h2>
          <p className="muted">
            Submitted {formatInstant(current.at, user.timeZone)} by {nameOf(current.by)}
            {current.late ? ', after the due time' : ''}.
          </p>
          {current.note && (
            <p className="cp-note">
              <span className="muted">Note: </span>
              {current.note}
            </p>
          )}
          <ProofList proof={current.proof} checks={current.checks} projectId={projectId} />
          <ReviewForm
            key={current.submissionId}
            projectId={projectId}
            checkpointId={checkpointId}
            submissionId={current.submissionId}
            subject={`${checkpoint.title} by ${nameOf(project.builderId)}`}
            onReviewed={(next) => {
              setFlash({
                message:
                  next.checkpoint.status === 'approved'
                    ? 'Approved. The builder has been told.'
                    : 'Rejected. The builder has been told what is missing and can resubmit.',
                status: next.checkpoint.status,
              });
              detail.reload();
            }}
          />
        </section>
      )}

      <section className="card stack-small" aria-labelledby="cp-submissions-heading">
        <h2 id="cp-submissions-heading">Submissions and reviews</h2>
        <Submissions
          detail={detail.data}
          nameOf={nameOf}
          timeZone={user.timeZone}
          shownAbove={reviewing ? current?.submissionId : undefined}
        />
      </section>

      <section className="card stack-small" aria-labelledby="cp-history-heading">
        <h2 id="cp-history-heading">History</h2>
        <p className="muted">
          Everything that happened, reminders and escalations included. Times are yours.
        </p>
        <Timeline history={detail.data.history} nameOf={nameOf} timeZone={user.timeZone} />
      </section>
    </div>
  );
}
