import type { CheckpointDetail } from '../../../contracts/checkpoints.contract.js';
import { formatInstant } from '../../lib/format.js';
import { LateBadge } from './badges.js';
import { REASON_SHORT, isReason } from './format.js';
import { ProofList } from './proof-list.js';

type Review = CheckpointDetail['reviews'][number];
type HistoryEntry = CheckpointDetail['history'][number];

export type NameOf = (userId: string | null) => string;

function ReviewOutcome({ review, nameOf, timeZone }: { review: Review; nameOf: NameOf; timeZone: string }) {
  const approved = review.decision === 'approved';
  return (
    <div className={`cp-outcome cp-outcome-${review.decision}`}>
      <p>
        <span aria-hidden="true" className="cp-symbol">
          {approved ? '✓' : '✕'}
        </span>{' '}
        <strong>{approved ? 'Approved' : 'Rejected'}</strong>
        {!approved && review.reason && <> ({REASON_SHORT[review.reason]})</>} by {nameOf(review.by)} on{' '}
        {formatInstant(review.at, timeZone)}
      </p>
      {review.comment && <blockquote className="cp-comment">{review.comment}</blockquote>}
    </div>
  );
}

/** Every submission, newest first, with its proof, pre-checks and the review it got. */
export function Submissions({
  detail,
  nameOf,
  timeZone,
  shownAbove,
}: {
  detail: CheckpointDetail;
  nameOf: NameOf;
  timeZone: string;
  /** A submission whose proof the page already shows (the one under review): not repeated here. */
  shownAbove?: string | undefined;
}) {
  const { submissions, reviews, checkpoint } = detail;
  if (submissions.length === 0) return <p className="empty">Nothing has been submitted yet.</p>;
  const numbered = submissions.map((submission, index) => ({ submission, number: index + 1 })).reverse();
  return (
    <ol className="cp-submissions" reversed>
      {numbered.map(({ submission, number }) => {
        const review = reviews.find((r) => r.submissionId === submission.submissionId);
        const current = checkpoint.current?.submissionId === submission.submissionId;
        return (
          <li key={submission.submissionId} className="cp-submission" aria-labelledby={`sub-${number}`}>
            <h3 id={`sub-${number}`} className="cp-submission-title">
              Submission {number}
              <span className="muted cp-submission-meta">
                {' '}
                · {formatInstant(submission.at, timeZone)} by {nameOf(submission.by)}
              </span>{' '}
              {submission.late && <LateBadge />}{' '}
              {current && checkpoint.status === 'submitted' && (
                <span className="status cp-status cp-status-submitted">Waiting for review</span>
              )}
            </h3>
            {submission.submissionId === shownAbove ? (
              <p className="muted">Its proof is shown above, with the review form.</p>
            ) : (
              <>
                {submission.note && (
                  <p className="cp-note">
                    <span className="muted">Note: </span>
                    {submission.note}
                  </p>
                )}
                <ProofList
                  proof={submission.proof}
                  checks={submission.checks}
                  projectId={checkpoint.projectId}
                />
              </>
            )}
            {review && <ReviewOutcome review={review} nameOf={nameOf} timeZone={timeZone} />}
          </li>
        );
      })}
    </ol>
  );
}

/** The server's line names rejection reasons by code; people read the words. */
function humanDetail(detail: string): string {
  return detail.replace(/\((\w+)\)/, (whole, code: string) =>
    isReason(code) ? `(${REASON_SHORT[code]})` : whole,
  );
}

const EVENT_LABELS: Record<HistoryEntry['type'], string> = {
  submitted: 'Submitted',
  reviewed: 'Reviewed',
  missed: 'Missed',
  reminder_sent: 'Reminder',
  escalated: 'Escalated',
};

/** The checkpoint's whole record, including reminders and escalations, oldest first. */
export function Timeline({
  history,
  nameOf,
  timeZone,
}: {
  history: CheckpointDetail['history'];
  nameOf: NameOf;
  timeZone: string;
}) {
  if (history.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  return (
    <ol className="cp-timeline">
      {history.map((entry, index) => (
        <li key={index} className={`cp-event cp-event-${entry.type}`}>
          <span className="cp-event-type">{EVENT_LABELS[entry.type]}</span>
          <span className="cp-event-body">
            <span className="muted">
              {formatInstant(entry.at, timeZone)}
              {entry.by ? ` · ${nameOf(entry.by)}` : ' · Recital'}
            </span>
            <span>{humanDetail(entry.detail)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
