import { describe, expect, it } from 'vitest';
import { planFixture, taskById } from '../../../../test/helpers/fixtures.js';
import { PlanImportError } from '../plan.model.js';
import type { PlanTask } from '../plan.model.js';
import { importSpecKit, looksLikeSpecKit } from './speckit.importer.js';

const fixture = planFixture;
const byId = taskById;
const ids = (tasks: readonly PlanTask[]): string[] => tasks.map((task) => task.id);
const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `T${String(from + i).padStart(3, '0')}`);

describe('importSpecKit on real files', () => {
  it('reads uppercase [X], one-space-indented lines, out-of-order ids and ignores the fenced example', () => {
    const plan = importSpecKit({ text: fixture('speckit-tasks-japanese-uppercase-x-indented.md') });
    expect(plan.title).toBe('Tasks: モダンなレイアウト + テーマ切り替え');
    expect(plan.tasks).toHaveLength(29);
    expect(new Set(ids(plan.tasks)).size).toBe(29);
    expect(ids(plan.tasks.filter((task) => task.status !== 'done'))).toEqual([
      'T012',
      'T019',
      'T024',
      'T025',
      'T028',
    ]);
    expect(ids(plan.tasks).slice(24)).toEqual(['T025', 'T029', 'T026', 'T027', 'T028']);
    expect(byId(plan, 'T008')).toMatchObject({
      source: { line: 61 },
      tags: ['US1'],
      phase: 'phase-3/implementation-for-user-story-1',
    });
    expect(byId(plan, 'T009').tags).toEqual(['parallel', 'US1']);
    expect(byId(plan, 'T013').source.line).toBe(79);
    expect(plan.phases.filter((phase) => phase.parentId === null).map((phase) => phase.id)).toEqual([
      'phase-1',
      'phase-2',
      'phase-3',
      'phase-4',
      'phase-5',
      'phase-6',
    ]);
    expect(plan.phases.find((phase) => phase.id === 'phase-4')?.title).toBe(
      'Phase 4: User Story 2 - テーマを切り替えて見やすくする (Priority: P2)',
    );
    expect(plan.checkpoints).toHaveLength(4);
    expect(plan.checkpoints[0]).toMatchObject({
      phaseId: 'phase-2',
      taskIds: range(3, 7),
      criteria: 'Foundation ready - user story implementation can now begin (US1/US2/US3)',
      source: { line: 49 },
    });
    expect(plan.checkpoints[2]?.taskIds).toEqual(range(13, 19));
    expect(plan.warnings).toEqual([]);
  });

  it('reads mixed checkboxes, ### sub-groups and paths with brackets', () => {
    const plan = importSpecKit({ text: fixture('speckit-tasks-portuguese-mixed-checkboxes.md') });
    expect(plan.tasks).toHaveLength(77);
    expect(ids(plan.tasks.filter((task) => task.status === 'todo'))).toEqual([
      'T003',
      'T004',
      'T005',
      'T007',
      'T026',
      'T061',
      'T074',
      'T076',
      'T077',
    ]);
    // The summary table says 31; the task lines carry 30 [P] marks (the 31st grep hit is the legend).
    expect(plan.tasks.filter((task) => task.tags.includes('parallel'))).toHaveLength(30);
    expect(plan.tasks.some((task) => task.tags.includes('US6'))).toBe(false);
    expect(byId(plan, 'T009').title).toBe('Create auth API route in src/app/api/auth/[...nextauth]/route.ts');
    expect(plan.phases.filter((phase) => phase.parentId === 'phase-2').map((phase) => phase.title)).toEqual([
      'Authentication (US6 - Prerequisite for all stories)',
      'Base UI Components',
      'Layout Components',
      'Core Services',
    ]);
    expect(plan.checkpoints).toHaveLength(8);
    expect(plan.checkpoints[1]).toMatchObject({ phaseId: 'phase-2', taskIds: range(8, 26) });
    expect(plan.checkpoints[2]?.criteria).toBe(
      'User can upload photo, see it in dashboard with status "aguardando avaliações"',
    );
    expect(plan.phases.find((phase) => phase.id === 'phase-6')?.title).toBe(
      'Phase 6: User Story 4 - Comprar Créditos via Pix (Priority: P2)',
    );
    expect(plan.warnings).toEqual([]);
  });

  it('reads dependencies written in prose and skips mentions that are not dependencies', () => {
    const plan = importSpecKit({ text: fixture('speckit-tasks-inline-dependencies-tdd.md') });
    expect(plan.tasks).toHaveLength(27);
    expect(plan.tasks.every((task) => task.status === 'done')).toBe(true);
    expect(byId(plan, 'T005').dependsOn).toEqual(['T004']);
    expect(byId(plan, 'T006').dependsOn).toEqual(['T002', 'T003']);
    expect(byId(plan, 'T007').dependsOn).toEqual(['T006']);
    expect(byId(plan, 'T013').dependsOn).toEqual(['T007']);
    expect(byId(plan, 'T014').dependsOn).toEqual([]);
    expect(byId(plan, 'T016').dependsOn).toEqual([]);
    expect(byId(plan, 'T018').dependsOn).toEqual(['T014']);
    expect(byId(plan, 'T016').phase).toBe('phase-4');
    expect(byId(plan, 'T008').phase).toBe('phase-3/tests-for-user-story-1-write-first-must-fail-bef');
    expect(plan.checkpoints.map((checkpoint) => checkpoint.phaseId)).toEqual([
      'phase-2',
      'phase-3',
      'phase-4',
      'phase-5',
      'phase-6',
    ]);
    expect(plan.checkpoints[1]?.taskIds).toEqual(range(8, 15));
    expect(plan.warnings).toEqual([]);
  });
});

describe('importSpecKit rules', () => {
  it('joins wrapped continuation lines and keeps nested notes as the description', () => {
    const plan = importSpecKit({
      text: '## Phase 1: Setup\n\n- [ ] T001 [P] Create the\nproject skeleton\n  in src/ (after T002)\n  - note one\n- [x] T002 Init\n',
    });
    expect(byId(plan, 'T001')).toMatchObject({
      title: 'Create the project skeleton in src/ (after T002)',
      description: '- note one',
      dependsOn: ['T002'],
      tags: ['parallel'],
      status: 'todo',
    });
    expect(byId(plan, 'T002').source.line).toBe(7);
  });

  it('never creates tasks from fenced blocks and reads the older 3.1 numbering', () => {
    const text =
      '# Tasks\n\n## Phase 3.1: Setup\n- [ ] T001 Setup\n\n### 3.2 Tests\n- [ ] T002 Test\n\n```\n- [ ] T003 fenced\nTask: "T001 Setup"\n```\n';
    const plan = importSpecKit({ text });
    expect(ids(plan.tasks)).toEqual(['T001', 'T002']);
    expect(plan.phases.map((phase) => [phase.id, phase.parentId])).toEqual([
      ['phase-3.1', null],
      ['phase-3.2', 'phase-3.1'],
    ]);
  });

  it('keeps duplicate ids with a warning and points dependencies at the first', () => {
    const plan = importSpecKit({
      text: '- [ ] T001 A\n- [ ] T001 B\n- [ ] T002 C (depends on T001, T009)\n- [ ] Untitled thing\n',
    });
    expect(ids(plan.tasks)).toEqual(['T001', 'T001~2', 'T002']);
    expect(byId(plan, 'T002').dependsOn).toEqual(['T001']);
    expect(plan.warnings).toEqual([
      {
        line: 2,
        message:
          'Task id T001 is used more than once; this one was imported as T001~2. Dependencies on T001 point to the first.',
      },
      { line: 4, message: 'A checkbox item without a T-id (T001…) was not imported as a task.' },
      {
        line: 3,
        message:
          'Task T002 names T009 as a prerequisite, but there is no task T009; that dependency was ignored.',
      },
    ]);
  });

  it('makes checkpoints outside phases cover the tasks before them', () => {
    const plan = importSpecKit({
      text: '- [ ] T001 A\n\n**Checkpoint**: A works\n\n- [ ] T002 B\n\nCheckpoint: B works\n',
    });
    expect(
      plan.checkpoints.map((checkpoint) => [checkpoint.taskIds, checkpoint.criteria, checkpoint.phaseId]),
    ).toEqual([
      [['T001'], 'A works', null],
      [['T002'], 'B works', null],
    ]);
  });

  it('rejects empty and task-less input', () => {
    expect(() => importSpecKit({ text: '  \n' })).toThrow(PlanImportError);
    expect(() => importSpecKit({ text: '# Notes\n\n- just a list\n' })).toThrow(/No spec-kit tasks/);
    expect(() => importSpecKit({ text: '\u0000\u0001garbage[[[' })).toThrow(PlanImportError);
  });

  it('recognises spec-kit task lists only', () => {
    expect(looksLikeSpecKit(' - [X] T001 Install')).toBe(true);
    expect(looksLikeSpecKit('- [ ] 1. Kiro task\n  - _Requirements: 1.1_')).toBe(false);
    expect(looksLikeSpecKit('- [ ] Buy milk')).toBe(false);
  });
});
