import { describe, expect, it } from 'vitest';
import type { Contract } from './contract.model.js';
import { contract } from './testing.js';
import { localDate, validateContractChange } from './validate-change.js';

const before = contract();
// 23:30 on 2026-05-10 in Los Angeles is already 2026-05-11 in UTC.
const options = { now: '2026-05-11T06:30:00.000Z', timeZone: 'America/Los_Angeles', builderId: 'u-builder' };
const validate = (after: Partial<Contract>, opts = options) =>
  validateContractChange(before, contract(after), opts);
const codes = (after: Partial<Contract>) => {
  const result = validate(after);
  return result.ok ? [] : result.issues.map((issue) => issue.code);
};
const cp1 = before.checkpoints[0]!;
const cp2 = before.checkpoints[1]!;

describe('validateContractChange', () => {
  it('accepts a valid change', () => {
    expect(validate({ graceTokensPerSprint: 2 })).toEqual({ ok: true });
  });

  it('refuses no change at all', () => {
    expect(codes({})).toEqual(['contracts.no_change']);
  });

  it('refuses a due date moved before the builder’s today, with a clear message', () => {
    const result = validate({ checkpoints: [{ ...cp1, dueDate: '2026-05-09' }, cp2] });
    expect(result).toEqual({
      ok: false,
      code: 'contracts.due_date_in_past',
      message: 'checkpoint cp-1 cannot be due on 2026-05-09: that is before today (2026-05-10)',
      issues: [
        {
          code: 'contracts.due_date_in_past',
          path: 'checkpoints[cp-1].dueDate',
          message: 'checkpoint cp-1 cannot be due on 2026-05-09: that is before today (2026-05-10)',
        },
      ],
    });
  });

  it('reads today in the builder’s zone: today itself is allowed', () => {
    expect(validate({ checkpoints: [{ ...cp1, dueDate: '2026-05-10' }, cp2] }).ok).toBe(true);
    const utc = { ...options, timeZone: 'UTC' };
    expect(validate({ checkpoints: [{ ...cp1, dueDate: '2026-05-10' }, cp2] }, utc)).toMatchObject({
      code: 'contracts.due_date_in_past',
    });
  });

  it('keeps an unchanged past date (a checkpoint already due) valid', () => {
    const past = contract({ checkpoints: [{ ...cp1, dueDate: '2026-04-01' }, cp2] });
    const after = { ...past, graceTokensPerSprint: 3 };
    expect(validateContractChange(past, after, options)).toEqual({ ok: true });
  });

  it('refuses an impossible date', () => {
    expect(codes({ checkpoints: [{ ...cp1, dueDate: '2026-02-30' }, cp2] })).toEqual([
      'contracts.invalid_date',
    ]);
  });

  it('refuses no hours and bad minutes', () => {
    const zero = { sun: 0, mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 0 };
    expect(codes({ minutesPerWeekday: zero })).toEqual(['contracts.no_hours']);
    expect(codes({ minutesPerWeekday: { ...zero, mon: -30, tue: 1.5, wed: 2000 } })).toEqual([
      'contracts.invalid_minutes',
      'contracts.invalid_minutes',
      'contracts.invalid_minutes',
      'contracts.no_hours',
    ]);
  });

  it('refuses a checkpoint with no tasks, a duplicate id and a blank criterion', () => {
    expect(codes({ checkpoints: [{ ...cp1, taskIds: [] }, cp2] })).toEqual([
      'contracts.checkpoint_without_tasks',
    ]);
    expect(codes({ checkpoints: [cp1, { ...cp2, id: 'cp-1' }] })).toContain('contracts.duplicate_checkpoint');
    expect(codes({ checkpoints: [{ ...cp1, criteria: [' '] }, cp2] })).toEqual([
      'contracts.invalid_criterion',
    ]);
  });

  it('refuses the builder as witness or backup, duplicates, and a backup who is already a witness', () => {
    expect(validate({ witnesses: ['u-w1', 'u-builder'] })).toMatchObject({
      ok: false,
      code: 'contracts.builder_as_witness',
      message: 'the builder cannot witness their own work',
    });
    expect(codes({ backupWitness: 'u-builder' })).toEqual(['contracts.builder_as_witness']);
    expect(codes({ witnesses: ['u-w1', 'u-w1'] })).toEqual(['contracts.duplicate_witness']);
    expect(codes({ backupWitness: 'u-w1' })).toEqual(['contracts.backup_is_witness']);
  });

  it('refuses a bad ladder, grace and sprint length', () => {
    expect(codes({ ladder: [{ afterConsecutiveSkips: 0, action: 'x' }] })).toEqual([
      'contracts.invalid_ladder',
    ]);
    expect(codes({ ladder: [{ afterConsecutiveSkips: 2, action: ' ' }] })).toEqual([
      'contracts.invalid_ladder',
    ]);
    expect(codes({ graceTokensPerSprint: -1 })).toEqual(['contracts.invalid_grace']);
    expect(codes({ sprintLengthDays: 0 })).toEqual(['contracts.invalid_sprint_length']);
  });

  it('reports every problem together, the first one as the code', () => {
    const result = validate({ witnesses: ['u-builder'], graceTokensPerSprint: -1 });
    expect(result).toMatchObject({
      ok: false,
      code: 'contracts.builder_as_witness',
      message:
        'the builder cannot witness their own work; grace tokens per sprint must be a whole number, 0 or more',
    });
  });
});

describe('localDate', () => {
  it('reads the calendar date in a zone', () => {
    expect(localDate('2026-05-11T06:30:00.000Z', 'America/Los_Angeles')).toBe('2026-05-10');
    expect(localDate('2026-05-10T20:00:00.000Z', 'Pacific/Auckland')).toBe('2026-05-11');
  });
});
