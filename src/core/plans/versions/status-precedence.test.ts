import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from '../plan.model.js';
import { carriedStatus } from './status-precedence.js';

describe('carriedStatus', () => {
  it('follows the documented table (rows: previous, columns: new file todo, in_progress, cancelled, done)', () => {
    const table = {
      todo: ['todo', 'in_progress', 'cancelled', 'done'],
      in_progress: ['in_progress', 'in_progress', 'cancelled', 'done'],
      cancelled: ['cancelled', 'cancelled', 'cancelled', 'done'],
      done: ['done', 'done', 'done', 'done'],
    } as const;
    const columns = ['todo', 'in_progress', 'cancelled', 'done'] as const;
    for (const previous of TASK_STATUSES) {
      expect(columns.map((next) => carriedStatus(previous, next))).toEqual(table[previous]);
    }
  });
});
