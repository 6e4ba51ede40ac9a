import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { decide, type CheckpointCommand, type CheckpointContext } from './checkpoint-decide.js';
import type { CheckpointEvent } from './checkpoint.model.js';
import { checkpointState } from './checkpoint-state.js';

const DUE = '2026-05-01T22:00:00.000Z';
const BEFORE = '2026-05-01T10:00:00.000Z';
const AFTER = '2026-05-03T10:00:00.000Z';
const BUILDER = 'u-builder';
const WITNESS = 'u-witness';
const PROOF = [{ kind: 'pull_request' as const, url: 'https://github.com/acme/app/pull/7' }];

function run(
  command: CheckpointCommand,
  events: CheckpointEvent[],
  opts: { now?: string; roles?: readonly Role[] | undefined } = {},
) {
  const context: CheckpointContext = {
    events,
    dueAt: DUE,
    now: opts.now ?? BEFORE,
    builderId: BUILDER,
    actorRoles: 'roles' in opts ? opts.roles : ['witness'],
  };
  return decide(command, context);
}

/** Applies commands in order, failing the test on any refusal. */
function history(...steps: [CheckpointCommand, string, (readonly Role[])?][]): CheckpointEvent[] {
  const events: CheckpointEvent[] = [];
  for (const [command, now, roles] of steps) {
    const result = run(command, events, { now, roles: roles ?? ['witness'] });
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    if (result.event) events.push(result.event);
  }
  return events;
}

const submit = (submissionId = 's1', actorId = BUILDER): CheckpointCommand => ({
  kind: 'submit',
  actorId,
  submissionId,
  proof: PROOF,
  note: 'done',
});
const approve = (submissionId = 's1', actorId = WITNESS): CheckpointCommand => ({
  kind: 'review',
  actorId,
  submissionId,
  decision: 'approved',
  comment: 'looks good',
});
const reject = (submissionId = 's1'): CheckpointCommand => ({
  kind: 'review',
  actorId: WITNESS,
  submissionId,
  decision: 'rejected',
  reason: 'incomplete',
  comment: 'tests missing',
});

const codeOf = (result: ReturnType<typeof decide>) => (result.ok ? 'ok' : result.code);

describe('submit', () => {
  it('pending → submitted, on time', () => {
    const events = history([submit(), BEFORE]);
    const state = checkpointState(events, DUE, BEFORE);
    expect(state).toMatchObject({ status: 'submitted', late: false, submittedCount: 1 });
    expect(state.currentSubmission).toMatchObject({
      submissionId: 's1',
      by: BUILDER,
      at: BEFORE,
      late: false,
    });
  });

  it('refuses anyone but the builder, even an organizer', () => {
    expect(codeOf(run(submit('s1', WITNESS), [], { roles: ['organizer', 'witness'] }))).toBe(
      'checkpoints.not_builder',
    );
  });

  it('refuses a second submission while one waits for review', () => {
    expect(codeOf(run(submit('s2'), history([submit(), BEFORE])))).toBe('checkpoints.awaiting_review');
  });

  it('refuses a reused submission id', () => {
    const events = history([submit(), BEFORE], [reject(), BEFORE]);
    expect(codeOf(run(submit('s1'), events))).toBe('checkpoints.duplicate_submission');
  });

  it('refuses invalid proof with the path of each problem', () => {
    const result = run({ ...(submit() as Extract<CheckpointCommand, { kind: 'submit' }>), proof: [] }, []);
    expect(result).toMatchObject({ ok: false, code: 'checkpoints.invalid_proof' });
    expect(!result.ok && result.message).toContain('proof: at least one proof item is required');
  });

  it('records a submission after due as late', () => {
    const state = checkpointState(history([submit(), AFTER]), DUE, AFTER);
    expect(state).toMatchObject({ status: 'submitted', late: true });
  });

  it('treats the due instant itself as late (due means before the local day ends)', () => {
    expect(checkpointState(history([submit(), DUE]), DUE, DUE).late).toBe(true);
  });

  it('accepts a late submission after missed, keeping the missed record', () => {
    const events = history([{ kind: 'markMissed' }, AFTER], [submit(), AFTER]);
    const state = checkpointState(events, DUE, AFTER);
    expect(state).toMatchObject({ status: 'submitted', late: true, missedAt: AFTER, submittedCount: 1 });
  });

  it('rejected → resubmitted keeps the history of submissions and reviews', () => {
    const events = history([submit('s1'), BEFORE], [reject('s1'), BEFORE], [submit('s2'), AFTER]);
    const state = checkpointState(events, DUE, AFTER);
    expect(state.status).toBe('submitted');
    expect(state.submittedCount).toBe(2);
    expect(state.currentSubmission?.submissionId).toBe('s2');
    expect(state.late).toBe(true);
    expect(state.reviews).toHaveLength(1);
    expect(state.reviews[0]).toMatchObject({
      submissionId: 's1',
      decision: 'rejected',
      reason: 'incomplete',
    });
  });

  it('approval is final: no submission after it', () => {
    const events = history([submit(), BEFORE], [approve(), BEFORE]);
    expect(checkpointState(events, DUE, BEFORE).status).toBe('approved');
    expect(codeOf(run(submit('s2'), events))).toBe('checkpoints.already_approved');
  });
});

describe('review', () => {
  const submitted = () => history([submit(), BEFORE]);

  it('submitted → approved by a witness, and by an organizer', () => {
    expect(run(approve(), submitted())).toMatchObject({ ok: true, event: { type: 'reviewed', by: WITNESS } });
    expect(codeOf(run(approve(), submitted(), { roles: ['organizer'] }))).toBe('ok');
  });

  it('submitted → rejected with its reason and comment', () => {
    const events = history([submit(), BEFORE], [reject(), BEFORE]);
    expect(checkpointState(events, DUE, BEFORE).status).toBe('rejected');
  });

  it('refuses self-review even when the builder is also witness and organizer', () => {
    const result = run(approve('s1', BUILDER), submitted(), { roles: ['organizer', 'witness', 'builder'] });
    expect(codeOf(result)).toBe('checkpoints.self_review');
  });

  it('refuses a builder-only member and a non-member', () => {
    expect(codeOf(run(approve(), submitted(), { roles: ['builder'] }))).toBe('checkpoints.not_reviewer');
    expect(codeOf(run(approve(), submitted(), { roles: undefined }))).toBe('checkpoints.not_reviewer');
  });

  it('refuses reviewing a pending, missed or rejected checkpoint', () => {
    expect(codeOf(run(approve(), []))).toBe('checkpoints.not_submitted');
    expect(codeOf(run(approve(), [], { now: AFTER }))).toBe('checkpoints.not_submitted');
    const rejected = history([submit(), BEFORE], [reject(), BEFORE]);
    expect(codeOf(run(approve(), rejected))).toBe('checkpoints.not_submitted');
  });

  it('refuses a second review of an approved checkpoint', () => {
    const events = history([submit(), BEFORE], [approve(), BEFORE]);
    expect(codeOf(run(reject(), events))).toBe('checkpoints.already_approved');
  });

  it('refuses a review of a submission that is no longer current', () => {
    const events = history([submit('s1'), BEFORE], [reject('s1'), BEFORE], [submit('s2'), BEFORE]);
    expect(codeOf(run(approve('s1'), events))).toBe('checkpoints.stale_submission');
  });

  it('refuses a rejection without a reason or without a comment', () => {
    const base = reject() as Extract<CheckpointCommand, { kind: 'review' }>;
    const { reason: _reason, ...noReason } = base;
    expect(codeOf(run(noReason, submitted()))).toBe('checkpoints.rejection_reason_required');
    expect(codeOf(run({ ...base, comment: '   ' }, submitted()))).toBe(
      'checkpoints.rejection_comment_required',
    );
  });

  it('refuses a reason on an approval and an overlong comment', () => {
    expect(codeOf(run({ ...approve(), reason: 'other' } as CheckpointCommand, submitted()))).toBe(
      'checkpoints.invalid_review',
    );
    expect(codeOf(run({ ...approve(), comment: 'x'.repeat(2001) } as CheckpointCommand, submitted()))).toBe(
      'checkpoints.invalid_review',
    );
  });

  it('records no reason on an approval', () => {
    const result = run(approve(), submitted());
    expect(result.ok && result.event && 'reason' in result.event).toBe(false);
  });
});

describe('markMissed', () => {
  it('pending → missed once due has passed', () => {
    expect(run({ kind: 'markMissed' }, [], { now: AFTER })).toEqual({
      ok: true,
      event: { type: 'missed', at: AFTER },
    });
  });

  it('refuses before due', () => {
    expect(codeOf(run({ kind: 'markMissed' }, [], { now: BEFORE }))).toBe('checkpoints.not_due');
  });

  it('is idempotent: already missed gives no event', () => {
    const events = history([{ kind: 'markMissed' }, AFTER]);
    expect(run({ kind: 'markMissed' }, events, { now: AFTER })).toEqual({ ok: true, event: null });
  });

  it('refuses when anything was ever submitted', () => {
    const events = history([submit(), BEFORE], [reject(), BEFORE]);
    expect(codeOf(run({ kind: 'markMissed' }, events, { now: AFTER }))).toBe('checkpoints.already_submitted');
  });

  it('reads missed from the clock before the sweep records it', () => {
    expect(checkpointState([], DUE, AFTER)).toMatchObject({ status: 'missed', missedAt: null });
    expect(checkpointState([], DUE, BEFORE).status).toBe('pending');
  });
});

describe('instants', () => {
  it('refuses a now earlier than the last event, and a malformed now', () => {
    const events = history([submit(), AFTER]);
    expect(codeOf(run(approve(), events, { now: BEFORE }))).toBe('checkpoints.out_of_order');
    expect(codeOf(run(approve(), events, { now: 'tomorrow' }))).toBe('checkpoints.invalid_instant');
  });
});
