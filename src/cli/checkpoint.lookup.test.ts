import { describe, expect, it } from 'vitest';
import { matchCheckpoint } from './checkpoint.lookup.js';
import { usageError } from './testing.js';

describe('matchCheckpoint', () => {
  const checkpoints = [
    { id: 'cp-week-1', title: 'Week 1: Foundations' },
    { id: 'cp-week-2', title: 'Week 2: Payments' },
    { id: 'cp-launch', title: 'Launch day' },
  ];
  const match = (reference: string) =>
    matchCheckpoint(reference, checkpoints, (c) => ({ ...c, label: `${c.id}  ${c.title}` }))?.id;

  it('finds by id, title, unique prefix or part of a title, in any case', () => {
    expect(match('CP-WEEK-1')).toBe('cp-week-1');
    expect(match('week 2: payments')).toBe('cp-week-2');
    expect(match('week 1')).toBe('cp-week-1');
    expect(match('cp-l')).toBe('cp-launch');
    expect(match('payments')).toBe('cp-week-2');
    expect(match('nothing like it')).toBeUndefined();
  });

  it('lists the candidates when several match', () => {
    const error = usageError(() => match('cp-week'));
    expect(error.message).toBe(
      '"cp-week" matches 2 checkpoints:\n  cp-week-1  Week 1: Foundations\n  cp-week-2  Week 2: Payments',
    );
  });
});
