import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { listReviews } from '../../contracts/checkpoints.contract.js';
import { listWitnessed } from '../../contracts/cohort.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { HealthBadge, LateBadge, StatusBadge } from '../components/checkpoint/badges.js';
import { EvidenceSummary } from '../components/checkpoint/evidence.js';
import { formatLocalDate, plural } from '../components/checkpoint/format.js';
import { ProofList } from '../components/checkpoint/proof-list.js';
import { ReviewForm } from '../components/checkpoint/review-form.js';
import { AtRiskList } from '../components/forecast/at-risk-list.js';
import { AtRiskBadge, ChanceSummary } from '../components/forecast/checkpoint-chance.js';
import { formatInstant } from '../lib/format.js';
import { useLiveReload } from '../lib/live.js';
import { useApi, useUser } from '../lib/session.js';
import { useQuery, type Query } from '../lib/use-query.js';

function checkpointPath(projectId: string, checkpointId: string): string {
  return `/projects/${encodeURIComponent(projectId)}/checkpoints/${encodeURIComponent(checkpointId)}`;
}

type QueueItem = z.output<(typeof listReviews)['response']>['items'][number];
type Witnessed = z.output<(typeof listWitnessed)['response']>;

function QueueItemCard({ item, onReviewed }: { item: QueueItem; onReviewed(message: string): void }) {
  const user = useUser();
  const { checkpoint } = item;
  const current = checkpoint.current;
  const headingId = `review-${item.projectId}-${checkpoint.id}`;
  return (
    <li className="card stack-small cp-queue-item" aria-labelledby={headingId}>
      <div className="cp-queue-head">
        <div>
          <p className="eyebrow">
            {item.projectName} · {item.builderName}
          </p>
          <h3 id={headingId} className="cp-queue-title">
            <Link to={checkpointPath(item.projectId, checkpoint.id)}>{checkpoint.title}</Link>
          </h3>
          <p className="muted">
            Waiting since {formatInstant(item.waitingSince, user.timeZone)} · due{' '}
            {formatLocalDate(checkpoint.dueDate)}
          </p>
        </div>
        <p className="badges">
          <StatusBadge status={checkpoint.status} />
          {checkpoint.late && <LateBadge />}
        </p>
      </div>
      <EvidenceSummary evidence={item.evidence} />
      {current && (
        <div className="stack-small">
          <h4 className="cp-subheading">Proof</h4>
          {current.note && (
            <p className="cp-note">
              <span className="muted">Note: </span>
              {current.note}
            </p>
          )}
          <ProofList proof={current.proof} checks={current.checks} projectId={item.projectId} />
        </div>
      )}
      <div className="actions">
        <Link
          className="button button-secondary button-small"
          to={checkpointPath(item.projectId, checkpoint.id)}
          aria-label={`Open checkpoint ${checkpoint.title} by ${item.builderName}`}
        >
          Open checkpoint
        </Link>
      </div>
      {current && (
        <details className="cp-quick">
          <summary>Quick review</summary>
          <ReviewForm
            projectId={item.projectId}
            checkpointId={checkpoint.id}
            submissionId={current.submissionId}
            subject={`${checkpoint.title} by ${item.builderName}`}
            onReviewed={(detail) =>
              onReviewed(
                `${detail.checkpoint.status === 'approved' ? 'Approved' : 'Rejected'} “${checkpoint.title}” by ${item.builderName}. They have been told.`,
              )
            }
          />
        </details>
      )}
    </li>
  );
}

/** Checkpoints of the builders you witness whose chance of holding is under the threshold. */
function AtRiskSection({ witnessed }: { witnessed: Witnessed }) {
  const items = witnessed.projects.flatMap((project) =>
    project.atRisk.map((checkpoint) => ({
      projectId: project.projectId,
      checkpointId: checkpoint.id,
      title: checkpoint.title,
      builderName: project.builderName,
      projectName: project.projectName,
      dueDate: checkpoint.dueDate,
      chance: checkpoint,
    })),
  );
  if (items.length === 0) return null;
  return (
    <section className="card stack-small" aria-labelledby="at-risk-heading">
      <h2 id="at-risk-heading">At risk, before they are missed ({items.length})</h2>
      <p className="muted">
        Forecasts from each builder’s own pace give these checkpoints a chance of holding under their
        workspace’s threshold. A word now can still save the date.
      </p>
      <AtRiskList items={items} empty="" />
    </section>
  );
}

function WitnessedList({ witnessed }: { witnessed: Query<Witnessed> }) {
  if (witnessed.loading && !witnessed.data) return <Loading />;
  if (!witnessed.data) return <LoadError error={witnessed.error} onRetry={witnessed.reload} />;
  const { projects } = witnessed.data;
  if (projects.length === 0)
    return <p className="empty">You do not witness anyone yet. A builder names you in their commitment.</p>;
  return (
    <ul className="list">
      {projects.map((project) => (
        <li key={project.projectId} className="list-item cp-witnessed">
          <div>
            <p className="list-title">
              {project.builderName} <span className="prefix">· {project.projectName}</span>
            </p>
            <p className="muted">
              {project.role === 'backup_witness' ? 'You are the backup witness' : 'You witness'}
            </p>
          </div>
          <HealthBadge health={project.health} />
          <dl className="cp-mini-facts">
            <div>
              <dt>Streak</dt>
              <dd>{plural(project.streak, 'day')}</dd>
            </div>
            <div>
              <dt>Last shown up</dt>
              <dd>{project.lastShowedUp ? formatLocalDate(project.lastShowedUp) : 'Not yet'}</dd>
            </div>
            <div>
              <dt>Waiting for you</dt>
              <dd>{project.waitingReviews}</dd>
            </div>
            <div>
              <dt>Next checkpoint</dt>
              <dd>
                {project.nextCheckpoint ? (
                  <>
                    <Link to={checkpointPath(project.projectId, project.nextCheckpoint.id)}>
                      {project.nextCheckpoint.title}
                    </Link>
                    <span className="muted"> · {formatLocalDate(project.nextCheckpoint.dueDate)}</span>
                  </>
                ) : (
                  'None'
                )}
              </dd>
            </div>
            {project.nextCheckpoint && project.nextCheckpointChance && (
              <div>
                <dt>Chance it holds</dt>
                <dd>
                  <ChanceSummary
                    chance={project.nextCheckpointChance}
                    dueDate={project.nextCheckpoint.dueDate}
                  />
                  {project.nextCheckpointChance.atRisk && (
                    <>
                      {' '}
                      <AtRiskBadge />
                    </>
                  )}
                </dd>
              </div>
            )}
            {project.missed.length > 0 && (
              <div>
                <dt>Missed</dt>
                <dd>
                  {project.missed.map((missed, at) => (
                    <span key={missed.id}>
                      {at > 0 && ', '}
                      <Link to={checkpointPath(project.projectId, missed.id)}>{missed.title}</Link>
                      <span className="muted"> · {formatLocalDate(missed.dueDate)}</span>
                    </span>
                  ))}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function ReviewsPage() {
  const api = useApi();
  const queue = useQuery('reviews', () => api.call(listReviews, {}));
  const witnessed = useQuery('witnessed', () => api.call(listWitnessed, {}));
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLParagraphElement>(null);
  useLiveReload(undefined, queue.reload);
  useLiveReload(undefined, witnessed.reload);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  const items = queue.data?.items;
  return (
    <div className="stack cp-page">
      <title>Reviews · Recital</title>
      <div>
        <h1>Reviews</h1>
        <p className="lead">
          Proof waiting for your decision, oldest first, with what each builder did since their previous
          checkpoint.
        </p>
      </div>
      {flash && (
        <p ref={flashRef} tabIndex={-1} className="cp-flash" role="status">
          {flash}
        </p>
      )}
      <section className="stack-small" aria-labelledby="queue-heading">
        <h2 id="queue-heading">Waiting for your review{items ? ` (${items.length})` : ''}</h2>
        {queue.loading && <Loading />}
        {queue.error !== undefined && !items && <LoadError error={queue.error} onRetry={queue.reload} />}
        {items?.length === 0 && <p className="card empty">Nothing is waiting for your review.</p>}
        {items && items.length > 0 && (
          <ul className="cp-queue">
            {items.map((item) => (
              <QueueItemCard
                key={`${item.projectId}:${item.checkpoint.id}:${item.checkpoint.current?.submissionId ?? ''}`}
                item={item}
                onReviewed={(message) => {
                  setFlash(message);
                  queue.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      {witnessed.data && <AtRiskSection witnessed={witnessed.data} />}
      <section className="card" aria-labelledby="witnessed-heading">
        <h2 id="witnessed-heading">Builders you witness</h2>
        <WitnessedList witnessed={witnessed} />
      </section>
    </div>
  );
}
