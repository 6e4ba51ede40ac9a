import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { decide, type CheckpointCommand } from './checkpoint-decide.js';
import {
  REJECTION_REASONS,
  type CheckpointEvent,
  type CheckpointStatus,
  type ProofItem,
} from './checkpoint.model.js';
import { checkpointState } from './checkpoint-state.js';

const DUE = '2026-05-01T22:00:00.000Z';
const START = Date.parse('2026-04-28T00:00:00.000Z');
const BUILDER = 'b';
const ROLES: Record<string, readonly Role[] | undefined> = {
  b: ['builder', 'witness', 'organizer'],
  w: ['witness'],
  o: ['organizer'],
  m: ['builder'],
  x: undefined,
};

const anyone = fc.constantFrom(...Object.keys(ROLES));
// Mostly the plausible actor, so long histories form; sometimes anyone, so refusals are exercised.
const submitter = fc.oneof({ arbitrary: fc.constant(BUILDER), weight: 3 }, { arbitrary: anyone, weight: 1 });
const reviewer = fc.oneof(
  { arbitrary: fc.constantFrom('w', 'o'), weight: 3 },
  { arbitrary: anyone, weight: 1 },
);
const command: fc.Arbitrary<CheckpointCommand> = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    actorId: submitter,
    // 'fresh' becomes a new id at replay, so valid resubmissions are common.
    submissionId: fc.constantFrom('fresh', 'fresh', 'fresh', 's0'),
    proof: fc.constantFrom<ProofItem[]>(
      [{ kind: 'text', text: 'done' }],
      [{ kind: 'text', text: 'done' }],
      [],
    ),
    note: fc.constant(''),
  }),
  fc.record(
    {
      kind: fc.constant('review' as const),
      actorId: reviewer,
      // 'current' becomes the submission waiting for review at replay.
      submissionId: fc.constantFrom('current', 'current', 'current', 's0'),
      decision: fc.constantFrom('approved' as const, 'rejected' as const),
      reason: fc.constantFrom(...REJECTION_REASONS),
      comment: fc.constantFrom('', 'why'),
    },
    { requiredKeys: ['kind', 'actorId', 'submissionId', 'decision', 'comment'] },
  ),
  fc.constant({ kind: 'markMissed' as const }),
);
// Each step advances the clock by up to a day; a few dozen steps cross the due instant.
const steps = fc.array(fc.tuple(command, fc.integer({ min: 0, max: 86_400_000 })), {
  maxLength: 40,
  size: 'max',
});

function replay(input: [CheckpointCommand, number][]) {
  const events: CheckpointEvent[] = [];
  const statuses: CheckpointStatus[] = [];
  let clock = START;
  for (const [i, [given, advance]] of input.entries()) {
    clock += advance;
    const cmd = resolveIds(given, i, checkpointState(events, DUE, new Date(clock).toISOString()));
    const now = new Date(clock).toISOString();
    const actorId = cmd.kind === 'markMissed' ? 'x' : cmd.actorId;
    const result = decide(cmd, { events, dueAt: DUE, now, builderId: BUILDER, actorRoles: ROLES[actorId] });
    if (result.ok && result.event) {
      events.push(result.event);
      statuses.push(checkpointState(events, DUE, now).status);
    }
  }
  return { events, statuses, end: new Date(clock).toISOString() };
}

function resolveIds(
  cmd: CheckpointCommand,
  step: number,
  state: ReturnType<typeof checkpointState>,
): CheckpointCommand {
  if (cmd.kind === 'submit' && cmd.submissionId === 'fresh') return { ...cmd, submissionId: `s${step + 1}` };
  if (cmd.kind === 'review' && cmd.submissionId === 'current') {
    return { ...cmd, submissionId: state.currentSubmission?.submissionId ?? 's0' };
  }
  return cmd;
}

const EXPECTED: Record<CheckpointEvent['type'], (e: CheckpointEvent) => CheckpointStatus | null> = {
  submitted: () => 'submitted',
  reviewed: (e) => (e.type === 'reviewed' ? e.decision : null),
  missed: () => 'missed',
  reminder_sent: () => null,
  escalated: () => null,
};

describe('checkpoint command replay (property)', () => {
  it('never yields an impossible history', () => {
    fc.assert(
      fc.property(steps, (input) => {
        const { events, statuses } = replay(input);
        let approved = false;
        let awaiting: string | null = null;
        let submittedEver = false;
        events.forEach((event, i) => {
          expect(approved, 'nothing follows an approval').toBe(false);
          if (i > 0) expect(Date.parse(event.at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.at));
          expect(statuses[i]).toBe(EXPECTED[event.type](event));
          if (event.type === 'submitted') {
            expect(event.by).toBe(BUILDER);
            expect(awaiting, 'no submission while one waits').toBeNull();
            awaiting = event.submissionId;
            submittedEver = true;
          } else if (event.type === 'reviewed') {
            expect(event.by).not.toBe(BUILDER);
            expect(event.submissionId).toBe(awaiting);
            if (event.decision === 'rejected') expect(event.reason && event.comment.trim()).toBeTruthy();
            approved = event.decision === 'approved';
            awaiting = null;
          } else if (event.type === 'missed') {
            expect(submittedEver, 'missed only before any submission').toBe(false);
            expect(Date.parse(event.at)).toBeGreaterThanOrEqual(Date.parse(DUE));
          }
        });
        expect(events.filter((e) => e.type === 'missed').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('the generator reaches approvals, rejections, resubmissions and misses often', () => {
    const runs = fc.sample(steps, { numRuns: 300, seed: 42 }).map((input) => replay(input).statuses);
    const share = (test: (statuses: CheckpointStatus[]) => boolean) => runs.filter(test).length / runs.length;
    expect(share((s) => s.includes('approved'))).toBeGreaterThan(0.1);
    expect(
      share((s) => s.indexOf('rejected') >= 0 && s.lastIndexOf('submitted') > s.indexOf('rejected')),
    ).toBeGreaterThan(0.05);
    expect(share((s) => s[0] === 'missed' && s.includes('submitted'))).toBeGreaterThan(0.02);
  });

  it('state is a pure function of the events (and reminders never change it)', () => {
    fc.assert(
      fc.property(steps, (input) => {
        const { events, end } = replay(input);
        const state = checkpointState(events, DUE, end);
        expect(checkpointState(structuredClone(events), DUE, end)).toEqual(state);
        const noise: CheckpointEvent[] = events.flatMap((e) => [
          e,
          { type: 'reminder_sent', to: 'w', at: e.at },
        ]);
        expect(checkpointState(noise, DUE, end)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
