import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChange } from './classify-change.js';
import type { Contract } from './contract.model.js';
import { interimContract } from './interim-contract.js';
import { contract } from './testing.js';

const before = contract();

describe('interimContract', () => {
  it('applies the harder part of a mixed change and holds back the easier part', () => {
    const after = contract({ graceTokensPerSprint: 5, witnesses: ['u-w1', 'u-w2', 'u-w3'] });
    expect(interimContract(before, after)).toEqual(contract({ witnesses: ['u-w1', 'u-w2', 'u-w3'] }));
  });

  it('keeps removed scope and the later date until the easing takes effect, adds scope at once', () => {
    const cp1 = before.checkpoints[0]!;
    const after = contract({ checkpoints: [{ ...cp1, dueDate: '2026-06-30', taskIds: ['t1', 't9'] }] });
    expect(interimContract(before, after).checkpoints).toEqual([
      { ...cp1, taskIds: ['t1', 't2', 't9'] },
      before.checkpoints[1],
    ]);
  });

  it('equals after when nothing is easier', () => {
    const after = contract({ graceTokensPerSprint: 0, sprintLengthDays: 21 });
    expect(interimContract(before, after)).toEqual(after);
  });
});

const variant: fc.Arbitrary<Contract> = fc
  .record({
    mon: fc.constantFrom(0, 60, 120, 180),
    tue: fc.constantFrom(60, 120),
    dates: fc.tuple(
      fc.constantFrom('2026-05-10', '2026-05-15', '2026-05-20'),
      fc.constantFrom('2026-06-01', '2026-06-10'),
    ),
    tasks: fc.subarray(['t1', 't2', 't3', 't4']),
    criteria: fc.subarray(['deployed', 'tests pass', 'docs']),
    dropSecond: fc.boolean(),
    witnesses: fc.subarray(['u-w1', 'u-w2', 'u-w3']),
    backupWitness: fc.constantFrom(null, 'u-backup', 'u-other'),
    ladder: fc.subarray(before.ladder.concat([{ afterConsecutiveSkips: 3, action: 'notify_witness' }])),
    graceTokensPerSprint: fc.integer({ min: 0, max: 3 }),
    sprintLengthDays: fc.constantFrom(7, 14, 21),
  })
  .map((v) =>
    contract({
      minutesPerWeekday: { ...before.minutesPerWeekday, mon: v.mon, tue: v.tue },
      checkpoints: [
        { id: 'cp-1', dueDate: v.dates[0], taskIds: v.tasks, criteria: v.criteria },
        ...(v.dropSecond ? [] : [{ ...before.checkpoints[1]!, dueDate: v.dates[1] }]),
      ],
      witnesses: v.witnesses,
      backupWitness: v.backupWitness,
      ladder: v.ladder,
      graceTokensPerSprint: v.graceTokensPerSprint,
      sprintLengthDays: v.sprintLengthDays,
    }),
  );

describe('interimContract (property)', () => {
  it('before → interim is never easier, and interim → after is never harder', () => {
    fc.assert(
      fc.property(variant, variant, (from, to) => {
        const interim = interimContract(from, to);
        expect(classifyChange(from, interim).filter((c) => c.direction === 'easier')).toEqual([]);
        expect(classifyChange(interim, to).filter((c) => c.direction === 'harder')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('classification is antisymmetric: swapping before and after swaps easier and harder', () => {
    const flip = { easier: 'harder', harder: 'easier', neutral: 'neutral' } as const;
    fc.assert(
      fc.property(variant, variant, (a, b) => {
        const forward = classifyChange(a, b).filter(
          (c) => c.field !== 'backupWitness' && c.field !== 'ladder',
        );
        const backward = classifyChange(b, a).filter(
          (c) => c.field !== 'backupWitness' && c.field !== 'ladder',
        );
        const key = (c: { field: string; direction: string }) => `${c.field}:${c.direction}`;
        expect(forward.map((c) => key({ ...c, direction: flip[c.direction] })).sort()).toEqual(
          backward.map(key).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
