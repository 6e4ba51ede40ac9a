import type { Contract } from './contract.model.js';

/** A valid contract for tests; override what a test is about. */
export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    minutesPerWeekday: { sun: 0, mon: 120, tue: 120, wed: 120, thu: 120, fri: 60, sat: 0 },
    checkpoints: [
      { id: 'cp-1', dueDate: '2026-05-15', taskIds: ['t1', 't2'], criteria: ['deployed', 'tests pass'] },
      { id: 'cp-2', dueDate: '2026-06-01', taskIds: ['t3'], criteria: ['demo'] },
    ],
    witnesses: ['u-w1', 'u-w2'],
    backupWitness: 'u-backup',
    ladder: [
      { afterConsecutiveSkips: 2, action: 'notify_witness' },
      { afterConsecutiveSkips: 4, action: 'public_note' },
    ],
    graceTokensPerSprint: 1,
    sprintLengthDays: 14,
    ...overrides,
  };
}
