import { instantMs, type CheckpointEvent } from './checkpoint.model.js';

export interface ReviewDutyPolicy {
  /** Hours after a submission before the witnesses are reminded. */
  remindAfterHours: number;
  /** Hours after a submission before the review is escalated; more than `remindAfterHours`. */
  escalateAfterHours: number;
  /** Whether the contract names a backup witness; escalation goes to them, else to the organizers. */
  hasBackupWitness: boolean;
}

/** A role to contact: the caller resolves it to users and records the matching event. */
export type ReviewDuty =
  | { kind: 'remind'; to: 'witnesses'; dueAt: string }
  | { kind: 'escalate'; to: 'backup_witness' | 'organizer'; dueAt: string };

const HOUR_MS = 3_600_000;

/**
 * The reminders and escalations due now for the submission waiting for review. Each fires once per
 * submission: a `reminder_sent` / `escalated` event after the submission means it was done, and a
 * resubmission starts the clock again. When a sweep ran late and both are due, both are returned,
 * reminder first.
 *
 * @example
 * reviewDuties(events, '2026-05-03T10:00:00Z', { remindAfterHours: 24, escalateAfterHours: 72, hasBackupWitness: false })
 * // [{ kind: 'remind', to: 'witnesses', dueAt: '2026-05-02T09:00:00.000Z' }]
 */
export function reviewDuties(
  events: readonly CheckpointEvent[],
  now: string,
  policy: ReviewDutyPolicy,
): ReviewDuty[] {
  assertPolicy(policy);
  const nowMs = instantMs(now);
  if (Number.isNaN(nowMs)) throw new RangeError('now must be an ISO instant');

  const lastSubmission = events.findLastIndex((event) => event.type === 'submitted');
  const submission = events[lastSubmission];
  if (!submission) return [];
  const since = events.slice(lastSubmission + 1);
  if (since.some((event) => event.type === 'reviewed')) return [];

  const submittedAt = instantMs(submission.at);
  const remindAt = submittedAt + policy.remindAfterHours * HOUR_MS;
  const escalateAt = submittedAt + policy.escalateAfterHours * HOUR_MS;
  const duties: ReviewDuty[] = [];
  if (nowMs >= remindAt && !since.some((event) => event.type === 'reminder_sent')) {
    duties.push({ kind: 'remind', to: 'witnesses', dueAt: new Date(remindAt).toISOString() });
  }
  if (nowMs >= escalateAt && !since.some((event) => event.type === 'escalated')) {
    const to = policy.hasBackupWitness ? 'backup_witness' : 'organizer';
    duties.push({ kind: 'escalate', to, dueAt: new Date(escalateAt).toISOString() });
  }
  return duties;
}

function assertPolicy(policy: ReviewDutyPolicy): void {
  const { remindAfterHours: remind, escalateAfterHours: escalate } = policy;
  if (!(Number.isFinite(remind) && remind > 0 && Number.isFinite(escalate) && escalate > remind)) {
    throw new RangeError(
      `review policy needs 0 < remindAfterHours < escalateAfterHours (got ${remind} and ${escalate})`,
    );
  }
}
