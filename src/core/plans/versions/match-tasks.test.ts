import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTasks } from './match-tasks.js';
import { planAndRegeneration, planArbitrary } from './versions.arbitraries.js';
import { pairsOf, task, tasks } from './versions.fixtures.js';

describe('matchTasks', () => {
  it('pairs an identical re-import task by task', () => {
    const previous = tasks('a', ['Set up repo', 'Write API', 'Deploy']);
    const next = tasks('b', ['Set up repo', 'Write API', 'Deploy']);
    expect(matchTasks(previous, next)).toEqual([
      { previousId: 'a1', nextId: 'b1', by: 'title' },
      { previousId: 'a2', nextId: 'b2', by: 'title' },
      { previousId: 'a3', nextId: 'b3', by: 'title' },
    ]);
  });

  it('pairs a renamed task by its source id', () => {
    const previous = [task('a1', 'Auth', { sourceId: 'T001' }), task('a2', 'Docs', { sourceId: 'T002' })];
    const next = [
      task('b1', 'Sign in with passkeys', { sourceId: 'T001' }),
      task('b2', 'Docs', { sourceId: 'T002' }),
    ];
    expect(matchTasks(previous, next)).toEqual([
      { previousId: 'a1', nextId: 'b1', by: 'sourceId' },
      { previousId: 'a2', nextId: 'b2', by: 'sourceId' },
    ]);
  });

  it('follows titles, not stale source ids, when a regenerated plan is renumbered', () => {
    const previous = [
      task('a1', 'Set up repo', { sourceId: 'T001' }),
      task('a2', 'Write API', { sourceId: 'T002' }),
    ];
    const next = [
      task('b1', 'Write a design note', { sourceId: 'T001' }),
      task('b2', 'Set up repo', { sourceId: 'T002' }),
      task('b3', 'Write API', { sourceId: 'T003' }),
    ];
    const matches = matchTasks(previous, next);
    expect(pairsOf(matches)).toEqual({ b2: 'a1', b3: 'a2' });
    expect(matches.find((row) => row.nextId === 'b1')).toEqual({ previousId: null, nextId: 'b1', by: null });
  });

  it('ignores source ids that are not unique on both sides', () => {
    const previous = [task('a1', 'Alpha', { sourceId: '1' }), task('a2', 'Beta', { sourceId: '1' })];
    const next = [task('b1', 'Gamma', { sourceId: '1' })];
    expect(pairsOf(matchTasks(previous, next))).toEqual({});
  });

  it('pairs titles that differ only in case, punctuation and Markdown', () => {
    const previous = tasks('a', ['Set up **CI**.', 'write the API docs']);
    const next = tasks('b', ['set up ci', 'Write the `API` docs!']);
    expect(matchTasks(previous, next).map((row) => row.by)).toEqual(['title', 'title']);
  });

  it('pairs a typo fix or added words by similarity, and not a really different task', () => {
    const previous = tasks('a', ['Implment login page', 'Add dark mode', 'Deploy to staging']);
    const next = tasks('b', ['Implement login page', 'Add dark mode toggle', 'Deploy to production']);
    const matches = matchTasks(previous, next);
    expect(pairsOf(matches)).toEqual({ b1: 'a1', b2: 'a2' });
    expect(matches[0]?.by).toBe('similar');
    expect(matches[0]?.similarity).toBeGreaterThan(0.9);
    expect(matches.filter((row) => row.by === null).map((row) => row.previousId ?? row.nextId)).toEqual([
      'b3',
      'a3',
    ]);
  });

  it('pairs reordered tasks and reports added and removed ones', () => {
    const previous = tasks('a', ['One', 'Two', 'Three', 'Four']);
    const next = tasks('b', ['Four', 'Five', 'Two', 'One']);
    const matches = matchTasks(previous, next);
    expect(pairsOf(matches)).toEqual({ b1: 'a4', b3: 'a2', b4: 'a1' });
    expect(matches.filter((row) => row.by === null)).toEqual([
      { previousId: null, nextId: 'b2', by: null },
      { previousId: 'a3', nextId: null, by: null },
    ]);
    expect(matches.at(-1)).toEqual({ previousId: 'a3', nextId: null, by: null });
  });

  it('pairs duplicate titles within their own phase', () => {
    const previous = [
      task('a1', 'Write tests', { phase: 'backend' }),
      task('a2', 'Write tests', { phase: 'frontend' }),
    ];
    const next = [
      task('b1', 'Design the UI', { phase: 'frontend' }),
      task('b2', 'Write tests', { phase: 'frontend' }),
      task('b3', 'Write tests', { phase: 'backend' }),
    ];
    expect(pairsOf(matchTasks(previous, next))).toEqual({ b2: 'a2', b3: 'a1' });
  });

  it('pairs duplicate titles under the parent already paired', () => {
    const previous = [
      task('a1', 'Login'),
      task('a2', 'Tests', { parentId: 'a1' }),
      task('a3', 'Billing'),
      task('a4', 'Tests', { parentId: 'a3' }),
    ];
    const next = [
      task('b1', 'Billing'),
      task('b2', 'Tests', { parentId: 'b1' }),
      task('b3', 'Login'),
      task('b4', 'Tests', { parentId: 'b3' }),
    ];
    expect(pairsOf(matchTasks(previous, next))).toEqual({ b1: 'a3', b2: 'a4', b3: 'a1', b4: 'a2' });
  });

  it('normalises Korean, Cyrillic and Chinese titles', () => {
    const previous = tasks('a', [
      '데이터베이스 설정'.normalize('NFD'),
      'Настроить базу данных',
      '实现用户登录。',
    ]);
    const next = tasks('b', ['**데이터베이스** 설정', 'НАСТРОИТЬ БАЗУ ДАННЫХ!', '实现用户登录']);
    const matches = matchTasks(previous, next);
    expect(pairsOf(matches)).toEqual({ b1: 'a1', b2: 'a2', b3: 'a3' });
    expect(matches.every((row) => row.by === 'title')).toBe(true);
  });

  it('survives parent cycles and unknown parents', () => {
    const previous = [task('a1', 'X', { parentId: 'a2' }), task('a2', 'Y', { parentId: 'a1' })];
    const next = [task('b1', 'X', { parentId: 'zz' }), task('b2', 'Y', { parentId: 'b2' })];
    expect(pairsOf(matchTasks(previous, next))).toEqual({ b1: 'a1', b2: 'a2' });
  });

  it('covers every task of both sides exactly once, one to one', () => {
    const arbitraries = [planAndRegeneration, fc.tuple(planArbitrary('p'), planArbitrary('n'))];
    for (const arbitrary of arbitraries) {
      fc.assert(
        fc.property(arbitrary, ([previous, next]) => {
          const matches = matchTasks(previous, next);
          expect(matches.flatMap((row) => (row.nextId === null ? [] : [row.nextId]))).toEqual(
            next.map((t) => t.id),
          );
          const previousIds = matches.flatMap((row) => (row.previousId === null ? [] : [row.previousId]));
          expect([...previousIds].sort()).toEqual(previous.map((t) => t.id).sort());
          for (const row of matches)
            expect(row.by === null).toBe(row.previousId === null || row.nextId === null);
        }),
      );
    }
  });

  it('pairs a plan with itself task by task, deterministically', () => {
    fc.assert(
      fc.property(planArbitrary('p'), (plan) => {
        const matches = matchTasks(plan, plan);
        expect(matches.map((row) => [row.previousId, row.nextId])).toEqual(plan.map((t) => [t.id, t.id]));
        expect(matchTasks(plan, plan)).toEqual(matches);
      }),
    );
  });
});
