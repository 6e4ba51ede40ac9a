/**
 * A checkpoint's history: an append-only list of events. Its state is never stored; it is
 * folded from the events (`checkpointState`), so history cannot disagree with state.
 * Instants are ISO 8601 UTC strings, as everywhere in Recital.
 */

export type ProofItem =
  | { kind: 'commits'; shas: string[] }
  | { kind: 'commit_range'; from: string; to: string }
  | { kind: 'pull_request'; url: string }
  | { kind: 'live_url'; url: string }
  | { kind: 'file'; fileId: string; mediaType: string; bytes: number; name: string }
  | { kind: 'text'; text: string };

export const REVIEW_DECISIONS = ['approved', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REJECTION_REASONS = ['incomplete', 'does_not_meet_criteria', 'cannot_verify', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface SubmittedEvent {
  type: 'submitted';
  submissionId: string;
  by: string;
  at: string;
  proof: ProofItem[];
  note: string;
}

export interface ReviewedEvent {
  type: 'reviewed';
  /** The submission this review judged, so a stale review can never land on a newer one. */
  submissionId: string;
  by: string;
  at: string;
  decision: ReviewDecision;
  /** Present exactly when `decision` is 'rejected'. */
  reason?: RejectionReason;
  comment: string;
}

export interface MissedEvent {
  type: 'missed';
  at: string;
}

/** `to` is whatever the caller resolved the duty's role to (a user id, usually). */
export interface ReminderSentEvent {
  type: 'reminder_sent';
  to: string;
  at: string;
}

export interface EscalatedEvent {
  type: 'escalated';
  to: string;
  at: string;
}

export type CheckpointEvent =
  SubmittedEvent | ReviewedEvent | MissedEvent | ReminderSentEvent | EscalatedEvent;

export const CHECKPOINT_STATUSES = ['pending', 'submitted', 'approved', 'rejected', 'missed'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

export interface SubmissionView {
  submissionId: string;
  by: string;
  at: string;
  proof: ProofItem[];
  note: string;
  /** Submitted at or after the due instant. */
  late: boolean;
}

export interface CheckpointState {
  status: CheckpointStatus;
  /** The current submission was made after the due instant (false when there is none). */
  late: boolean;
  /** The latest submission, or null before the first one. */
  currentSubmission: SubmissionView | null;
  /** Every review, oldest first (rejections of earlier submissions included). */
  reviews: ReviewedEvent[];
  submittedCount: number;
  /** When a `missed` event was recorded; kept after a late submission, so history says both. */
  missedAt: string | null;
}

/** A refusal with a stable dotted code (see `src/server/shared` AppError) and a message for people. */
export interface Refusal {
  ok: false;
  code: CheckpointErrorCode;
  message: string;
}

export const CHECKPOINT_ERROR_CODES = [
  'checkpoints.invalid_instant',
  'checkpoints.out_of_order',
  'checkpoints.not_builder',
  'checkpoints.invalid_proof',
  'checkpoints.awaiting_review',
  'checkpoints.already_approved',
  'checkpoints.duplicate_submission',
  'checkpoints.self_review',
  'checkpoints.not_reviewer',
  'checkpoints.not_submitted',
  'checkpoints.stale_submission',
  'checkpoints.rejection_reason_required',
  'checkpoints.rejection_comment_required',
  'checkpoints.invalid_review',
  'checkpoints.not_due',
  'checkpoints.already_submitted',
] as const;
export type CheckpointErrorCode = (typeof CHECKPOINT_ERROR_CODES)[number];

/** Milliseconds since the epoch for an ISO instant, or NaN. */
export function instantMs(iso: string): number {
  // Date.parse accepts loose formats; insist on a full ISO instant with a zone.
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)
    ? Date.parse(iso)
    : Number.NaN;
}
