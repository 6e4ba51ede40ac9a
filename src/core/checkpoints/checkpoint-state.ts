import {
  instantMs,
  type CheckpointEvent,
  type CheckpointState,
  type CheckpointStatus,
  type ReviewedEvent,
  type SubmissionView,
} from './checkpoint.model.js';

/**
 * Folds a checkpoint's events into its state. Pure: the same events, due instant and `now` always
 * give the same state.
 *
 * Status follows the latest submission and its review; reminders and escalations never change it.
 * With no submission, a checkpoint is `missed` from its due instant on, whether or not the sweep
 * has recorded the `missed` event yet (`missedAt` says whether it has). A submission at or after
 * `dueAt` is late, including one after `missed`; `late` describes the current submission.
 * Throws RangeError when `dueAt` or `now` is not an ISO instant (a caller bug, not user input).
 *
 * @example checkpointState([], '2026-05-01T22:00:00.000Z', '2026-05-02T08:00:00.000Z').status // 'missed'
 */
export function checkpointState(
  events: readonly CheckpointEvent[],
  dueAt: string,
  now: string,
): CheckpointState {
  const due = instantMs(dueAt);
  const nowMs = instantMs(now);
  if (Number.isNaN(due) || Number.isNaN(nowMs)) throw new RangeError('dueAt and now must be ISO instants');
  let currentSubmission: SubmissionView | null = null;
  let lastReview: ReviewedEvent | null = null;
  const reviews: ReviewedEvent[] = [];
  let submittedCount = 0;
  let missedAt: string | null = null;

  for (const event of events) {
    switch (event.type) {
      case 'submitted':
        submittedCount += 1;
        currentSubmission = {
          submissionId: event.submissionId,
          by: event.by,
          at: event.at,
          proof: event.proof,
          note: event.note,
          late: instantMs(event.at) >= due,
        };
        lastReview = null;
        break;
      case 'reviewed':
        reviews.push(event);
        // A review of anything but the current submission (impossible through `decide`) is history only.
        if (event.submissionId === currentSubmission?.submissionId) lastReview = event;
        break;
      case 'missed':
        missedAt ??= event.at;
        break;
      case 'reminder_sent':
      case 'escalated':
        break;
    }
  }

  return {
    status: statusOf(currentSubmission, lastReview, missedAt, nowMs >= due),
    late: currentSubmission?.late ?? false,
    currentSubmission,
    reviews,
    submittedCount,
    missedAt,
  };
}

function statusOf(
  submission: SubmissionView | null,
  review: ReviewedEvent | null,
  missedAt: string | null,
  pastDue: boolean,
): CheckpointStatus {
  if (submission) return review ? review.decision : 'submitted';
  return missedAt !== null || pastDue ? 'missed' : 'pending';
}
