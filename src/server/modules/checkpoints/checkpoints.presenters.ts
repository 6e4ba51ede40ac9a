import type { CheckpointDetail, CheckpointDto } from '../../../contracts/checkpoints.contract.js';
import { checkpointState } from '../../../core/checkpoints/checkpoint-state.js';
import type { CheckpointEvent } from '../../../core/checkpoints/checkpoint.model.js';
import type { ContractCheckpoint } from '../../../core/contracts/contract.model.js';
import { dayEndMs, toIso } from '../../../core/verdicts/local-day.js';
import type { ProofChecksTable } from '../../db/schema.js';
import { plural } from '../../shared/text.js';

export type StoredCheck = Pick<
  ProofChecksTable,
  'submission_id' | 'item' | 'kind' | 'status' | 'detail' | 'checked_at'
>;

/** A checkpoint is due at the end of its local due date, where the builder lives. */
export function dueAtOf(checkpoint: Pick<ContractCheckpoint, 'dueDate'>, timeZone: string): string {
  return toIso(dayEndMs(checkpoint.dueDate, timeZone));
}

function checksOf(checks: readonly StoredCheck[], submissionId: string) {
  return checks
    .filter((c) => c.submission_id === submissionId)
    .map((c) => ({
      item: c.item,
      kind: c.kind,
      status: c.status,
      detail: c.detail,
      checkedAt: c.checked_at,
    }));
}

export function presentCheckpoint(input: {
  projectId: string;
  checkpoint: ContractCheckpoint;
  title: string | undefined;
  timeZone: string;
  events: readonly CheckpointEvent[];
  checks: readonly StoredCheck[];
  now: string;
}): CheckpointDto {
  const dueAt = dueAtOf(input.checkpoint, input.timeZone);
  const state = checkpointState(input.events, dueAt, input.now);
  const current = state.currentSubmission;
  return {
    id: input.checkpoint.id,
    projectId: input.projectId,
    title: input.title ?? input.checkpoint.id,
    dueDate: input.checkpoint.dueDate,
    dueAt,
    taskIds: input.checkpoint.taskIds,
    criteria: input.checkpoint.criteria,
    status: state.status,
    late: state.late,
    missedAt: state.missedAt,
    current: current ? { ...current, checks: checksOf(input.checks, current.submissionId) } : null,
    submittedCount: state.submittedCount,
  };
}

function describe(event: CheckpointEvent): string {
  switch (event.type) {
    case 'submitted':
      return `submitted ${plural(event.proof.length, 'piece')} of proof${event.note ? `: ${event.note}` : ''}`;
    case 'reviewed':
      return event.decision === 'approved'
        ? `approved${event.comment ? `: ${event.comment}` : ''}`
        : `rejected (${event.reason ?? 'other'}): ${event.comment}`;
    case 'missed':
      return 'the due time passed without a submission';
    case 'reminder_sent':
      return `reminded the ${event.to.replace('_', ' ')} to review`;
    case 'escalated':
      return `asked the ${event.to.replace('_', ' ')} to review instead`;
  }
}

export function presentDetail(input: Parameters<typeof presentCheckpoint>[0]): CheckpointDetail {
  const checkpoint = presentCheckpoint(input);
  const submissions = input.events.flatMap((event) =>
    event.type === 'submitted'
      ? [
          {
            submissionId: event.submissionId,
            by: event.by,
            at: event.at,
            proof: event.proof,
            note: event.note,
            late: event.at >= checkpoint.dueAt,
            checks: checksOf(input.checks, event.submissionId),
          },
        ]
      : [],
  );
  const reviews = input.events.flatMap((event) =>
    event.type === 'reviewed'
      ? [
          {
            submissionId: event.submissionId,
            by: event.by,
            at: event.at,
            decision: event.decision,
            reason: event.reason ?? null,
            comment: event.comment,
          },
        ]
      : [],
  );
  const history = input.events.map((event) => ({
    type: event.type,
    at: event.at,
    by: 'by' in event ? event.by : null,
    submissionId: 'submissionId' in event ? event.submissionId : null,
    detail: describe(event),
  }));
  return { checkpoint, submissions, reviews, history };
}
