import { describe, expect, it } from 'vitest';
import { resolveDueDates } from './checkpoint-dates.js';

const undated = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `C${i}`, taskIds: [] }));

describe('resolveDueDates', () => {
  it('spreads undated checkpoints evenly up to launch, the last on launch day', () => {
    expect(resolveDueDates(undated(4), { launchDate: '2026-03-29' }, '2026-03-02')).toEqual([
      '2026-03-08',
      '2026-03-15',
      '2026-03-22',
      '2026-03-29',
    ]);
  });

  it('keeps given dates and spreads the undated ones between them', () => {
    const checkpoints = [
      { id: 'a', taskIds: [] },
      { id: 'b', taskIds: [], dueDate: '2026-03-20' },
      { id: 'c', taskIds: [] },
    ];
    expect(resolveDueDates(checkpoints, { launchDate: '2026-03-29' }, '2026-03-02')).toEqual([
      '2026-03-11',
      '2026-03-20',
      '2026-03-29',
    ]);
  });

  it('puts each undated checkpoint a sprint after the one before without a launch date', () => {
    const checkpoints = [...undated(2), { id: 'x', taskIds: [], dueDate: '2026-04-30' }, ...undated(1)];
    expect(resolveDueDates(checkpoints, { sprintLengthDays: 14 }, '2026-03-02')).toEqual([
      '2026-03-15',
      '2026-03-29',
      '2026-04-30',
      '2026-05-14',
    ]);
  });

  it('leaves checkpoints undated when there is no timeline', () => {
    expect(resolveDueDates(undated(2), {}, '2026-03-02')).toEqual([null, null]);
  });

  it('refuses a bad sprint length or date', () => {
    expect(() => resolveDueDates(undated(1), { sprintLengthDays: 0 }, '2026-03-02')).toThrow(
      /sprintLengthDays/,
    );
    expect(() => resolveDueDates(undated(1), { launchDate: '2026-13-01' }, '2026-03-02')).toThrow(
      /launchDate/,
    );
  });
});
