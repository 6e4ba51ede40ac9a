import { describe, expect, it } from 'vitest';
import { classifyChange } from './classify-change.js';
import type { Contract, ContractCheckpoint } from './contract.model.js';
import { contract } from './testing.js';

const base = contract();
const directions = (after: Partial<Contract>) =>
  classifyChange(base, contract(after)).map((change) => `${change.field}:${change.direction}`);
const withCheckpoint = (patch: Partial<ContractCheckpoint>) => ({
  checkpoints: [{ ...base.checkpoints[0]!, ...patch }, base.checkpoints[1]!],
});

describe('classifyChange', () => {
  it('finds nothing when nothing changed', () => {
    expect(classifyChange(base, contract())).toEqual([]);
  });

  it('hours: fewer easier, more harder, moved between days neutral', () => {
    const hours = (mon: number, tue = 120) => ({
      minutesPerWeekday: { ...base.minutesPerWeekday, mon, tue },
    });
    expect(directions(hours(60))).toEqual(['minutesPerWeekday:easier']);
    expect(directions(hours(180))).toEqual(['minutesPerWeekday:harder']);
    expect(directions(hours(60, 180))).toEqual(['minutesPerWeekday:neutral']);
    expect(classifyChange(base, contract(hours(60)))[0]?.description).toBe(
      'weekly hours 9h → 8h (mon 120 → 60 min)',
    );
  });

  it('due date: later easier, earlier harder', () => {
    expect(directions(withCheckpoint({ dueDate: '2026-05-20' }))).toEqual([
      'checkpoints[cp-1].dueDate:easier',
    ]);
    expect(directions(withCheckpoint({ dueDate: '2026-05-10' }))).toEqual([
      'checkpoints[cp-1].dueDate:harder',
    ]);
  });

  it('tasks: fewer easier, more harder, a swap both', () => {
    expect(directions(withCheckpoint({ taskIds: ['t1'] }))).toEqual(['checkpoints[cp-1].taskIds:easier']);
    expect(directions(withCheckpoint({ taskIds: ['t1', 't2', 't9'] }))).toEqual([
      'checkpoints[cp-1].taskIds:harder',
    ]);
    expect(directions(withCheckpoint({ taskIds: ['t1', 't9'] }))).toEqual([
      'checkpoints[cp-1].taskIds:easier',
      'checkpoints[cp-1].taskIds:harder',
    ]);
  });

  it('criteria: removed easier, added harder', () => {
    expect(directions(withCheckpoint({ criteria: ['deployed'] }))).toEqual([
      'checkpoints[cp-1].criteria:easier',
    ]);
    expect(directions(withCheckpoint({ criteria: ['deployed', 'tests pass', 'docs'] }))).toEqual([
      'checkpoints[cp-1].criteria:harder',
    ]);
  });

  it('checkpoints: removed easier, added harder', () => {
    expect(directions({ checkpoints: [base.checkpoints[0]!] })).toEqual(['checkpoints[cp-2]:easier']);
    const added = { id: 'cp-3', dueDate: '2026-07-01', taskIds: ['t4'], criteria: [] };
    expect(directions({ checkpoints: [...base.checkpoints, added] })).toEqual(['checkpoints[cp-3]:harder']);
  });

  it('witnesses: removed easier, added harder', () => {
    expect(directions({ witnesses: ['u-w1'] })).toEqual(['witnesses:easier']);
    expect(directions({ witnesses: ['u-w1', 'u-w2', 'u-w3'] })).toEqual(['witnesses:harder']);
  });

  it('backup witness: removed or replaced easier, added harder', () => {
    expect(directions({ backupWitness: null })).toEqual(['backupWitness:easier']);
    expect(directions({ backupWitness: 'u-friend' })).toEqual(['backupWitness:easier']);
    expect(classifyChange(contract({ backupWitness: null }), base)).toEqual([
      { field: 'backupWitness', direction: 'harder', description: 'adds backup witness "u-backup"' },
    ]);
  });

  it('ladder: gentler easier, stricter harder, reordered nothing, renamed easier', () => {
    const [notify, note] = base.ladder as [Contract['ladder'][0], Contract['ladder'][0]];
    expect(directions({ ladder: [notify] })).toEqual(['ladder:easier']);
    expect(directions({ ladder: [notify, { ...note, afterConsecutiveSkips: 6 }] })).toEqual([
      'ladder:easier',
    ]);
    expect(directions({ ladder: [notify, { ...note, afterConsecutiveSkips: 3 }] })).toEqual([
      'ladder:harder',
    ]);
    expect(directions({ ladder: [...base.ladder, { afterConsecutiveSkips: 8, action: 'pause' }] })).toEqual([
      'ladder:harder',
    ]);
    expect(directions({ ladder: [note, notify] })).toEqual([]);
    expect(directions({ ladder: [notify, { ...note, action: 'something_else' }] })).toEqual([
      'ladder:easier',
    ]);
  });

  it('grace: more tokens easier, fewer harder; shorter sprints easier, longer harder', () => {
    expect(directions({ graceTokensPerSprint: 2 })).toEqual(['graceTokensPerSprint:easier']);
    expect(directions({ graceTokensPerSprint: 0 })).toEqual(['graceTokensPerSprint:harder']);
    expect(directions({ sprintLengthDays: 7 })).toEqual(['sprintLengthDays:easier']);
    expect(directions({ sprintLengthDays: 21 })).toEqual(['sprintLengthDays:harder']);
    const noGrace = contract({ graceTokensPerSprint: 0 });
    expect(classifyChange(noGrace, { ...noGrace, sprintLengthDays: 7 })[0]?.direction).toBe('neutral');
  });
});
