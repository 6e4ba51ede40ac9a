import { describe, expect, it } from 'vitest';
import { planFixture, taskById } from '../../../../test/helpers/fixtures.js';
import { PlanImportError } from '../plan.model.js';
import type { PlanTask } from '../plan.model.js';
import { importKiro, looksLikeKiro } from './kiro.importer.js';

const fixture = planFixture;
const byId = taskById;
const ids = (tasks: readonly PlanTask[]): string[] => tasks.map((task) => task.id);

describe('importKiro on real files', () => {
  it('reads Chinese phases, [ ]* optional subtasks, [~] checkpoints and ignores the fenced graph', () => {
    const plan = importKiro({ text: fixture('kiro-tasks-chinese-optional-star-inprogress-tilde.md') });
    expect(plan.title).toBe('Implementation Plan: Dashboard Web Upgrade');
    expect(plan.tasks).toHaveLength(46);
    expect(plan.tasks.filter((task) => task.parentId === null)).toHaveLength(15);
    expect(ids(plan.tasks.filter((task) => task.optional))).toEqual([
      '1.2',
      '1.3',
      '4.3',
      '4.5',
      '4.7',
      '4.8',
      '8.2',
      '9.3',
      '12.2',
      '13.2',
      '13.3',
    ]);
    expect(ids(plan.tasks.filter((task) => task.status === 'in_progress'))).toEqual(['3', '7', '11', '15']);
    expect(plan.tasks.filter((task) => task.status === 'done')).toHaveLength(30);
    expect(byId(plan, '1')).toMatchObject({
      status: 'todo',
      title: '修改 Analyze_API 為同步等待模式',
      source: { line: 13 },
      phase: 'phase-B1',
    });
    expect(byId(plan, '1.1')).toMatchObject({
      status: 'done',
      parentId: '1',
      tags: ['req:1.1', 'req:1.4', 'req:1.5', 'req:1.7'],
    });
    expect(byId(plan, '1.2').description).toContain('**Property 1：Analyze_API 不回傳 processing 狀態**');
    expect(byId(plan, '1.2').description).toContain('**Validates: Requirements 1.1**');
    expect(byId(plan, '1.1').description).not.toContain('_Requirements');
    expect(plan.phases.map((phase) => [phase.id, phase.title])).toEqual([
      ['phase-B1', 'Phase B1：Analyze_API 同步回傳'],
      ['phase-B2', 'Phase B2：K 線圖技術指標'],
      ['phase-B3', 'Phase B3：指揮中心升級'],
      ['phase-B4', 'Phase B4：自動刷新 + 瀏覽器通知'],
    ]);
    expect(plan.checkpoints).toHaveLength(4);
    expect(plan.checkpoints[0]).toMatchObject({
      title: 'Checkpoint B1 — 確認同步回傳正常運作',
      phaseId: 'phase-B1',
      taskIds: ['1', '1.1', '2', '2.1'],
      source: { line: 38 },
    });
    expect(plan.checkpoints[0]?.criteria).toBe(
      '確保所有測試通過，確認 `analyze/route.ts` 不含 `processing` 回傳邏輯，詢問使用者是否有問題。',
    );
    expect(plan.checkpoints[3]?.taskIds).toEqual(['12', '12.1', '13', '13.1', '14', '14.1', '14.2']);
    expect(plan.tasks.every((task) => task.dependsOn.length === 0)).toBe(true);
    expect(plan.warnings).toEqual([]);
  });

  it('reads nested subtasks up to 7.10, optional tests, checkpoint tasks and non-numeric requirements', () => {
    const plan = importKiro({ text: fixture('kiro-tasks-nested-optional-tests-no-final-newline.md') });
    expect(plan.tasks).toHaveLength(71);
    expect(plan.tasks.filter((task) => task.parentId === null)).toHaveLength(15);
    expect(plan.tasks.filter((task) => task.optional)).toHaveLength(10);
    expect(plan.tasks.filter((task) => task.status === 'done')).toHaveLength(49);
    expect(ids(plan.tasks.filter((task) => task.parentId === '7'))).toEqual([
      '7.1',
      '7.2',
      '7.3',
      '7.4',
      '7.5',
      '7.6',
      '7.7',
      '7.8',
      '7.9',
      '7.10',
    ]);
    expect(byId(plan, '7.10')).toMatchObject({
      optional: true,
      status: 'todo',
      source: { line: 186 },
      tags: ['req:3.3'],
    });
    expect(plan.phases).toEqual([]);
    expect(
      plan.checkpoints.map((checkpoint) => [
        checkpoint.title,
        checkpoint.taskIds.length,
        checkpoint.criteria,
      ]),
    ).toEqual([
      ['Checkpoint - Ensure all tests pass', 19, 'Ensure all tests pass, ask the user if questions arise.'],
      [
        'Final checkpoint - Ensure all tests pass',
        40,
        'Ensure all tests pass, ask the user if questions arise.',
      ],
    ]);
    expect(plan.checkpoints[1]?.taskIds).not.toContain('7.4');
    expect(byId(plan, '4.1').description).toContain(
      'Requirements: All requirements (performance monitoring)',
    );
    expect(plan.warnings.map((warning) => warning.line)).toEqual([86, 313, 332, 338]);
    expect(plan.warnings[0]?.message).toBe(
      'Task 4.1: requirement reference "All requirements (performance monitoring)" is not a requirement number; it was kept in the description, not as a req: tag.',
    );
  });
});

describe('importKiro rules', () => {
  it('reads [ ]* whether or not GFM parses the checkbox, and [~] as in progress', () => {
    const plan = importKiro({
      text: '- [ ] 1. Parent\n  - [ ]* 1.1 Optional\n  - [ ] * 1.2 Also optional\n  - [~] 1.3 Going\n  - [-] 1.4 Going too\n',
    });
    expect(plan.tasks.map((task) => [task.id, task.optional, task.status])).toEqual([
      ['1', false, 'todo'],
      ['1.1', true, 'todo'],
      ['1.2', true, 'todo'],
      ['1.3', false, 'in_progress'],
      ['1.4', false, 'in_progress'],
    ]);
  });

  it('warns when a parent is checked while required subtasks are not', () => {
    const plan = importKiro({
      text: '- [x] 1. Parent\n  - [ ] 1.1 Open\n  - [ ]* 1.2 Optional\n  - [x] 1.3 Done\n',
    });
    expect(plan.warnings).toEqual([
      { line: 1, message: 'Task 1 is checked but its subtasks 1.1 are not; both were kept as written.' },
    ]);
  });

  it('gives phases without a checkpoint task an end checkpoint and reads wrapped requirements', () => {
    const plan = importKiro({
      text: '## Phase A: Base\n\n- [ ] 1. Build it\n  _Requirements: 2.1, 3_\n- [ ] 2. Unnumbered child\n  - [ ] Detail task\n',
    });
    expect(byId(plan, '1')).toMatchObject({ title: 'Build it', tags: ['req:2.1', 'req:3'] });
    expect(ids(plan.tasks)).toEqual(['1', '2', '2.task-1']);
    expect(plan.checkpoints).toEqual([
      {
        id: 'checkpoint-phase-A',
        title: 'End of Phase A: Base',
        taskIds: ['1', '2', '2.task-1'],
        phaseId: 'phase-A',
        criteria: null,
        source: { line: 1 },
      },
    ]);
    expect(plan.warnings).toEqual([
      { line: 6, message: 'A task has no number; it was given the id 2.task-1.' },
    ]);
  });

  it('keeps duplicate numbers, ignores fenced blocks and rejects task-less input', () => {
    const plan = importKiro({ text: '- [ ] 1. A\n- [ ] 1. B\n\n```\n- [ ] 2. fenced\n```\n' });
    expect(ids(plan.tasks)).toEqual(['1', '1~2']);
    expect(plan.warnings[0]).toEqual({
      line: 2,
      message: 'Task number 1 is used more than once; this one was imported as 1~2.',
    });
    expect(() => importKiro({ text: '' })).toThrow(PlanImportError);
    expect(() => importKiro({ text: '# Plan\n\nJust prose.' })).toThrow(/No Kiro tasks/);
  });

  it('recognises Kiro task lists but not spec-kit or plain checklists', () => {
    expect(looksLikeKiro('# Implementation Plan\n\n- [ ] 1. Set up\n')).toBe(true);
    expect(looksLikeKiro('- [ ] 1. Set up\n  - _Requirements: 1.1_\n')).toBe(true);
    expect(looksLikeKiro('- [ ] T001 Setup\n')).toBe(false);
    expect(looksLikeKiro('- [ ] 1. Buy milk\n')).toBe(false);
  });
});
