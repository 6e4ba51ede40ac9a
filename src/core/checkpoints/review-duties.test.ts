import { describe, expect, it } from 'vitest';
import type { CheckpointEvent } from './checkpoint.model.js';
import { reviewDuties, type ReviewDutyPolicy } from './review-duties.js';

const policy: ReviewDutyPolicy = { remindAfterHours: 24, escalateAfterHours: 72, hasBackupWitness: true };
const submitted = (at: string, submissionId = 's1'): CheckpointEvent => ({
  type: 'submitted',
  submissionId,
  by: 'b',
  at,
  proof: [{ kind: 'text', text: 'x' }],
  note: '',
});
const T0 = '2026-05-01T09:00:00.000Z';
const kinds = (events: CheckpointEvent[], now: string, p = policy) =>
  reviewDuties(events, now, p).map((duty) => `${duty.kind}:${duty.to}`);

describe('reviewDuties', () => {
  it('nothing before a submission or before the reminder is due', () => {
    expect(kinds([], '2026-06-01T00:00:00Z')).toEqual([]);
    expect(kinds([submitted(T0)], '2026-05-02T08:59:59.999Z')).toEqual([]);
  });

  it('reminds the witnesses once, then escalates once to the backup witness', () => {
    const events: CheckpointEvent[] = [submitted(T0)];
    expect(reviewDuties(events, '2026-05-02T09:00:00.000Z', policy)).toEqual([
      { kind: 'remind', to: 'witnesses', dueAt: '2026-05-02T09:00:00.000Z' },
    ]);
    events.push({ type: 'reminder_sent', to: 'u-w', at: '2026-05-02T09:00:00.000Z' });
    expect(kinds(events, '2026-05-03T09:00:00Z')).toEqual([]);
    expect(kinds(events, '2026-05-04T09:00:00Z')).toEqual(['escalate:backup_witness']);
    events.push({ type: 'escalated', to: 'u-backup', at: '2026-05-04T09:00:00Z' });
    expect(kinds(events, '2026-05-20T09:00:00Z')).toEqual([]);
  });

  it('escalates to the organizer without a backup witness', () => {
    expect(kinds([submitted(T0)], '2026-05-04T09:00:00Z', { ...policy, hasBackupWitness: false })).toEqual([
      'remind:witnesses',
      'escalate:organizer',
    ]);
  });

  it('stops once reviewed', () => {
    const events: CheckpointEvent[] = [
      submitted(T0),
      { type: 'reviewed', submissionId: 's1', by: 'w', at: T0, decision: 'approved', comment: '' },
    ];
    expect(kinds(events, '2026-05-10T09:00:00Z')).toEqual([]);
  });

  it('starts again for a resubmission', () => {
    const events: CheckpointEvent[] = [
      submitted(T0),
      { type: 'reminder_sent', to: 'w', at: '2026-05-02T09:00:00Z' },
      {
        type: 'reviewed',
        submissionId: 's1',
        by: 'w',
        at: '2026-05-02T10:00:00Z',
        decision: 'rejected',
        reason: 'other',
        comment: 'no',
      },
      submitted('2026-05-03T09:00:00Z', 's2'),
    ];
    expect(kinds(events, '2026-05-04T08:00:00Z')).toEqual([]);
    expect(kinds(events, '2026-05-04T09:00:00Z')).toEqual(['remind:witnesses']);
  });

  it('refuses a policy whose escalation does not come after the reminder', () => {
    expect(() => reviewDuties([], T0, { ...policy, escalateAfterHours: 24 })).toThrow(RangeError);
    expect(() => reviewDuties([], T0, { ...policy, remindAfterHours: 0 })).toThrow(RangeError);
  });
});
