import type { Role } from '../access/roles.js';
import { checkpointState } from './checkpoint-state.js';
import {
  instantMs,
  REJECTION_REASONS,
  type CheckpointErrorCode,
  type CheckpointEvent,
  type CheckpointState,
  type ProofItem,
  type RejectionReason,
  type Refusal,
  type ReviewDecision,
} from './checkpoint.model.js';
import { proofIssues } from './proof.js';

export const MAX_REVIEW_COMMENT_LENGTH = 2_000;

export type CheckpointCommand =
  | { kind: 'submit'; actorId: string; submissionId: string; proof: ProofItem[]; note: string }
  | {
      kind: 'review';
      actorId: string;
      /** The submission the reviewer looked at; refused if it is no longer the current one. */
      submissionId: string;
      decision: ReviewDecision;
      reason?: RejectionReason;
      comment: string;
    }
  | { kind: 'markMissed' };

export interface CheckpointContext {
  events: readonly CheckpointEvent[];
  dueAt: string;
  /** Stamped on the new event; never earlier than the last event. */
  now: string;
  /** The project's builder. */
  builderId: string;
  /** The actor's roles in the workspace, or undefined when they are not a member. */
  actorRoles: readonly Role[] | undefined;
}

/** `event` is null when the command is an idempotent no-op (marking a missed checkpoint again). */
export type CheckpointDecision = { ok: true; event: CheckpointEvent | null } | Refusal;

const refuse = (code: CheckpointErrorCode, message: string): Refusal => ({ ok: false, code, message });

/**
 * Decides whether a command may happen and which event records it. Pure: the caller appends the
 * event (in the same transaction as its audit row) or reports the refusal.
 *
 * @example
 * decide({ kind: 'markMissed' }, { events: [], dueAt, now, builderId, actorRoles: undefined })
 * // { ok: true, event: { type: 'missed', at: now } } once now >= dueAt
 */
export function decide(command: CheckpointCommand, context: CheckpointContext): CheckpointDecision {
  const now = instantMs(context.now);
  if (Number.isNaN(now) || Number.isNaN(instantMs(context.dueAt))) {
    return refuse('checkpoints.invalid_instant', 'now and dueAt must be ISO 8601 instants');
  }
  const last = context.events.at(-1);
  if (last && instantMs(last.at) > now) {
    return refuse('checkpoints.out_of_order', `the last event is at ${last.at}, after ${context.now}`);
  }
  const state = checkpointState(context.events, context.dueAt, context.now);
  switch (command.kind) {
    case 'submit':
      return decideSubmit(command, context, state);
    case 'review':
      return decideReview(command, context, state);
    case 'markMissed':
      return decideMissed(context, state);
  }
}

function decideSubmit(
  command: Extract<CheckpointCommand, { kind: 'submit' }>,
  context: CheckpointContext,
  state: CheckpointState,
): CheckpointDecision {
  if (command.actorId !== context.builderId) {
    return refuse('checkpoints.not_builder', "only the project's builder submits proof for a checkpoint");
  }
  if (state.status === 'approved') {
    return refuse('checkpoints.already_approved', 'this checkpoint is approved; approval is final');
  }
  if (state.status === 'submitted') {
    return refuse('checkpoints.awaiting_review', 'the current submission is waiting for review');
  }
  const seen = context.events.some((e) => e.type === 'submitted' && e.submissionId === command.submissionId);
  if (seen || !command.submissionId) {
    return refuse(
      'checkpoints.duplicate_submission',
      `submission id "${command.submissionId}" is empty or used`,
    );
  }
  const issues = proofIssues(command.proof, command.note);
  if (issues.length > 0) {
    const detail = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return refuse('checkpoints.invalid_proof', `the proof is not acceptable: ${detail}`);
  }
  const event: CheckpointEvent = {
    type: 'submitted',
    submissionId: command.submissionId,
    by: command.actorId,
    at: context.now,
    proof: command.proof,
    note: command.note,
  };
  return { ok: true, event };
}

function decideReview(
  command: Extract<CheckpointCommand, { kind: 'review' }>,
  context: CheckpointContext,
  state: CheckpointState,
): CheckpointDecision {
  // Checked before roles: holding every role never lets a builder witness their own work.
  if (command.actorId === context.builderId) {
    return refuse('checkpoints.self_review', 'nobody can review their own checkpoint');
  }
  const roles = context.actorRoles ?? [];
  if (!roles.includes('witness') && !roles.includes('organizer')) {
    return refuse('checkpoints.not_reviewer', 'only a witness or an organizer of the workspace reviews');
  }
  if (state.status === 'approved') {
    return refuse('checkpoints.already_approved', 'this checkpoint is approved; approval is final');
  }
  if (state.status !== 'submitted' || !state.currentSubmission) {
    return refuse(
      'checkpoints.not_submitted',
      `there is nothing to review: the checkpoint is ${state.status}`,
    );
  }
  if (command.submissionId !== state.currentSubmission.submissionId) {
    return refuse(
      'checkpoints.stale_submission',
      'a newer submission replaced the one you reviewed; reload it',
    );
  }
  const shape = reviewShapeRefusal(command);
  if (shape) return shape;
  const event: CheckpointEvent = {
    type: 'reviewed',
    submissionId: command.submissionId,
    by: command.actorId,
    at: context.now,
    decision: command.decision,
    ...(command.decision === 'rejected' ? { reason: command.reason } : {}),
    comment: command.comment,
  };
  return { ok: true, event };
}

function reviewShapeRefusal(command: Extract<CheckpointCommand, { kind: 'review' }>): Refusal | null {
  if (command.decision !== 'approved' && command.decision !== 'rejected') {
    return refuse('checkpoints.invalid_review', 'the decision is "approved" or "rejected"');
  }
  if (typeof command.comment !== 'string' || command.comment.length > MAX_REVIEW_COMMENT_LENGTH) {
    return refuse(
      'checkpoints.invalid_review',
      `the comment is at most ${MAX_REVIEW_COMMENT_LENGTH} characters`,
    );
  }
  if (command.decision === 'approved') {
    return command.reason === undefined
      ? null
      : refuse('checkpoints.invalid_review', 'an approval has no rejection reason');
  }
  if (command.reason === undefined || !REJECTION_REASONS.includes(command.reason)) {
    return refuse(
      'checkpoints.rejection_reason_required',
      `a rejection needs a reason: ${REJECTION_REASONS.join(', ')}`,
    );
  }
  if (command.comment.trim().length === 0) {
    return refuse(
      'checkpoints.rejection_comment_required',
      'a rejection needs a comment saying what is missing',
    );
  }
  return null;
}

function decideMissed(context: CheckpointContext, state: CheckpointState): CheckpointDecision {
  if (state.missedAt !== null) return { ok: true, event: null };
  if (state.submittedCount > 0) {
    return refuse('checkpoints.already_submitted', 'proof was submitted; the checkpoint is not missed');
  }
  if (instantMs(context.now) < instantMs(context.dueAt)) {
    return refuse('checkpoints.not_due', `the checkpoint is due at ${context.dueAt}`);
  }
  return { ok: true, event: { type: 'missed', at: context.now } };
}
